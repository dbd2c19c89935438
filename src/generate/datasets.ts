/**
 * The bundled datasets under `datasets/`: what each file holds and how it is made.
 * `scripts/make-datasets.ts` writes them all; a test regenerates them and compares bytes.
 */
import { toJsonText } from '../io/index.ts';
import { generateDay } from './day.ts';
import { DEFAULT_DAY_DATE, DEFAULT_PERIOD_DAYS, DEFAULT_PERIOD_START, PRESETS } from './options.ts';
import { generatePeriod } from './period.ts';

export interface Dataset {
  /** File names under `datasets/` and their JSON text. */
  files: () => Record<string, string>;
  /** The `kontinuitet generate` command that writes the same bytes. */
  command: string;
}

const SEED = 1;

export const DATASETS: readonly Dataset[] = [
  {
    files: () => ({ 'small-team-day.json': toJsonText(generateDay({ seed: SEED, ...PRESETS['small-team'], date: DEFAULT_DAY_DATE }).problem) }),
    command: `kontinuitet generate day --preset small-team --seed ${SEED} --date ${DEFAULT_DAY_DATE} -o datasets/small-team-day.json`,
  },
  {
    files: () => ({ 'full-team-day.json': toJsonText(generateDay({ seed: SEED, ...PRESETS['full-team'], date: DEFAULT_DAY_DATE }).problem) }),
    command: `kontinuitet generate day --preset full-team --seed ${SEED} --date ${DEFAULT_DAY_DATE} -o datasets/full-team-day.json`,
  },
  {
    files: () => ({ 'district-day.json': toJsonText(generateDay({ seed: SEED, ...PRESETS.district, date: DEFAULT_DAY_DATE }).problem) }),
    command: `kontinuitet generate day --preset district --seed ${SEED} --date ${DEFAULT_DAY_DATE} -o datasets/district-day.json`,
  },
  {
    files: () => ({
      'team-period.json': toJsonText(generatePeriod({ seed: SEED, ...PRESETS['full-team'], startDate: DEFAULT_PERIOD_START, days: DEFAULT_PERIOD_DAYS })),
    }),
    command: `kontinuitet generate period --preset full-team --seed ${SEED} --date ${DEFAULT_PERIOD_START} --days ${DEFAULT_PERIOD_DAYS} -o datasets/team-period.json`,
  },
  {
    files: () => ({
      'district-period.json': toJsonText(generatePeriod({ seed: SEED, ...PRESETS.district, startDate: DEFAULT_PERIOD_START, days: DEFAULT_PERIOD_DAYS })),
    }),
    command: `kontinuitet generate period --preset district --seed ${SEED} --date ${DEFAULT_PERIOD_START} --days ${DEFAULT_PERIOD_DAYS} -o datasets/district-period.json`,
  },
  {
    files: () => {
      const { problem, planted } = generateDay({ seed: SEED, ...PRESETS['full-team'], date: DEFAULT_DAY_DATE, planted: true });
      return { 'planted-team-day.json': toJsonText(problem), 'planted-team-day.schedule.json': toJsonText(planted) };
    },
    command:
      `kontinuitet generate day --preset full-team --seed ${SEED} --date ${DEFAULT_DAY_DATE} ` +
      '--planted datasets/planted-team-day.schedule.json -o datasets/planted-team-day.json',
  },
];
