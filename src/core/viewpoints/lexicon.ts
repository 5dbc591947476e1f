/**
 * The small, general lexicon stance is read with: polarity pairs (a predicate and its opposites), the words that
 * flip a predicate (negation, difficulty, prevention), and the cues that mark a sentence as taking a position.
 * Nothing here names a corpus's people, places or topics.
 */

export interface PolarityGroup {
  /** Stable key. */
  readonly id: string;
  /** Words (lemmas or lower-cased forms) that affirm the predicate. */
  readonly plus: readonly string[];
  /** Words that deny it or assert its opposite. */
  readonly minus: readonly string[];
  /** The pair as a reader would say it, for suggested disputes ("leave or stay"). */
  readonly phrase: string;
  /** Groups whose words bear on this predicate with the same orientation (capability bears on likelihood). */
  readonly related?: readonly string[];
}

export const POLARITY_GROUPS: readonly PolarityGroup[] = [
  {
    id: 'leave',
    plus: [
      'leave',
      'withdraw',
      'withdrawal',
      'withdrawing',
      'exit',
      'depart',
      'departure',
      'pullout',
      'retreat',
      'evacuate',
      'evacuation',
      'drawdown',
    ],
    minus: [
      'stay',
      'remain',
      'linger',
      'occupy',
      'occupation',
      'entrench',
      'permanent',
      'permanently',
      'indefinitely',
    ],
    phrase: 'leave or stay',
  },
  {
    id: 'likely',
    plus: [
      'likely',
      'probable',
      'probably',
      'accelerate',
      'hasten',
      'increase',
      'intensify',
      'escalate',
      'escalation',
      'embolden',
      'encourage',
      'spur',
      'bolder',
      'urgency',
      'inevitable',
      'imminent',
      'trigger',
    ],
    minus: [
      'unlikely',
      'improbable',
      'deter',
      'deterrent',
      'deterring',
      'hinder',
      'prevent',
      'discourage',
      'restrain',
      'reduce',
      'lessen',
      'dampen',
      'distract',
      'constrain',
      'curb',
      'delay',
    ],
    phrase: 'more or less likely',
    related: ['capable'],
  },
  {
    id: 'capable',
    plus: ['capability', 'capable', 'capacity', 'ability', 'able', 'power', 'powerful'],
    minus: ['unable', 'incapable', 'inability', 'overstretched', 'overstretch'],
    phrase: 'capable or not',
  },
  {
    id: 'strong',
    plus: [
      'strong',
      'stronger',
      'strongly',
      'strength',
      'tough',
      'tougher',
      'firm',
      'firmly',
      'forceful',
      'forcefully',
      'robust',
      'serious',
      'decisive',
      'vigorous',
      'adequate',
      'sufficient',
      'enough',
      'effective',
      'convincing',
      'ok',
      'okay',
      'credible',
      'bold',
      'resolute',
    ],
    minus: [
      'weak',
      'weaker',
      'weakness',
      'passive',
      'anemic',
      'anaemic',
      'feeble',
      'impotent',
      'impotence',
      'loser',
      'inadequate',
      'insufficient',
      'soft',
      'timid',
      'lax',
      'fiasco',
      'toothless',
      'ineffective',
      'limp',
      'bowing',
      'appeasement',
      'deference',
    ],
    phrase: 'strong or weak',
  },
  {
    id: 'rebuild',
    plus: [
      'rebuild',
      'reassemble',
      'regain',
      'revive',
      'recreate',
      'reconstitute',
      'resurrect',
      'reunify',
      'reunification',
      'reestablish',
      'reclaim',
      'reassert',
    ],
    minus: [],
    phrase: 'rebuilt or not',
    related: ['expand'],
  },
  {
    id: 'expand',
    plus: [
      'expand',
      'expansion',
      'expansionist',
      'dominate',
      'dominance',
      'domination',
      'annex',
      'annexation',
      'empire',
      'imperial',
      'hegemony',
      'hegemonic',
      'takeover',
      'conquer',
      'grip',
    ],
    minus: ['protect', 'defend', 'defensive', 'defence', 'defense', 'sovereignty', 'independence', 'loosen'],
    phrase: 'expansion or defence',
  },
  {
    id: 'benefit',
    plus: [
      'benefit',
      'beneficial',
      'beneficiary',
      'beneficiaries',
      'gain',
      'win',
      'winner',
      'advantage',
      'opportunity',
      'godsend',
      'profit',
      'consolidate',
      'strengthen',
      'applaud',
    ],
    minus: [
      'lose',
      'loss',
      'cost',
      'harm',
      'hurt',
      'suffer',
      'damage',
      'blow',
      'setback',
      'undermine',
      'weaken',
      'vacuum',
    ],
    phrase: 'gain or lose',
  },
  {
    id: 'legitimate',
    plus: [
      'legitimate',
      'legitimacy',
      'legal',
      'lawful',
      'justified',
      'justify',
      'valid',
      'mandate',
      'authorize',
      'authorized',
      'consent',
      'proper',
      'invite',
      'invitation',
      'right',
    ],
    minus: [
      'illegitimate',
      'illegal',
      'unlawful',
      'pretext',
      'shield',
      'unjustified',
      'unauthorized',
      'sham',
      'violate',
      'violation',
      'so-called',
    ],
    phrase: 'legitimate or not',
  },
  {
    id: 'cause',
    plus: [
      'cause',
      'blame',
      'provoke',
      'instigate',
      'stir',
      'responsible',
      'fault',
      'incite',
      'orchestrate',
      'foment',
      'culprit',
      'mastermind',
      'masterminds',
    ],
    minus: ['innocent', 'blameless'],
    phrase: 'to blame or not',
  },
  {
    id: 'support',
    plus: ['support', 'endorse', 'agree', 'welcome', 'approve', 'praise', 'favor', 'favour', 'back'],
    minus: [
      'oppose',
      'reject',
      'condemn',
      'criticize',
      'criticise',
      'disagree',
      'denounce',
      'skeptical',
      'sceptical',
      'against',
    ],
    phrase: 'support or oppose',
  },
  {
    id: 'success',
    plus: ['succeed', 'success', 'successful', 'victory', 'achieve', 'prevail', 'triumph'],
    minus: [
      'fail',
      'failure',
      'collapse',
      'defeat',
      'mistake',
      'miscalculation',
      'disaster',
      'disastrous',
      'blunder',
      'error',
    ],
    phrase: 'success or failure',
  },
  {
    id: 'threat',
    plus: [
      'threat',
      'threaten',
      'threatening',
      'dangerous',
      'danger',
      'risk',
      'risky',
      'menace',
      'alarming',
      'troubling',
    ],
    minus: ['safe', 'harmless', 'benign'],
    phrase: 'threat or not',
  },
  {
    id: 'stable',
    plus: ['stable', 'stability', 'stabilize', 'stabilization', 'calm', 'order', 'normalcy', 'peaceful'],
    minus: [
      'unstable',
      'instability',
      'unrest',
      'chaos',
      'turmoil',
      'uprising',
      'riot',
      'destabilize',
      'destabilizing',
    ],
    phrase: 'stable or unstable',
  },
  {
    id: 'true',
    plus: ['true', 'truth', 'fact', 'correct', 'accurate', 'real', 'genuine'],
    minus: ['false', 'untrue', 'lie', 'myth', 'propaganda', 'disinformation', 'fake', 'bogus'],
    phrase: 'true or false',
  },
  {
    id: 'good',
    plus: ['good', 'wise', 'positive', 'helpful', 'smart', 'sound', 'fine', 'better', 'best'],
    minus: [
      'bad',
      'wrong',
      'dangerous',
      'appalling',
      'terrible',
      'harmful',
      'foolish',
      'desperate',
      'unpleasant',
      'worse',
      'worst',
      'awful',
      'misguided',
    ],
    phrase: 'good or bad',
  },
];

