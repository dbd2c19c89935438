/**
 * `kontinuitet bound period.json`: the continuity floor of a period — per recipient the
 * fewest distinct staff who could make every visit the KPI counts, given rosters and
 * eligibility (capacity ignored) — per team and overall, as a table or JSON.
 */
import type { Command } from 'commander';
import { readJsonFile, toJsonText, writeFileAtomic } from '../../io/index.ts';
import { loadPeriodProblem } from '../../validate/index.ts';
import { periodFloor, type FloorGroup, type PeriodFloor } from '../../contacts/index.ts';
import { runCommand } from '../../surface/run.ts';

interface BoundFlags {
  json?: boolean;
  output?: string;
}

function groupLine(name: string, g: FloorGroup): string {
  const value = (x: number | null, digits = 0) => (x === null ? '–' : x.toFixed(digits));
  return `${name.padEnd(10)} ${String(g.recipients).padStart(10)}  ${value(g.mean, 2).padStart(5)}  ${value(g.median, 1).padStart(6)}  ${value(g.min)}–${value(g.max)}  ${g.withUnreachable}`;
}

/** The floor as people read it: per window, overall and per team, then recipients with visits no one can make. */
export function floorTable(floor: PeriodFloor): string {
  const lines: string[] = [];
  for (const w of floor.windows) {
    lines.push(`Floor ${w.from} – ${w.to} (fewest distinct staff per counted recipient, capacity ignored)`, '', 'group      recipients   mean  median  range  with a visit no one can make');
    lines.push(groupLine('overall', w.overall));
    for (const [team, g] of Object.entries(w.byTeam)) lines.push(groupLine(team, g));
    const unreachable = Object.entries(w.byRecipient).filter(([, r]) => r.unreachable.length > 0);
    if (unreachable.length > 0) {
      lines.push('', 'Visits no one on the roster can make (left out of the floor):');
      for (const [id, r] of unreachable) lines.push(`  ${id}: ${r.unreachable.join(', ')}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

export function registerBound(program: Command): void {
  program
    .command('bound')
    .description('the continuity floor of a period: fewest distinct staff per recipient that rosters and eligibility allow')
    .argument('<period>', 'period problem (kontinuitet/period@1)')
    .option('--json', 'print the floor as JSON (kontinuitet/floor@1) instead of a table')
    .option('-o, --output <file>', 'write the floor as JSON to a file (written atomically)')
    .action((file: string, flags: BoundFlags) =>
      runCommand(async () => {
        const { problem } = loadPeriodProblem(await readJsonFile(file));
        const floor = periodFloor(problem);
        if (flags.output) await writeFileAtomic(flags.output, toJsonText(floor));
        process.stdout.write(flags.json ? toJsonText(floor) : floorTable(floor));
      }),
    );
}
