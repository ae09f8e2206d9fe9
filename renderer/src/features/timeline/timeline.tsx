/** One lane per interaction: length from the recorded duration, colour from the HTTP status. */
import { useMemo } from 'react';
import type { CassetteAnalysis } from '../../../../shared/model/analysis';
import type { Cassette } from '../../../../shared/model/cassette';
import { formatDuration, formatInt, formatUsd } from '../../lib/format';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { laneGeometry, statusClass } from './lanes';
import { densityGradient, laneTiming } from './lane-timing';
import { refKey } from '../library/library-model';

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

export function Timeline({ cassette, analysis }: { cassette: Cassette; analysis: CassetteAnalysis }) {
  const store = useAppStoreApi();
  const selected = useAppStore((s) => s.interactionIndex);
  // Interactions a re-recording on disk changed, while that news is fresh (see library slice).
  const changed = useAppStore((s) => (s.selected ? s.rerecorded.get(refKey(s.selected)) : undefined));
  const lanes = useMemo(() => laneGeometry(cassette.interactions.map((i) => i.durationMs)), [cassette]);
  const timings = useMemo(() => cassette.interactions.map((it, i) => laneTiming(it, analysis.interactions[i])), [cassette, analysis]);

  return (
    <div className="timeline" data-testid="timeline" role="listbox" aria-label="Interactions">
      {cassette.interactions.map((it, i) => {
        const a = analysis.interactions[i];
        const u = a?.usage;
        const lane = lanes[i];
        const t = timings[i];
        // Marks sit inside the lane's bar: fractions of its recorded total.
        const at = (ms: number | null) => (ms != null && t.totalMs ? lane.start + lane.width * Math.min(1, ms / t.totalMs) : null);
        const firstToken = at(t.firstTokenMs);
        const stripFrom = at(t.firstByteMs) ?? lane.start;
        const tip = [
          `#${i} ${it.request.method} ${it.request.url}`,
          `status ${it.response.status ?? '–'} · ${formatDuration(it.durationMs)}${lane.estimated ? ' (no duration recorded)' : ''}`,
          t.firstByteMs != null ? `first byte ${formatDuration(t.firstByteMs)}${t.firstTokenMs != null ? ` · first token ≈ ${formatDuration(t.firstTokenMs)}` : ''}` : '',
          u ? `tokens: ${formatInt(u.inputTokens)} in / ${formatInt(u.outputTokens)} out` : 'no usage reported',
          `cost: ${formatUsd(a?.cost.reportedUsd)} reported · ${formatUsd(a?.cost.estimatedUsd)} estimated`,
          changed?.includes(i) ? 'changed by the last re-recording on disk' : '',
        ].filter(Boolean).join('\n');
        return (
          <div
            key={i}
            role="option"
            aria-selected={i === selected}
            className={`lane ${i === selected ? 'is-selected' : ''} ${changed?.includes(i) ? 'is-changed' : ''}`}
            data-changed={changed?.includes(i) ? 'true' : undefined}
            // One Tab stop for the whole list (the selected lane); ArrowUp/ArrowDown move through
            // it, so a cassette of fifty calls is not fifty Tab presses to get past.
            tabIndex={i === selected ? 0 : -1}
            onClick={() => store.getState().selectInteraction(i)}
            onKeyDown={(e) => {
              const to = e.key === 'ArrowUp' ? i - 1 : e.key === 'ArrowDown' ? i + 1 : e.key === 'Enter' || e.key === ' ' ? i : null;
              if (to === null) return;
              e.preventDefault();
              e.stopPropagation();
              if (to < 0 || to >= cassette.interactions.length) return;
              store.getState().selectInteraction(to);
              if (to !== i) e.currentTarget.parentElement?.querySelector<HTMLElement>(`[data-testid="timeline-lane"][data-index="${to}"]`)?.focus();
            }}
            title={tip}
            data-testid="timeline-lane"
            data-index={i}
          >
            <span className="lane-label">
              <span className="lane-index">#{i}</span> {it.request.method} {pathOf(it.request.url)}
              {changed?.includes(i) ? (
                <button
                  type="button"
                  className="lane-changed link-button"
                  title="Changed by the last re-recording on disk: compare with the version before"
                  aria-label={`Review the changes of #${i}`}
                  data-testid="lane-changed"
                  onClick={(e) => {
                    e.stopPropagation();
                    void store.getState().reviewRerecording(i);
                  }}
                  // The lane takes Enter and Space for itself; here they press this button.
                  onKeyDown={(e) => e.stopPropagation()}
                >
                  ● changed
                </button>
              ) : null}
            </span>
            <span className="lane-track">
              <span
                className={`lane-bar status-${statusClass(it.response.status)} ${lane.estimated ? 'is-estimated' : ''}`}
                style={{ left: `${lane.start * 100}%`, width: `max(4px, ${lane.width * 100}%)` }}
              />
              {t.density ? (
                <span
                  className="lane-density"
                  style={{ left: `${stripFrom * 100}%`, width: `${(lane.start + lane.width - stripFrom) * 100}%`, backgroundImage: densityGradient(t.density) }}
                  title="Events along the response, placed by byte offset (arrival times per event are not recorded)"
                  data-testid="lane-density"
                />
              ) : null}
              {firstToken != null ? (
                <span className="lane-first-token" style={{ left: `${firstToken * 100}%` }} title={`First token ≈ ${formatDuration(t.firstTokenMs)}`} data-testid="lane-first-token" />
              ) : null}
            </span>
            <span className="lane-meta">
              <span className={`status-pill status-${statusClass(it.response.status)}`}>{it.response.status ?? '–'}</span>
              {a?.model ? <span className="muted">{a.model}</span> : null}
              <span className="muted">{formatDuration(it.durationMs)}</span>
            </span>
          </div>
        );
      })}
    </div>
  );
}
