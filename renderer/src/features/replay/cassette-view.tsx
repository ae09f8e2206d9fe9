/** The open cassette: header with totals, the Replay/Raw tabs, timeline and interaction panes. */
import { useShallow } from 'zustand/react/shallow';
import { Kbd } from '../../components/kbd';
import { SplitPane } from '../../components/split-pane';
import { StateMessage } from '../../components/state-message';
import { selectCurrentInteraction } from '../../store/selectors';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import type { DocState } from '../../store/types';
import type { Diagnostic } from '../../../../shared/model/diagnostics';
import { DiffView } from '../editor/diff-view';
import { EditBar } from '../editor/edit-bar';
import { RawView } from '../editor/raw-view';
import { ProblemsPanel } from '../problems/problems-panel';
import { HelpButton } from '../shortcuts/shortcuts-overlay';
import { RequestPanel } from '../request/request-panel';
import { Timeline } from '../timeline/timeline';
import { CassetteSummaryBar } from '../usage/cassette-summary-bar';
import { ResponsePanel } from './response-panel';
import { FolderDashboard } from '../dashboard/folder-dashboard';
import { MatchTab } from '../match/match-tab';
import { CompareView } from '../compare/compare-view';
import { RerecordedBanner } from '../compare/rerecorded-banner';

export function CassetteView() {
  const doc = useAppStore((s) => s.doc);
  const tab = useAppStore((s) => s.mainTab);
  const store = useAppStoreApi();
  const dirty = useAppStore((s) => s.editor.dirty);
  const diffOpen = useAppStore((s) => s.editor.diffOpen);
  const problemCount = useAppStore((s) => s.editor.findings.length);
  const comparing = useAppStore((s) => s.compare.status !== 'idle');
  const dashboardOver = useAppStore((s) => s.dashboardScope !== null);
  // A folder clicked in the sidebar: its dashboard covers the cassette, which stays open behind it.
  if (dashboardOver && doc.status !== 'idle') {
    return (
      <div className="main-idle">
        <FolderDashboard />
      </div>
    );
  }
  if (doc.status === 'idle') {
    return (
      <div className="main-idle">
        <StateMessage kind="empty" title="No cassette open" testId="main-empty">
          Pick a file in the library, or press <Kbd k="Mod+P" /> to quick-open. <Kbd k="?" /> lists every shortcut.
        </StateMessage>
        <FolderDashboard />
      </div>
    );
  }
  if (doc.status === 'loading') return <StateMessage kind="loading" title={`Parsing ${doc.ref.relPath}…`} testId="main-loading" />;
  if (doc.status === 'error') {
    return (
      <StateMessage kind="error" title={`Could not open ${doc.ref.relPath}`} testId="main-error">
        {doc.message}
      </StateMessage>
    );
  }
  return (
    <div className="cassette" data-testid="cassette-view">
      <CassetteSummaryBar doc={doc} />
      <EditBar />
      <RerecordedBanner />
      <div className="tabs">
        {/* The help button sits beside the tablist, not in it: a tablist holds only tabs. */}
        <div className="tab-list" role="tablist" aria-label="Cassette views">
          {(comparing ? TABS_COMPARING : TABS).map((t, i) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`cassette-tab-${t}`}
              aria-selected={tab === t}
              aria-controls="cassette-tab-body"
              className={`tab ${tab === t ? 'is-active' : ''}`}
              onClick={() => store.getState().setTab(t)}
              data-testid={`tab-${t}`}
              title={`${TAB_LABEL[t]} (${i + 1})`}
            >
              {TAB_LABEL[t]}
              {t === 'raw' && dirty ? <span className="dirty-dot" data-testid="tab-dirty" title="Unsaved changes"> ●</span> : null}
              {t === 'problems' && problemCount ? <span className="muted"> {problemCount}</span> : null}
            </button>
          ))}
        </div>
        <HelpButton />
      </div>
      <div className="tab-body" id="cassette-tab-body" role="tabpanel" aria-labelledby={`cassette-tab-${tab}`}>
        {tab === 'raw' ? diffOpen ? <DiffView /> : <RawView /> : tab === 'problems' ? <ProblemsPanel /> : tab === 'match' ? <MatchTab doc={doc} /> : tab === 'compare' && comparing ? <CompareView /> : <ReplayTab doc={doc} />}
      </div>
    </div>
  );
}

const TAB_LABEL = { replay: 'Replay', raw: 'Raw', problems: 'Problems', match: 'Match', compare: 'Compare' } as const;
const TABS = ['replay', 'raw', 'problems', 'match'] as const;
const TABS_COMPARING = [...TABS, 'compare'] as const;

/** Why there is nothing to replay: a parse error, a file that is no HTTP cassette, or none recorded. */
function emptyReason(diags: readonly Diagnostic[]): string {
  if (diags.some((d) => d.severity === 'error')) return 'The file did not parse: see the Raw tab for the failing line.';
  // format.not-http (gRPC, WebSocket logs), format.not-cassette (other YAML, empty file).
  const why = diags.find((d) => d.code === 'format.not-http') ?? diags.find((d) => d.code.startsWith('format.'));
  return why ? why.message : 'This cassette has no recorded interactions.';
}

function ReplayTab({ doc }: { doc: Extract<DocState, { status: 'ready' }> }) {
  const cur = useAppStore(useShallow(selectCurrentInteraction));
  if (!doc.cassette.interactions.length || !cur?.interaction) {
    return (
      <StateMessage kind="empty" title="No interactions" testId="replay-empty">
        {emptyReason(doc.cassette.diagnostics)}
      </StateMessage>
    );
  }
  return (
    <SplitPane id="timeline" direction="column" initial={100} min={48}>
      <Timeline cassette={doc.cassette} analysis={doc.analysis} />
      <SplitPane id="request-response" direction="row" initial={380} min={240}>
        <RequestPanel it={cur.interaction} a={cur.analysis} links={doc.analysis.links} />
        <ResponsePanel it={cur.interaction} a={cur.analysis} links={doc.analysis.links} />
      </SplitPane>
    </SplitPane>
  );
}
