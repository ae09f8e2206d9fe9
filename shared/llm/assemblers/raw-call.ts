/**
 * The tool-call record assemblers keep while a message streams in. Its own module because both
 * the assembler base and the step notes (step-note.ts) read it, and base also uses step-note.
 */

/** Immutable tool-call record; replaced (never mutated) when it grows. */
export interface RawCall {
  readonly slot: number;
  readonly id: string | null;
  readonly name: string;
  readonly arguments: string;
}
