/** Transport for the stream replay. Only this component and the cursor readers re-render on seek. */
import { useShallow } from 'zustand/react/shallow';
import { selectTransport } from '../../store/selectors';
import { useAppStore, useAppStoreApi, useCursor } from '../../store/store-context';
import { formatDuration } from '../../lib/format';
import { GotoEvent } from './goto-event';
import { SPEEDS, msPerEvent, timeAtEvent } from './scrubber-math';

export function Scrubber() {
  const store = useAppStoreApi();
  const cursor = useCursor();
  const t = useAppStore(useShallow(selectTransport));
  const s = () => store.getState();
  const perEvent = msPerEvent(t.length, t.durationMs);
  const estimated = t.durationMs == null ? 'no duration recorded: 30 ms per event' : `recorded ${formatDuration(t.durationMs)} spread evenly`;

  return (
    <div className="scrubber" data-testid="scrubber">
      <div className="transport">
        <button type="button" onClick={() => s().seek(-1)} title="Start (Home)" aria-label="Start" data-testid="scrub-home">|◀</button>
        <button type="button" onClick={() => s().step(-10)} title="Back 10 (Shift+←)" aria-label="Back 10 events" data-testid="scrub-back10">−10</button>
        <button type="button" onClick={() => s().step(-1)} title="Back 1 (←)" aria-label="Previous event" data-testid="scrub-back">−1</button>
        <button type="button" className="play" onClick={() => s().togglePlay()} title="Play / pause (Space)" aria-label={t.playing ? 'Pause' : 'Play'} data-testid="scrub-play">
          {t.playing ? '❚❚' : '▶'}
        </button>
        <button type="button" onClick={() => s().step(1)} title="Forward 1 (→)" aria-label="Next event" data-testid="scrub-forward">+1</button>
        <button type="button" onClick={() => s().step(10)} title="Forward 10 (Shift+→)" aria-label="Forward 10 events" data-testid="scrub-forward10">+10</button>
        <button type="button" onClick={() => s().seek(t.length - 1)} title="End (End)" aria-label="End" data-testid="scrub-end">▶|</button>
        <select value={t.speed} onChange={(e) => s().setSpeed(Number(e.target.value))} aria-label="Speed" data-testid="scrub-speed">
          {SPEEDS.map((sp) => <option key={sp} value={sp}>{sp}×</option>)}
        </select>
        <span className="scrub-pos" data-testid="scrub-position">
          event <b data-testid="scrub-event">{cursor + 1}</b> / {t.length}
        </span>
        <span className="muted scrub-time" title={`Timing is estimated: ${estimated}`} data-testid="scrub-time">
          ≈ {formatDuration(timeAtEvent(cursor, t.length, t.durationMs))} (estimated, {perEvent.toFixed(perEvent < 10 ? 2 : 0)} ms/event)
        </span>
        <GotoEvent length={t.length} />
        {/* Read out where a step, jump or pause left the stream; silent while playing, where
            every event would be announced. */}
        <span className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="scrub-live">
          {t.playing ? '' : `Event ${cursor + 1} of ${t.length}`}
        </span>
      </div>
      <input
        type="range"
        className="scrub-slider"
        min={-1}
        max={Math.max(-1, t.length - 1)}
        step={1}
        value={cursor}
        onChange={(e) => s().seek(Number(e.target.value))}
        // The global shortcuts own the arrow keys; the slider's own arrow handling would double-step.
        onKeyDown={(e) => {
          if (/^(Arrow|Home|End|Page)/.test(e.key)) e.preventDefault();
        }}
        aria-label="Stream position"
        aria-valuetext={`event ${cursor + 1} of ${t.length}`}
        data-testid="scrub-slider"
      />
    </div>
  );
}
