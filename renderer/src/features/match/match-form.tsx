/** The match panel's inputs: the pasted request (with what is wrong and where), recorder, matchers. */
import { toCurl } from '../../../../shared/export/curl';
import { RECORDERS, type MatchRequest, type Recorder } from '../../../../shared/match';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import type { MatchView } from './match-model';

const RECORDER_LABEL: Record<Recorder, string> = { 'go-vcr': 'go-vcr', vcrpy: 'vcrpy', 'ruby-vcr': 'Ruby VCR' };

/** The line the error is on, with a caret under its column. */
function ErrorPlace({ text, line, column }: { text: string; line: number; column: number }) {
  const src = text.split('\n')[line - 1] ?? '';
  // Long lines (a one-line JSON body) are cut around the column so the caret stays in view.
  const from = Math.max(0, column - 40);
  const shown = (from ? '…' : '') + src.slice(from, from + 80);
  return <pre className="code match-error-place">{shown + '\n' + ' '.repeat(column - 1 - from + (from ? 1 : 0)) + '^'}</pre>;
}

export function MatchForm({ view, recorded }: { view: MatchView; recorded: MatchRequest[] }) {
  const store = useAppStoreApi();
  const s = () => store.getState();
  const text = useAppStore((st) => st.matchPanel.input);
  const selected = useAppStore((st) => st.interactionIndex);
  const interaction = useAppStore((st) => (st.doc.status === 'ready' ? st.doc.cassette.interactions[st.interactionIndex] : undefined));
  const toggle = (name: string, on: boolean) => s().setMatchOn(on ? [...view.chosen, name] : view.chosen.filter((n) => n !== name));
  const input = view.input;
  return (
    <section className="panel match-form" data-testid="match-form" aria-label="Request to match">
      <h3 className="panel-title">Which interaction replays?</h3>
      <p className="muted match-hint">Paste a curl command, a HAR entry or JSON {'{method, url, headers, body}'}.</p>
      <textarea
        className="match-input mono"
        value={text}
        onChange={(e) => s().setMatchInput(e.target.value)}
        placeholder={"curl https://api.openai.com/v1/chat/completions \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"model\": \"gpt-4o-mini\", …}'"}
        spellCheck={false}
        aria-label="Request (curl, HAR entry or JSON)"
        data-testid="match-input"
      />
      <div className="match-row">
        <button type="button" className="chip" disabled={!interaction} onClick={() => interaction && s().setMatchInput(toCurl(interaction, { revealSecrets: true }))} data-testid="match-from-selected" title="Fill in the selected interaction's request as curl, to edit from there">
          Start from #{selected}
        </button>
        {recorded.length ? <span className="muted">{recorded.length} recorded</span> : null}
      </div>
      {input && 'error' in input ? (
        <div className="match-error" role="alert" data-testid="match-error">
          <div>{input.error}</div>
          {input.line !== undefined && input.column !== undefined ? <ErrorPlace text={text} line={input.line} column={input.column} /> : null}
        </div>
      ) : null}
      {input && 'warnings' in input && input.warnings.length ? (
        <ul className="match-warnings muted" data-testid="match-warnings">{input.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
      ) : null}
      <label className="match-row">
        <span className="k">Recorder</span>
        <select value={view.recorder} onChange={(e) => s().setMatchRecorder(e.target.value as Recorder)} data-testid="match-recorder">
          {RECORDERS.map((r) => <option key={r} value={r}>{RECORDER_LABEL[r]}{r === view.own ? ' (wrote this file)' : ''}</option>)}
        </select>
      </label>
      {view.own === null ? <p className="muted match-hint">No recorder here wrote this file; its own matching (Polly's) is not modelled.</p> : null}
      <fieldset className="match-on" data-testid="match-on">
        <legend>Match on <span className="muted">(--match-on)</span></legend>
        {view.names.map((n) => (
          <label key={n} className={`match-on-item ${view.defaults.includes(n) ? 'is-default' : ''}`} title={view.defaults.includes(n) ? 'On by default' : 'Off by default'}>
            <input type="checkbox" checked={view.chosen.includes(n)} onChange={(e) => toggle(n, e.target.checked)} data-testid={`match-on-${n}`} />
            <span className="mono">{n}</span>
          </label>
        ))}
        <div className="match-row">
          <button type="button" className="chip" onClick={() => s().setMatchOn(view.defaults)} data-testid="match-on-defaults">Defaults</button>
          {view.recorder === 'go-vcr' ? <button type="button" className="chip" onClick={() => s().setMatchOn(['method', 'url'])} title="go-vcr v3's DefaultMatcher" data-testid="match-on-v3">v3 (method, url)</button> : null}
        </div>
        {view.chosen.length === 0 ? <p className="match-hint warn-text">Tick at least one matcher.</p> : null}
      </fieldset>
    </section>
  );
}
