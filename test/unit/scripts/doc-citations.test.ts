/** Comments that cite a doc ("docs/<name>.md §N") must point at a file and section that exist. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CITE = /\b(docs\/[\w-]+\.md)(?: §([\d.]+))?/g;

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.(ts|tsx|mjs)$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('doc citations in code', () => {
  it('name files and § sections that exist', () => {
    const cites: string[] = [];
    const broken: string[] = [];
    for (const f of ['shared', 'main', 'renderer', 'scripts', 'test'].flatMap((d) => sources(d))) {
      for (const m of readFileSync(join(root, f), 'utf8').matchAll(CITE)) {
        const [, doc, section] = m;
        cites.push(doc);
        const path = join(root, doc);
        if (!existsSync(path)) broken.push(`${f}: ${doc} does not exist`);
        else if (section && !new RegExp(`^#+ §${section.replace(/\./g, '\\.')}\\s`, 'm').test(readFileSync(path, 'utf8')))
          broken.push(`${f}: ${doc} has no section §${section}`);
      }
    }
    expect(cites.length).toBeGreaterThan(10);
    expect(broken).toEqual([]);
  });
});
