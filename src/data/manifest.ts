/** The optional `manifest.json` of a corpus folder, validated with zod: one entry per file, every field but `file` optional. */
import { z } from 'zod';
import type { MetaHint } from '../core/corpus/document.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real calendar date');

export const manifestEntrySchema = z
  .object({
    file: z.string().min(1, 'must name a file'),
    title: z.string().min(1).nullable().optional(),
    outlet: z.string().min(1).nullable().optional(),
    author: z.string().min(1).nullable().optional(),
    published: isoDate.nullable().optional(),
    kind: z.enum(['news', 'opinion', 'statement']).optional(),
  })
  .strict();

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export interface ManifestProblem {
  readonly file: string;
  readonly message: string;
}

export interface ParsedManifest {
  readonly entries: ReadonlyMap<string, MetaHint>;
  readonly problems: readonly ManifestProblem[];
}

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : 'entry';
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${where}: ${issue.message}`;
}

/**
 * Reads a manifest's JSON text. A broken entry is reported and skipped; the others still count,
 * so one typo does not throw away the metadata of the whole corpus.
 */
export function parseManifest(json: string, manifestName = 'manifest.json'): ParsedManifest {
  const problems: ManifestProblem[] = [];
  const entries = new Map<string, MetaHint>();
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    return { entries, problems: [{ file: manifestName, message: `is not valid JSON (${(err as Error).message})` }] };
  }
  const top = z.object({ documents: z.array(z.unknown()) }).safeParse(data);
  if (!top.success) {
    return { entries, problems: [{ file: manifestName, message: 'must be an object with a "documents" array' }] };
  }
  top.data.documents.forEach((raw, i) => {
    const parsed = manifestEntrySchema.safeParse(raw);
    if (!parsed.success) {
      const file = typeof (raw as { file?: unknown })?.file === 'string' ? (raw as { file: string }).file : `documents[${i}]`;
      problems.push({ file: manifestName, message: `entry for ${file}: ${parsed.error.issues.map(describe).join('; ')}` });
      return;
    }
    const { file, ...hint } = parsed.data;
    if (entries.has(file)) problems.push({ file: manifestName, message: `lists ${file} twice; the first entry is kept` });
    else entries.set(file, hint);
  });
  return { entries, problems };
}
