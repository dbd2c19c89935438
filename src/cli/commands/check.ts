/** `kontinuitet check`: holds a schedule to the rules of FORMAT.md against its problem. */
import type { Command } from 'commander';
import { type CheckResult, checkSchedule } from '../../check/index.ts';
import { readJsonFile, toJsonText } from '../../io/index.ts';
import { schemas } from '../../model/index.ts';
import type { Metrics } from '../../model/types.ts';
import { loadDayProblem, parseShape } from '../../validate/index.ts';
import { EXIT_OK, runCommand } from '../../surface/run.ts';

/** FORMAT §5 exit codes, with "exit 1 on a violation" for this command. */
const EXIT_VIOLATION = 1;

export async function checkFiles(problemFile: string, scheduleFile: string): Promise<CheckResult> {
  const { problem } = loadDayProblem(await readJsonFile(problemFile));
  const schedule = parseShape(schemas.CheckedSchedule, await readJsonFile(scheduleFile), 'schedule');
  return checkSchedule(problem, schedule);
}

function num(n: number | null): string {
  return n === null ? 'n/a' : String(Math.round(n * 1000) / 1000);
}

export function metricsSummary(m: Metrics): string[] {
  const d = m.distinctStaffPerRecipient;
  return [
    `visits ${m.visits}, assigned ${m.assigned}, unassigned ${m.unassignedMandatory} mandatory and ${m.unassignedOptional} optional`,
    `contactShare ${num(m.contactShare)}, contactOrDeputyShare ${num(m.contactOrDeputyShare)}, contactReachableShare ${num(m.contactReachableShare)}`,
    `distinct staff per recipient: mean ${num(d.mean)}, median ${num(d.median)}, max ${num(d.max)}; new staff per recipient ${num(m.newStaffPerRecipient)}`,
    `travel ${num(m.travelMinutes)} min, service ${num(m.serviceMinutes)} min, wait ${num(m.waitMinutes)} min, late ${num(m.lateMinutes)} min (largest ${num(m.maxLateMinutes)})`,
  ];
}

/** `ok` and the recomputed metrics, or every violation as `code path: sentence`; then metric differences as notes. */
export function formatCheck(result: CheckResult): string {
  const lines =
    result.violations.length === 0
      ? ['ok', ...metricsSummary(result.metrics)]
      : result.violations.map((v) => `${v.code}${v.path === undefined ? '' : ` ${v.path}`}: ${v.message}`);
  for (const diff of result.metricDiffs) {
    lines.push(`note metrics.${diff.field}: reported ${JSON.stringify(diff.reported)}, recomputed ${JSON.stringify(diff.recomputed)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('hold a schedule to every rule of the data contract and recompute its metrics')
    .argument('<problem>', 'the day problem (kontinuitet/day@1)')
    .argument('<schedule>', 'the schedule to check (kontinuitet/schedule@1)')
    .option('--json', 'print {ok, violations, metrics, metricDiffs} as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Checks ids, that every visit is placed exactly once, staffing and eligibility, windows,',
        'durations, time order, travel by each staff member\'s mode, shifts, breaks, waits, totals,',
        'dependencies, warnings, time offsets, and the reported metrics against recomputed ones.',
        'Any schedule may be checked: its metrics, warnings, solver facts and explanations are',
        'its claims, each compared where given; the metrics are recomputed always.',
        '',
        'Output: "ok" and the recomputed metrics, or every violation as "code path: sentence";',
        'differences in reported metrics follow as "note" lines (counts and minute totals that',
        'differ are violations too).',
        '',
        'Exit codes: 0 no violation, 1 any violation, 2 unreadable or invalid input.',
      ].join('\n'),
    )
    .action((problemFile: string, scheduleFile: string, opts: { json?: boolean }) =>
      runCommand(async () => {
        const result = await checkFiles(problemFile, scheduleFile);
        const ok = result.violations.length === 0;
        process.stdout.write(opts.json ? toJsonText({ ok, ...result }) : formatCheck(result));
        return ok ? EXIT_OK : EXIT_VIOLATION;
      }),
    );
}