/**
 * What a topic that names a thing but asks nothing of it ("subsidy", "economic impact") is asked: how it is judged.
 * The first two weigh 1, the others as related groups.
 */
export const EVALUATIVE_GROUPS: readonly string[] = ['support', 'good', 'benefit', 'success'];

/** Number words that say how many, not what ("thousands of jobs"). */
export const QUANTITY_WORDS: ReadonlySet<string> = new Set([
  'hundred',
  'thousand',
  'million',
  'billion',
  'trillion',
  'dozen',
  'many',
  'few',
  'several',
]);

export const GROUP_BY_ID: ReadonlyMap<string, PolarityGroup> = new Map(POLARITY_GROUPS.map((g) => [g.id, g]));

/** Every lexicon word, with the groups and pole it belongs to. */
export const POLAR_WORDS: ReadonlyMap<string, readonly { group: string; pole: 1 | -1 }[]> = (() => {
  const map = new Map<string, { group: string; pole: 1 | -1 }[]>();
  for (const g of POLARITY_GROUPS) {
    for (const [words, pole] of [
      [g.plus, 1],
      [g.minus, -1],
    ] as const) {
      for (const w of words) {
        const list = map.get(w) ?? [];
        list.push({ group: g.id, pole });
        map.set(w, list);
      }
    }
  }
  return map;
})();

