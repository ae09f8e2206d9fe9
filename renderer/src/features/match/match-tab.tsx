/**
 * The Match tab, "Which interaction replays?": the timeline on top (a result picked below is
 * selected there), the pasted request and matcher options on the left, the answer on the right.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { recordedRequest } from '../../../../shared/match';
import { SplitPane } from '../../components/split-pane';
import { StateMessage } from '../../components/state-message';
import { useAppStore } from '../../store/store-context';
import type { DocState } from '../../store/types';
import { Timeline } from '../timeline/timeline';
import { MatchForm } from './match-form';
import { matchView } from './match-model';
import { MatchResults } from './match-results';

export function MatchTab({ doc }: { doc: Extract<DocState, { status: 'ready' }> }) {
  const panel = useAppStore(useShallow((s) => s.matchPanel));
  const recorded = useMemo(() => doc.cassette.interactions.map(recordedRequest), [doc.cassette]);
  const view = useMemo(() => matchView(recorded, doc.cassette.format, panel), [recorded, doc.cassette.format, panel]);
  if (!recorded.length) {
    return <StateMessage kind="empty" title="No interactions" testId="match-empty">There is nothing in this cassette a request could match.</StateMessage>;
  }
  return (
    <SplitPane id="match-timeline" direction="column" initial={76} min={48}>
      <Timeline cassette={doc.cassette} analysis={doc.analysis} />
      <SplitPane id="match-form" direction="row" initial={300} min={250} stackBelow={640} stackedInitial={260} stackedMin={160}>
        <MatchForm view={view} recorded={recorded} />
        <MatchResults view={view} recorded={recorded} />
      </SplitPane>
    </SplitPane>
  );
}
