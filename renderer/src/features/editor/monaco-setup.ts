/**
 * Everything Monaco needs, in one module that is only ever reached through a dynamic import
 * (monaco-loader.ts), so Vite puts the editor in a lazy chunk and the viewer opens fast.
 * Bundled and offline: the worker is a Vite `?worker` (no CDN, no blob eval), which runs under
 * the app's `script-src 'self'` CSP.
 *
 * Only the contributions a YAML editor needs, not `features/register.all`: the core API
 * (`monaco-editor/editor`, ~2.6 MB) already holds the view, cursor, typing, undo/redo, the
 * minimap and the diff editor widget; each import below adds one feature on top. Costs noted
 * are what removing that one import from this list saves (minified, gzip, monaco-editor 0.57);
 * unnoted ones are under 3 KB gz (find, folding and F8 share code with hover and sticky scroll).
 */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/yaml/register';

// Kept — the icon font every widget below draws with (find arrows, fold chevrons, diff arrows).
import 'monaco-editor/features/codicon/register';
// Kept — find/replace (Ctrl+F, Ctrl+H).
import 'monaco-editor/features/find/register';
// Kept — go to line (Ctrl+G) and the command palette (F1) that lists every action below, ~6 KB gz.
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/features/quickCommand/register';
// Kept — folding YAML blocks by indentation; a cassette is mostly long nested bodies.
import 'monaco-editor/features/folding/register';
// Kept — sticky scroll: the enclosing `- request:` / `body:` keys stay on top while scrolling a
// long body; Monaco shows it by default and the Raw tab always had it. ~9 KB gz.
import 'monaco-editor/features/stickyScroll/register';
// Kept — bracket matching and jump (Ctrl+Shift+\), for the JSON inside bodies.
import 'monaco-editor/features/bracketMatching/register';
// Kept — multi-cursor (Ctrl+D, Ctrl+Alt+↑/↓, Shift+Alt+I), and highlighting other
// occurrences of the word under the cursor (e.g. a tool call id across events).
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/wordHighlighter/register';
// Kept — Ctrl+/ toggles a `#` comment (the YAML language's line comment).
import 'monaco-editor/features/comment/register';
// Kept — hover: the only place a marker's full message shows in the editor. The largest
// feature here (~31 KB gz: markdown rendering), but markers are useless without it.
import 'monaco-editor/features/hover/register';
// Kept — F8 / Shift+F8 walk the markers with their message inline.
import 'monaco-editor/features/gotoError/register';
// Kept — code actions: monaco-problems.ts registers the lint quick fixes as a code action
// provider; this is the light bulb and Ctrl+. that surface them.
import 'monaco-editor/features/codeAction/register';
// Kept — cut/copy/paste entries and commands (~10 KB gz), and the right-click menu showing them.
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
// Kept — cursor undo (Ctrl+U); undo/redo themselves are core (and rebound to the store's history
// in raw-view.tsx).
import 'monaco-editor/features/cursorUndo/register';
// Kept — editing lines and words: move/copy/delete/join lines (Alt+↑/↓, Ctrl+Shift+K), indent
// conversion, expand line selection (Ctrl+L), smart select (Shift+Alt+→), Ctrl+←/→/Backspace by
// word, and dragging a selection to move it. Lines operations ~6 KB gz.
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/dnd/register';
// Kept — the diff editor's hunk toolbar: with `renderGutterMenu` (the default) the revert arrows
// between the panes are menu items this registers; the widget itself is core.
import 'monaco-editor/features/diffEditor/register';
// Kept, tiny — "Cannot edit in read-only editor" when typing in a read-only cassette; a click
// past the 10 000th column renders a long one-line JSON body in full; Ctrl+M lets Tab leave
// the editor (keyboard users).
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/longLinesHelper/register';
import 'monaco-editor/features/toggleTabFocusMode/register';

// Left out:
// - suggest, snippet, inlineCompletions, parameterHints, inlayHints, codelens, colorPicker,
//   rename, gotoSymbol, quickOutline, referenceSearch, documentSymbols, diffEditorBreadcrumbs,
//   linkedEditing, semanticTokens, format, inPlaceReplace: they need a language service YAML
//   does not have here (suggest would only offer words from the file, and pop up while typing).
// - links: cassettes are full of API URLs; Ctrl+click would try to open a window (Electron
//   denies it, a browser tab under `tapedeck serve` would call the API). Nothing to follow.
// - unusualLineTerminators: offers to strip U+2028/U+2029 that JSON bodies may legitimately
//   hold, i.e. to rewrite recorded bytes; a cassette must only change where the user types.
// - unicodeHighlighter: LLM text is full of ambiguous-looking characters; boxes everywhere.
// - dropOrPasteInto: a file dropped on the window opens it (Electron shell); it must not be
//   pasted into the editor instead.
// - fontZoom, toggleHighContrast (the app follows the OS theme), inspectTokens, tokenization,
//   gpu, iPadShowKeyboard, middleScroll, floatingMenu, inlineProgress, placeholderText,
//   sectionHeaders, insertFinalNewLine, anchorSelect, caretOperations, wordPartOperations,
//   quickHelp: developer tools or rarely used, not what a cassette editor needs.

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