/** Words that flip the predicate that follows them in the same clause: negation, difficulty, prevention, absence. */
export const FLIPPERS: ReadonlySet<string> = new Set([
  'not',
  "n't",
  'n’t',
  'no',
  'never',
  'nor',
  'neither',
  'without',
  'none',
  'nothing',
  'cannot',
  'lack',
  'lacks',
  'lacking',
  'absence',
  'difficult',
  'hard',
  'impossible',
  'unlikely',
  'unable',
  'refuse',
  'prevent',
  'stop',
  'deter',
  'hinder',
  'away',
  'doubt',
  'doubtful',
  'hardly',
  'barely',
  'rarely',
  'less',
  'fail',
  'failed',
]);

/**
 * Verbs that call the predicate after them into doubt ("they question the right to intervene" -> -, "no one will
 * question the right" -> +). Lemmas, and only when tagged as a verb: "the question is", "a legal challenge" do not.
 */
export const DOUBT_VERBS: ReadonlySet<string> = new Set([
  'question',
  'dispute',
  'deny',
  'challenge',
  'contest',
  'refute',
]);

/** Words that flip a predicate they follow closely ("withdrawal is unlikely", "leaving is impossible"). */
export const TRAILING_FLIPPERS: ReadonlySet<string> = new Set([
  'unlikely',
  'impossible',
  'doubtful',
  'difficult',
  'hard',
  'not',
  "n't",
  'n’t',
  'never',
]);

/** Tokens that end a negation's scope. */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([
  ',',
  ';',
  ':',
  '—',
  '–',
  '(',
  ')',
  'but',
  'while',
  'although',
  'though',
  'whereas',
  'however',
  'because',
  '.',
  '?',
  '!',
]);

/** How far (in tokens) a flipper reaches forward. */
export const FLIP_SCOPE = 12;

/** Opinion markers: first-person belief, certainty, judgement. Lower-cased token sequences. */
export const OPINION_MARKERS: readonly string[] = [
  'i think',
  'i believe',
  'i expect',
  'i worry',
  'i fear',
  "i'm not sure",
  'i’m not sure',
  'i don’t think',
  "i don't think",
  'i don’t see',
  "i don't see",
  'in my view',
  'in my opinion',
  'personally',
  'the reality is',
  'the truth is',
  'the question is',
  'in fact',
  'clearly',
  'obviously',
  'certainly',
  'surely',
  'of course',
  'needless to say',
  'it is always',
  'is a mistake',
  'it seems to me',
  'seems to me',
  'absolutely',
  'undoubtedly',
  'without doubt',
  'no doubt',
];

/** Modal verbs and hedges that mark a claim about what will, should or may happen. */
export const MODALS: ReadonlySet<string> = new Set([
  'should',
  'must',
  'ought',
  'would',
  'could',
  'might',
  'may',
  'will',
  'wo',
  'cannot',
  'can',
  'need',
  'probably',
  'perhaps',
  'likely',
  'unlikely',
]);

/** Verbs that attribute a claim to someone. */
export const ATTRIBUTION_VERBS: ReadonlySet<string> = new Set([
  'say',
  'said',
  'says',
  'tell',
  'told',
  'warn',
  'warned',
  'argue',
  'argued',
  'add',
  'added',
  'note',
  'noted',
  'write',
  'wrote',
  'claim',
  'claimed',
  'believe',
  'believed',
  'suggest',
  'suggested',
  'predict',
  'predicted',
  'insist',
  'insisted',
  'state',
  'stated',
  'explain',
  'explained',
  'accuse',
  'accused',
  'contend',
  'contended',
  'assert',
  'asserted',
  'declare',
  'declared',
  'continue',
  'continued',
  'acknowledge',
  'acknowledged',
]);

/** Contrast markers: the sentence answers or corrects something. */
export const CONTRAST_MARKERS: ReadonlySet<string> = new Set([
  'but',
  'however',
  'yet',
  'although',
  'instead',
  'nevertheless',
  'nonetheless',
  'whereas',
  'contrary',
  'unlike',
  'rather',
]);

/** Words of title or office that precede a name ("Secretary of State Antony Blinken"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'president',
  'secretary',
  'state',
  'minister',
  'prime',
  'foreign',
  'deputy',
  'general',
  'ambassador',
  'representative',
  'rep',
  'rep.',
  'sen',
  'sen.',
  'senator',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'chief',
  'director',
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'dr',
  'dr.',
  'us',
  'u.s.',
  'russian',
  'american',
  'chinese',
  'kazakh',
  'former',
  'commander',
  'leader',
  'congressman',
  'congresswoman',
]);

/** Holders whose words are an official statement: offices, ministries and spokespeople. */
export const OFFICIAL =
  /\b(secretary|minister|ministry|ambassador|spokes(man|woman|person)|department|embassy|kremlin|white house|government|president|foreign office|state department|council|commission|chancellor|governor)\b/i;

