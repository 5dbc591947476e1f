/** The corpus model every engine reads. Offsets are UTF-16 indices into the document's original text. */

export type DocumentKind = 'news' | 'opinion' | 'statement';

/** What a block of the original text is, as a reader would recognise it. Only `body` (and comments) carry the article's content. */
export type BlockRole =
  | 'title'
  | 'byline'
  | 'deck'
  | 'dateline'
  | 'body'
  | 'heading'
  | 'caption'
  | 'credit'
  | 'tags'
  | 'boilerplate'
  | 'comment';

export interface Token {
  /** The token exactly as written. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Universal part of speech (wink-nlp): PROPN, NOUN, VERB, PRON, PUNCT, ... */
  readonly pos: string;
  /** wink-nlp token type: word, punctuation, number, ... */
  readonly type: string;
  /** Lower-cased form. */
  readonly normal: string;
  /** Lemma of the token, as wink-nlp gives it. */
  readonly lemma: string;
}

export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly Token[];
}

export interface Paragraph {
  readonly documentId: string;
  /** 1-based. Body paragraphs are numbered among the body; other roles among their own role; comment paragraphs within their comment. */
  readonly index: number;
  /** The reader comment's number, or null for the article itself. */
  readonly comment: number | null;
  readonly role: BlockRole;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly sentences: readonly Sentence[];
}

export interface ReaderComment {
  /** 1-based, as numbered on the page. */
  readonly index: number;
  readonly author: string | null;
  /** The name the comment answers (`@Name`), or null. */
  readonly replyTo: string | null;
  /** The comment it quotes or answers, when that can be told from quoted text or from the author it names. */
  readonly replyToComment: number | null;
  readonly start: number;
  readonly end: number;
  readonly paragraphs: readonly Paragraph[];
}

export interface DocumentMeta {
  /** File name without extension. */
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly author: string | null;
  /** YYYY-MM-DD or null. */
  readonly published: string | null;
  /** True when `published` was read from the text rather than given by the manifest. */
  readonly publishedInferred: boolean;
  readonly kind: DocumentKind;
}

export interface CorpusDocument {
  readonly meta: DocumentMeta;
  readonly text: string;
  /** The article's own paragraphs, in order. */
  readonly body: readonly Paragraph[];
  /** Photo captions (their dates are used by the timeline). */
  readonly captions: readonly Paragraph[];
  /** Every other block: title, byline, deck, dateline, heading, credit, tags, boilerplate. */
  readonly other: readonly Paragraph[];
  readonly comments: readonly ReaderComment[];
}

/** Where a passage comes from: the citation every answer carries. */
export interface Citation {
  readonly documentId: string;
  readonly paragraph: number;
  readonly comment: number | null;
  /** Set for passages outside the body, e.g. 'caption'. */
  readonly role?: BlockRole;
}

export interface Corpus {
  readonly documents: readonly CorpusDocument[];
  readonly byId: ReadonlyMap<string, CorpusDocument>;
}
