import { describe, expect, it } from 'vitest';
import { parseLine } from '../../src/console/parse-line.js';

const names = (command: string) => (command === 'summary' ? ['source', 'topic', 'length'] : null);

describe('GIVEN a console line', () => {
  it('WHEN each option is given once THEN each value runs to the next option name', () => {
    expect(parseLine('/summary source:02_interview length:long', names)).toEqual({
      command: 'summary',
      options: { source: '02_interview', length: 'long' },
    });
  });

  it('WHEN an option is given twice THEN the line is refused, naming it, instead of the last one winning', () => {
    const r = parseLine('/summary source:02_interview source:06_comments', names);
    expect(r).toEqual({ error: 'source: is given twice; give each option once' });
  });
});
