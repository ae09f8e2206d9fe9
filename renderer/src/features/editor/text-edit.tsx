/**
 * "Edit text" on the assembled response: a textarea with the FINAL text (the view may show a
 * partial state at the cursor), applied as a `response-text` intent (see shared/edit/text-fragments.ts).
 */
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { EditToggle, TextEditForm } from './edit-forms';

export function ResponseTextEdit({ interaction }: { interaction: number }) {
  const store = useAppStoreApi();
  // Edits rewrite the text's own fragments; a response without text (only tool calls) has
  // none to rewrite, so there is nothing to offer.
  const hasText = useAppStore((s) => s.doc.status === 'ready' && !!s.doc.analysis.interactions[interaction]?.message?.text);
  if (!hasText) return null;
  return (
    <EditToggle label="Edit text" testId="text-edit-open">
      {(close) => {
        const d = store.getState().doc;
        const text = d.status === 'ready' ? (d.analysis.interactions[interaction]?.message?.text ?? '') : '';
        const rows = Math.min(12, Math.max(3, text.split('\n').length + 1));
        return (
          <TextEditForm
            initial={text}
            rows={rows}
            mono={false}
            testId="text-edit"
            onApply={(value) => [{ kind: 'response-text', interaction, text: value }]}
            onClose={close}
          />
        );
      }}
    </EditToggle>
  );
}
