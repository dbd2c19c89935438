/**
 * A solve's budget and seed (FORMAT §6 rule 21): the caller's explicit value wins, then the
 * problem's `options`, then our default. The CLI, the worker, the period planner and the
 * library all resolve them here, so no surface carries defaults of its own.
 */
import type { SolveOptions } from '../model/types.ts';

export const DEFAULT_TIME_LIMIT_SECONDS = 10;
export const DEFAULT_SEED = 1;

export type SettingSource = 'caller' | 'problem' | 'default';

export interface SolveSettings {
  timeLimitMs: number;
  seed: number;
  /** Iteration budget, when the caller or the problem gives one; with it the same seed gives the same schedule. */
  iterations: number | undefined;
  /** Where each value came from, for progress lines and `--help`. */
  sources: { timeLimit: SettingSource; seed: SettingSource; iterations: SettingSource };
}

export interface CallerSettings {
  timeLimitMs?: number;
  seed?: number;
  iterations?: number;
}

function pick<T>(caller: T | undefined, problem: T | undefined, fallback: T): [T, SettingSource] {
  if (caller !== undefined) return [caller, 'caller'];
  if (problem !== undefined) return [problem, 'problem'];
  return [fallback, 'default'];
}

/**
 * Resolves the settings of one solve. `fallback` replaces our defaults where a caller has its
 * own (the period planner's seconds per day).
 */
export function resolveSolveSettings(
  caller: CallerSettings,
  options: SolveOptions | null | undefined,
  fallback: { timeLimitSeconds?: number } = {},
): SolveSettings {
  const problemLimit = options?.timeLimitSeconds == null ? undefined : options.timeLimitSeconds * 1000;
  const [timeLimitMs, timeLimit] = pick(caller.timeLimitMs, problemLimit, (fallback.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS) * 1000);
  const [seed, seedSource] = pick(caller.seed, options?.seed ?? undefined, DEFAULT_SEED);
  const [iterations, iterationsSource] = pick<number | undefined>(caller.iterations, options?.iterations ?? undefined, undefined);
  return { timeLimitMs, seed, iterations, sources: { timeLimit, seed: seedSource, iterations: iterationsSource } };
}
