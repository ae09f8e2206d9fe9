/**
 * Random access over the assembled state of a stream. A live assembler makes stepping forward
 * O(1); every `checkpointEvery` events a clone is kept, so a random seek restores the nearest
 * checkpoint at or before k and replays at most `checkpointEvery - 1` events. Clones share the
 * immutable strings and tool-call records, so checkpoints cost little memory.
 */
import type { InteractionAnalysis, Replay } from '../model/analysis';
import type { AssembledMessage, StreamEvent } from '../model/llm';
import { createAssembler, type Assembler } from './dialects';
import type { Dialect } from './dialects';

export interface ReplaySource {
  events: StreamEvent[];
  dialect: Dialect;
}

export interface ReplayOptions {
  checkpointEvery?: number;
}

export function createReplay(src: InteractionAnalysis | ReplaySource, opts: ReplayOptions = {}): Replay {
  const { events, dialect } = sourceOf(src);
  const every = Math.max(1, opts.checkpointEvery ?? 256);
  // checkpoints[i] = state after event i*every - 1 (checkpoint 0 is the empty state).
  const checkpoints: Assembler[] = [];
  let live = createAssembler(dialect);
  let livePos = -1; // index of the last event applied to `live`
  let built = 0; // checkpoints exist for every multiple of `every` up to here
  checkpoints.push(live.clone());

  function advance(to: number): void {
    while (livePos < to) {
      livePos++;
      live.step(events[livePos]);
      if ((livePos + 1) % every === 0 && (livePos + 1) / every === checkpoints.length) {
        checkpoints.push(live.clone());
        built = livePos + 1;
      }
    }
  }

  return {
    length: events.length,
    stateAt(k: number): AssembledMessage {
      const target = Math.max(-1, Math.min(events.length - 1, Math.floor(k)));
      if (target < livePos || target - livePos > every) {
        if (target >= built) {
          // Beyond the checkpoints built so far: extend them by stepping from the newest one.
          const cp = checkpoints.length - 1;
          if (cp * every - 1 > livePos || target < livePos) {
            live = checkpoints[cp].clone();
            livePos = cp * every - 1;
          }
        } else {
          const cp = Math.floor((target + 1) / every);
          live = checkpoints[cp].clone();
          livePos = cp * every - 1;
        }
      }
      advance(target);
      return live.snapshot();
    },
  };
}

function sourceOf(src: InteractionAnalysis | ReplaySource): ReplaySource {
  if ('events' in src) return src;
  const dialect = (src.dialect ?? 'openai-chat') as Dialect;
  return { events: src.stream?.events ?? [], dialect };
}
