/** The fuzz tests' invariant: every offset-carrying thing in an analysis is its document's text at its offsets. */
import { passages } from '../../src/core/corpus/corpus.js';
import type { Analysis } from '../../src/core/analysis.js';

/** What is not verbatim (empty when all is well), a line each, the first few only. */
export function verbatimViolations(analysis: Analysis, limit = 5): string[] {
  const out: string[] = [];
  const check = (text: string, start: number, end: number, expected: string, what: string) => {
    if (out.length >= limit) return;
    if (!(0 <= start && start <= end && end <= text.length))
      out.push(`${what}: offsets ${start}-${end} outside the text`);
    else if (text.slice(start, end) !== expected)
      out.push(`${what} at ${start}-${end} is not verbatim: ${JSON.stringify(expected.slice(0, 60))}`);
  };
  for (const doc of analysis.corpus.documents) {
    for (const p of [...passages(doc), ...doc.other]) {
      const where = `${doc.meta.id} ${p.role} ${p.comment ?? ''}/${p.index}`;
      check(doc.text, p.start, p.end, p.text, `paragraph ${where}`);
      for (const s of p.sentences) {
        check(doc.text, s.start, s.end, s.text, `sentence in ${where}`);
        for (const t of s.tokens) check(doc.text, t.start, t.end, t.text, `token in ${where}`);
      }
    }
  }
  for (const q of analysis.quotes.quotes) {
    const doc = analysis.corpus.byId.get(q.documentId);
    if (!doc) out.push(`quote names unknown document ${q.documentId}`);
    else check(doc.text, q.start, q.end, q.text, `quote in ${q.documentId}`);
  }
  return out.slice(0, limit);
}
