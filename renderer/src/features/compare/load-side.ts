/**
 * Turns a compare source into a parsed side: the open document as it is, the text kept from
 * before a re-recording, a git revision read by the backend, or another library file. Parsing
 * runs in the analysis worker like opening a file does.
 */
import type { CassetteRef } from '../../../../shared/api/contract';
import { utf8Encode } from '../../../../shared/util/bytes';
import type { CompareSide, CompareSource } from '../../store/compare-types';
import type { AppState, StoreDeps } from '../../store/types';
import { displayText, fileBytes } from '../../lib/file-bytes';
import { refKey } from '../library/library-model';

const yamlPath = (p: string) => p.replace(/\.gz$/i, '');

export async function loadSide(src: CompareSource, s: AppState, deps: StoreDeps): Promise<CompareSide> {
  const doc = s.doc;
  if (doc.status !== 'ready') throw new Error('No cassette is open.');
  const path = doc.ref.relPath;
  if (src.kind === 'current') {
    return { source: src, label: s.editor.dirty ? 'with your unsaved edits' : 'on disk now', path, text: doc.text, cassette: doc.cassette, analysis: doc.analysis };
  }
  if (src.kind === 'previous') {
    const text = s.priorTexts.get(refKey(doc.ref));
    if (text === undefined) throw new Error('The text from before the re-recording is no longer kept.');
    const { cassette, analysis } = await deps.analyzer.analyze(yamlPath(path), utf8Encode(text));
    return { source: src, label: 'before the re-recording', path, text, cassette, analysis };
  }
  if (src.kind === 'git') {
    const r = await deps.api.readGitRevision(doc.ref, src.rev);
    if (r.status !== 'ok') throw new Error(r.message);
    const bytes = fileBytes(r);
    const { cassette, analysis } = await deps.analyzer.analyze(path, bytes);
    return { source: src, label: `${src.rev} (${r.commit.slice(0, 7)})`, path: r.gitPath, text: displayText(r, bytes), cassette, analysis };
  }
  const file = await deps.api.readCassette(src.ref);
  const bytes = fileBytes(file);
  const { cassette, analysis } = await deps.analyzer.analyze(src.ref.relPath, bytes);
  return { source: src, label: fileLabel(src.ref, s), path: src.ref.relPath, text: displayText(file, bytes), cassette, analysis };
}

/** Another library file: its path, with its folder's name when several folders are open. */
function fileLabel(ref: CassetteRef, s: AppState): string {
  if (s.selected && refKey(s.selected) === refKey(ref)) return 'this file';
  const root = s.roots.length > 1 ? s.roots.find((r) => r.id === ref.rootId)?.name : undefined;
  return root ? `${root}/${ref.relPath}` : ref.relPath;
}
