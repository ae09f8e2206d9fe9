/** Headers of one side, collapsed by default: go to each one's line, or edit its value. */
import type { Header } from '../../../../shared/model/cassette';
import { useAppStoreApi } from '../../store/store-context';
import { EditToggle, TextEditForm } from '../editor/edit-forms';

export function HeaderList({ headers, interaction, side }: { headers: Header[]; interaction: number; side: 'request' | 'response' }) {
  const store = useAppStoreApi();
  if (!headers.length) return null;
  return (
    <details className="headers" data-testid={`${side}-headers`}>
      <summary>Headers <span className="muted">{headers.length}</span></summary>
      <ul className="header-list">
        {headers.map((h, i) => {
          // The n-th header of this name, so repeated headers edit the right value.
          const occurrence = headers.slice(0, i).filter((x) => x.name.toLowerCase() === h.name.toLowerCase()).length;
          return (
            <li key={i} data-testid="header-row" data-name={h.name}>
              <button type="button" className="link-button mono" title="Go to source" onClick={() => store.getState().gotoSource({ kind: 'header', interaction, side, index: i })}>{h.name}</button>
              <span className="mono header-value">{h.value}</span>
              <EditToggle label="" field={`${h.name} value`} testId="header-edit-open">
                {(close) => (
                  <TextEditForm initial={h.value} rows={1} testId="header-edit" onClose={close}
                    onApply={(value) => [{ kind: 'header', interaction, side, name: h.name, value, occurrence }]} />
                )}
              </EditToggle>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