/** Lexicon verbs that mean something else with a direct object ("leaves little doubt", "left dozens dead"). */
export const NOT_WITH_OBJECT: ReadonlySet<string> = new Set(['leave', 'stay', 'remain']);

/**
 * Lexicon verbs whose form is also an adverb particle ("back the plan" beside "back to work", "bring them back",
 * "will be back", "win back buyers"). The tagger reads both as ADV, so the word is a predicate only in a verb's
 * place: before its object or "by", not after another verb, nor before a particle, a preposition or punctuation.
 */
export const PARTICLE_FORM: ReadonlySet<string> = new Set(['back']);

/**
 * Lexicon verbs whose noun after an article means something else ("asking for a favour", "return the favour"
 * beside "voters favour the plan", "in favour of it"); the tagger reads the verb as a noun too.
 */
export const ARTICLE_NOUN_SENSE: ReadonlySet<string> = new Set(['favour', 'favor']);

/** A crude stem for matching topic words to sentence words: "Russians"/"Russian"/"Russia", "Ukrainian"/"Ukraine". */
export function stem(term: string): string {
  const t = term.toLowerCase().replace(/[’']s$/, '');
  return t.length > 6 ? t.slice(0, 6) : t.replace(/s$/, '');
}

/** A time limit met ("within 48 hours", "within two days"): read as a word of promptness. */
export const WITHIN_TIME = '#within';

/**
 * Evaluative words with their contraries, for a claim no polarity group applies to ("The agency was too slow",
 * "The recall was an overreaction"): a sentence with a word of the other side denies it ("acted within 48 hours",
 * "the right call"), one with a word of the same side restates it. Lemmas or lower-cased forms.
 */
export const CONTRARY_PAIRS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [
    ['slow', 'slowly', 'sluggish', 'belated', 'belatedly', 'delay', 'delayed', 'tardy'],
    [
      'quick',
      'quickly',
      'fast',
      'swift',
      'swiftly',
      'prompt',
      'promptly',
      'rapid',
      'rapidly',
      'immediately',
      WITHIN_TIME,
    ],
  ],
  [
    [
      'overreaction',
      'overreact',
      'excessive',
      'disproportionate',
      'unnecessary',
      'unwarranted',
      'panic',
      'overkill',
    ],
    ['necessary', 'need', 'justified', 'proportionate', 'warranted', 'right', 'sensible', 'appropriate'],
  ],
  [
    ['tiny', 'small', 'low', 'minimal', 'negligible', 'trivial', 'slight', 'minor'],
    ['large', 'big', 'high', 'significant', 'serious', 'substantial', 'major', 'considerable'],
  ],
];

/** By `stem` of a word of CONTRARY_PAIRS: the stems of its side and of the other side. */
export const CONTRARIES: ReadonlyMap<
  string,
  { readonly same: ReadonlySet<string>; readonly other: ReadonlySet<string> }
> = (() => {
  const map = new Map<string, { same: ReadonlySet<string>; other: ReadonlySet<string> }>();
  for (const [a, b] of CONTRARY_PAIRS) {
    const sa = new Set(a.map(stem));
    const sb = new Set(b.map(stem));
    for (const st of sa) map.set(st, { same: sa, other: sb });
    for (const st of sb) map.set(st, { same: sb, other: sa });
  }
  return map;
})();

/**
 * Words that stand for each other in a claim's own predicate ("the offer contains no job guarantees" is answered by
 * "our offer protects every current job"): each set's words read as its first. Lemmas or lower-cased forms.
 */
export const SAME_MEANING: readonly (readonly string[])[] = [
  ['guarantee', 'protect', 'protection', 'commitment', 'promise', 'pledge', 'assurance', 'safeguard'],
];

/** By `stem` of a word of SAME_MEANING: the stem of its set's first word. */
export const SAME_STEM: ReadonlyMap<string, string> = new Map(
  SAME_MEANING.flatMap((words) => words.map((w) => [stem(w), stem(words[0] as string)] as const)),
);

/**
 * Verbs that carry little meaning of their own before a noun ("contains no guarantees", "has no plan", "gives
 * assurances"): the noun is what the claim is about.
 */
export const LIGHT_VERBS: ReadonlySet<string> = new Set([
  'contain',
  'include',
  'have',
  'offer',
  'give',
  'provide',
]);
