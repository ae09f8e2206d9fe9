/** Per-interaction actions in the response header: copy/export, go to source, duplicate, delete. */
import { useAppStoreApi } from '../../store/store-context';
import { ExportMenu } from '../export/export-menu';

/** `what` names the request ("POST api.openai.com/v1/chat/completions"), so Delete says what it deletes. */
export function InteractionActions({ interaction, what }: { interaction: number; what: string }) {
  const store = useAppStoreApi();
  const s = () => store.getState();
  return (
    <span className="interaction-actions">
      <ExportMenu interaction={interaction} />
      <button type="button" className="chip" title="Go to this interaction in the source" onClick={() => s().gotoSource({ kind: 'interaction', interaction })} data-testid="interaction-goto">↗ source</button>
      <button type="button" className="chip" title="Insert a copy right after it" onClick={() => s().applyEdit({ kind: 'duplicate-interaction', interaction })} data-testid="interaction-duplicate">Duplicate</button>
      <button
        type="button"
        className="chip"
        title={`Delete interaction #${interaction} (${what}) from the cassette: an edit like any other, Ctrl+Z undoes it`}
        aria-label={`Delete interaction #${interaction}, ${what}`}
        onClick={() => s().applyEdit({ kind: 'delete-interaction', interaction })}
        data-testid="interaction-delete"
      >
        Delete #{interaction}
      </button>
    </span>
  );
}
