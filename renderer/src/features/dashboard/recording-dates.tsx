/**
 * How stale the fixtures are: oldest and newest recording, a column per month (or year) of
 * the files' newest recording, and the files that keep no date at all, said by format.
 * Columns are buttons that filter the library.
 */
import type { RecordingAges } from '../../../../shared/workspace/dashboard-dates';
import { periodLabel } from '../../../../shared/workspace/dashboard-dates';
import { NO_DATE } from '../library/filter';

const DAY = 86_400_000;

function ago(iso: string, now: number): string {
  const days = Math.floor((now - Date.parse(iso)) / DAY);
  if (days < 1) return 'today';
  if (days < 60) return `${days} day${days === 1 ? '' : 's'} ago`;
  const months = Math.round(days / 30.44);
  return months < 24 ? `${months} months ago` : `${(days / 365.25).toFixed(1)} years ago`;
}

const day = (iso: string) => iso.slice(0, 10);

const SOURCE_NOTE: Record<string, string> = {
  startedDateTime: 'HAR startedDateTime',
  recorded_at: 'Ruby VCR recorded_at',
  'Date header': 'the response Date header (go-vcr and vcrpy keep no time of their own)',
};

export function RecordingDates({ dates, onPick, now = Date.now() }: { dates: RecordingAges; onPick: (period: string) => void; now?: number }) {
  const max = Math.max(1, ...dates.byPeriod.map((p) => p.files), dates.undated);
  const n = dates.byPeriod.length;
  // Label about eight columns; a label per column would not fit past a year of months.
  const every = Math.max(1, Math.ceil(n / 8));
  const files = (n: number) => `${n} cassette${n === 1 ? '' : 's'}`;
  return (
    <section className="dash-chart dash-dates" data-testid="dash-dates" aria-label="Recording dates">
      <h4>Recording dates</h4>
      {dates.newest && dates.oldest ? (
        <p className="dash-note" data-testid="dash-date-range">
          Newest <b>{day(dates.newest)}</b> ({ago(dates.newest, now)}) · oldest <b>{day(dates.oldest)}</b> ({ago(dates.oldest, now)}).
          Each cassette counts in the month of its newest recording.
        </p>
      ) : (
        <p className="dash-note">No cassette here keeps a recording date.</p>
      )}
      <div
        className="dash-cols"
        role="group"
        aria-label="Cassettes by month of their newest recording"
        style={{ gridTemplateColumns: `repeat(${n}, minmax(0, 1fr))${dates.undated ? ' 56px' : ''}` }}
      >
        {dates.byPeriod.map((p) => (
          <button
            key={p.period}
            type="button"
            className="dash-col"
            data-testid="dash-period"
            data-key={p.period}
            title={`${periodLabel(p.period)}: ${files(p.files)}. Filter the library`}
            aria-label={`${periodLabel(p.period)}: ${files(p.files)}`}
            onClick={() => onPick(p.period)}
          >
            <span className="dash-col-fill" style={{ height: `${(p.files / max) * 100}%` }} />
          </button>
        ))}
        {dates.undated ? (
          <button
            type="button"
            className="dash-col dash-col-undated"
            data-testid="dash-period"
            data-key={NO_DATE}
            title={`${files(dates.undated)} with no recording date. Filter the library`}
            aria-label={`No date: ${files(dates.undated)}`}
            onClick={() => onPick(NO_DATE)}
          >
            <span className="dash-col-fill" style={{ height: `${(dates.undated / max) * 100}%` }} />
          </button>
        ) : null}
        {/* Labels on a row of their own, each spanning the columns up to the next: clipped, never overlapping. */}
        {dates.byPeriod.map((p, i) => (i % every === 0 ? (
          <span key={`l${p.period}`} className="dash-col-label" aria-hidden="true" style={{ gridColumn: `${i + 1} / span ${Math.min(every, n - i)}` }}>
            {periodLabel(p.period)}
          </span>
        ) : null))}
        {dates.undated ? <span className="dash-col-label dash-col-label-undated" aria-hidden="true" style={{ gridColumn: n + 1 }}>no date</span> : null}
      </div>
      <p className="dash-note muted" data-testid="dash-date-sources">
        {dates.sources.length ? `Dates from ${dates.sources.map((s) => SOURCE_NOTE[s]).join('; ')}.` : ''}
        {dates.undated ? (
          <span data-testid="dash-undated">
            {' '}{files(dates.undated)} {dates.undated === 1 ? 'keeps' : 'keep'} no date ({dates.undatedByFormat.map(([f, n]) => `${n} ${f}`).join(', ')}): no recording time in the file and no Date header in its responses.
          </span>
        ) : null}
        {dates.partlyDated ? ` ${files(dates.partlyDated)} ${dates.partlyDated === 1 ? 'dates' : 'date'} only some of ${dates.partlyDated === 1 ? 'its' : 'their'} interactions.` : ''}
      </p>
    </section>
  );
}
