/**
 * Realistic, seeded problems for a Södermalm-like district in Stockholm: day problems
 * (optionally planted around a hidden feasible schedule) and two-week periods. The same
 * seed and options give byte-identical JSON. The model and its numbers are documented in
 * datasets/README.md.
 */
export { generateDay } from './day.ts';
export { generatePeriod } from './period.ts';
export {
  PRESETS,
  DEFAULT_DAY_DATE,
  DEFAULT_PERIOD_START,
  DEFAULT_PERIOD_DAYS,
  LIMITS,
  checkOptions,
  type GenerateOptions,
  type PeriodOptions,
  type Preset,
  type PresetName,
} from './options.ts';
export { Random } from '../random/index.ts';
