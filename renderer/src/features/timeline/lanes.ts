/**
 * Timeline geometry: interactions as a waterfall, each starting where the previous one ended
 * (recordings store durations, not start times). Interactions without a duration get the
 * median duration so they stay visible and clickable.
 */
export interface Lane {
  start: number; // 0..1
  width: number; // 0..1
  estimated: boolean;
}

export function laneGeometry(durations: readonly (number | null)[]): Lane[] {
  const known = durations.filter((d): d is number => d != null && d > 0).sort((a, b) => a - b);
  const fallback = known.length ? known[Math.floor(known.length / 2)] : 1;
  const ds = durations.map((d) => (d != null && d > 0 ? d : fallback));
  const total = ds.reduce((a, b) => a + b, 0) || 1;
  let at = 0;
  return ds.map((d, i) => {
    const lane = { start: at / total, width: d / total, estimated: !(durations[i] != null && durations[i]! > 0) };
    at += d;
    return lane;
  });
}

export function statusClass(status: number | null): 'ok' | 'redirect' | 'client-error' | 'server-error' | 'unknown' {
  if (status == null) return 'unknown';
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'client-error';
  if (status >= 300) return 'redirect';
  return 'ok';
}
