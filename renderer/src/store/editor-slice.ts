import type { EditorSlice, SliceCreator } from './types';

// The Monaco editor arrives in a later task; it will own dirty state, saves and conflicts here.
export const createEditorSlice: SliceCreator<EditorSlice> = () => ({
  editor: { dirty: false },
});
