/** The selected interaction's timing, saying what each figure rests on. */
import { formatDuration } from '../../lib/format';
import type { LaneTiming } from './lane-timing';

const rate = (r: number) => `${r < 10 ? r.toFixed(1) : Math.round(r)} tok/s`;

export function TimingLine({ t }: { t: LaneTiming }) {
  if (t.basis === 'none') return <div className="timing-line muted" data-testid="interaction-timing">No timing recorded</div>;
  if (t.basis === 'duration') {
    return (
      <div className="timing-line" data-testid="interaction-timing" data-basis="duration" title="The format keeps only the whole response's duration: no first-byte or first-token time, and throughput includes the wait.">
        <span className="muted">duration only</span> <b>{formatDuration(t.totalMs)}</b>
        {t.outputTokensPerSec != null ? <> · {rate(t.outputTokensPerSec)} <span className="muted">over the whole response</span></> : null}
      </div>
    );
  }
  return (
    <div
      className="timing-line"
      data-testid="interaction-timing"
      data-basis="phases"
      title="From the recorded HAR timings. Per-event arrival times are not recorded: the first token is placed by its event's byte offset within the receive phase."
    >
      <span className="muted">first byte</span> <b data-testid="timing-first-byte">{formatDuration(t.firstByteMs)}</b>
      {t.firstTokenMs != null ? <> · <span className="muted">first token ≈</span> <b data-testid="timing-first-token">{formatDuration(t.firstTokenMs)}</b></> : null}
      {t.outputTokensPerSec != null ? (
        <> · <b data-testid="timing-throughput">{rate(t.outputTokensPerSec)}</b> <span className="muted">{t.throughputOver === 'receive' ? 'while streaming' : 'over the whole response'}</span></>
      ) : null}
      <span className="muted"> · total {formatDuration(t.totalMs)}</span>
    </div>
  );
}
