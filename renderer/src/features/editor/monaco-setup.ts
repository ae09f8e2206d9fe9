/**
 * Everything Monaco needs, in one module that is only ever reached through a dynamic import
 * (monaco-loader.ts), so Vite puts the ~4 MB editor in a lazy chunk and the viewer opens fast.
 * Bundled and offline: the worker is a Vite `?worker` (no CDN, no blob eval), which runs under
 * the app's `script-src 'self'` CSP.
 */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
