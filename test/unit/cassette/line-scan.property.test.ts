/**
 * The line scanner against yaml on random recorder-like documents: whenever the scanner
 * accepts a text, yaml must parse it without errors or warnings into the same tree. The
 * documents mix every scalar style (multi-line plain, single- and double-quoted folding,
 * escapes, literal blocks), sequences, compact mappings, odd indentation and indicator
 * characters, and some get a random character inserted or deleted, so the decline paths
 * are exercised as much as the accepting ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomDoc } from './random-yaml';
import { scanVsYaml } from './scan-compare';

function check(seeds: number[], opts?: { multiLine: number; tame?: boolean }) {
  let accepted = 0;
  for (const seed of seeds) {
    const doc = randomDoc(seed, opts);
    const r = scanVsYaml(doc);
    if (r.scanned === null) continue;
    accepted++;
    // Accepted means: yaml reports nothing, and reads the same tree.
    expect(r.yamlProblem, doc).toBeNull();
    expect(r.scanned, doc).toEqual(r.yaml);
  }
  return accepted;
}

describe('line scanner vs yaml on random documents', () => {
  it('accepts only what yaml reads without problems, as yaml reads it', () => {
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        runs++;
        accepted += check([seed]);
      }),
      { numRuns: 3000 },
    );
    // Not vacuous: a fair share of the documents is really read by the scanner.
    expect(accepted / runs).toBeGreaterThan(0.05);
  });

  it('folds multi-line plain, single- and double-quoted scalars exactly like yaml', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        accepted += check([seed], { multiLine: 0.8, tame: true });
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });
});
