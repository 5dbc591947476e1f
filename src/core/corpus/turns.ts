/**
 * A speaker's label opening a paragraph of a transcript or an interview: "KIM: …" (the label in capitals, as
 * transcripts print it), "Ana Petrak: …" or "**Ana Petrak:** …" (the name, as interviews print it). Pure.
 */
const TURN =
  /^(?:([A-Z][A-Z.'’ -]{0,48}[A-Z]):\s+|\*\*([A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,2}):?\*\*:?\s+|([A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,2}):\s+)/u;

export interface TurnLabel {
  /** The label as written, without the colon and emphasis ("KIM", "Ana Petrak"). */
  readonly label: string;
  /** Characters the label takes with its colon, emphasis and the space after: where the speaker's words begin. */
  readonly length: number;
  /** True for a capitalised label ("KIM", "REPORTER"), false for a name ("Ana Petrak"). */
  readonly capitals: boolean;
}

export function turnLabel(text: string): TurnLabel | null {
  const m = TURN.exec(text);
  if (!m) return null;
  const capitals = m[1] !== undefined;
  return { label: (m[1] ?? m[2] ?? m[3] ?? '').trim(), length: m[0].length, capitals };
}
