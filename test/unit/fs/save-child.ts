/**
 * A separate process that saves through the real write path, for what a test process cannot
 * do to itself: be killed with SIGKILL mid-save, or run as another user (setpriv).
 * argv: FILE once CONTENT [refuse|overwrite]  -> prints {"ok":…} or {"code","message"}
 *       FILE loop FILE_A FILE_B               -> saves A's content, B's, A's, … until killed
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { atomicWriteFile } from '../../../main/fs/atomic-write';

async function main(): Promise<void> {
  const [file, mode, a, b] = process.argv.slice(2);
  const rootReal = realpathSync(path.dirname(file));
  const confine = { rootReal, relPath: path.basename(file) };
  if (mode === 'loop') {
    const [ca, cb] = [readFileSync(a), readFileSync(b)];
    // Tells the test the loop starts now, so its random kill delay is not eaten by start-up
    // on a loaded machine.
    process.stdout.write('ready\n');
    for (let i = 0; ; i++) await atomicWriteFile(path.join(rootReal, confine.relPath), i % 2 ? cb : ca, { confine });
  }
  try {
    const st = await atomicWriteFile(path.join(rootReal, confine.relPath), a, { confine, readOnly: b === 'refuse' ? 'refuse' : 'overwrite' });
    process.stdout.write(JSON.stringify({ ok: st.size }));
  } catch (e) {
    const err = e as { code?: string; message: string };
    process.stdout.write(JSON.stringify({ code: err.code, message: err.message }));
  }
}

void main();
