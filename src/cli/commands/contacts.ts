/**
 * `kontinuitet contacts suggest period.json`: proposes a fast omsorgskontakt and a deputy for
 * every recipient and shows what it does to the contact's reach (contactReachableShare).
 */
import type { Command } from 'commander';
import { readJsonFile, toJsonText, writeFileAtomic } from '../../io/index.ts';
import { loadPeriodProblem } from '../../validate/index.ts';
import { applySuggestion, suggestContacts, CARE_WEIGHTS, DEFAULT_CARE_WEIGHT, DEFAULT_KEEP_CURRENT_BONUS, DEFAULT_MAX_PER_CONTACT, type CareWeight, type ContactSuggestion } from '../../contacts/index.ts';
import { runCommand, UsageError } from '../../surface/run.ts';
import { numberOption, optionalNumber, type NumberRange } from '../../surface/options.ts';
import { percent } from '../../surface/format.ts';

interface SuggestFlags {
  output?: string;
  apply?: boolean;
  maxPerContact: string;
  maxPerDeputy?: string;
  maxDistanceKm?: string;
  keepCurrentBonus: string;
  includeWaived?: boolean;
  capacity: boolean;
  weight: string;
  format: string;
}

/** Bounds that keep the LP's numbers sane: past them every recipient is allowed, or the bonus outweighs all care. */
const RECIPIENTS_PER_STAFF: NumberRange = { integer: true, min: 1, max: 100_000, unit: 'recipients' };
const DISTANCE_KM: NumberRange = { min: 0, max: 20_037, unit: 'km' };
const BONUS_MINUTES: NumberRange = { min: 0, max: 1_000_000, unit: 'care minutes' };

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

/** The suggestion as people read it: one line per recipient, then one per team. */
export function suggestionTable(suggestion: ContactSuggestion): string {
  const recipients = [
    ['recipient', 'team', 'contact (current → proposed)', 'deputy', `${suggestion.weight === 'visits' ? 'visits' : 'care minutes'} covered (current → proposed)`, 'in the contact\'s time', 'note'],
    ...suggestion.suggestions.map((row) => [
      row.recipient,
      row.team,
      `${row.previousContact ?? '–'} → ${row.contact ?? '–'}`,
      row.deputy ?? '–',
      `${percent(row.previousCoveredShare, 0)} → ${percent(row.coveredShare, 0)}`,
      percent(row.withinTimeShare, 0),
      row.reason ?? '',
    ]),
  ];
  const teams = [
    ['team', 'recipients', 'with contact (before → after)', 'contactReachableShare (before → after)', 'care minutes reachable (before → after)', 'visits in the contacts\' time (before → after)', 'LP'],
    ...Object.entries(suggestion.byTeam).map(([team, t]) => {
      const lp = suggestion.lp.byTeam[team];
      return [
        team,
        String(t.recipients),
        `${t.withContactBefore} → ${t.withContactAfter}`,
        `${percent(t.before, 0)} → ${percent(t.after, 0)}`,
        `${percent(t.minutesBefore, 0)} → ${percent(t.minutesAfter, 0)}`,
        `${percent(t.withinTimeBefore, 0)} → ${percent(t.withinTimeAfter, 0)}`,
        `${lp.variables} variables, ${lp.seconds.toFixed(3)} s${lp.integral ? ', integral' : ', fractional'}${lp.fallback ? ', rounded and repaired' : ''}${suggestion.capacity ? `, ${lp.moves} moves for time` : ''}`,
      ];
    }),
  ];
  return `${table(recipients)}\n\n${table(teams)}\n`;
}

export function registerContacts(program: Command): void {
  const contacts = program.command('contacts').description('fast omsorgskontakt: who should be whose contact');
  contacts
    .command('suggest')
    .description('propose a contact and a deputy for every recipient of a period')
    .argument('<period>', 'period problem (kontinuitet/period@1)')
    .option('-o, --output <file>', 'write the suggestion as JSON (with --apply: the period with the proposed contacts)')
    .option('--apply', 'write the period with contacts and deputies replaced (needs -o)')
    .option('--max-per-contact <n>', 'most recipients one staff member is contact for', String(DEFAULT_MAX_PER_CONTACT))
    .option('--max-per-deputy <n>', 'most recipients one staff member is deputy for (default: --max-per-contact)')
    .option('--max-distance-km <km>', 'leave out candidates farther than this from the home')
    .option(
      '--keep-current-bonus <minutes>',
      'worth of keeping the current contact, in covered care minutes over the period; 0 picks by coverage and distance alone',
      String(DEFAULT_KEEP_CURRENT_BONUS),
    )
    .option('--include-waived', 'propose contacts for recipients with contactWaived too')
    .option('--no-capacity', 'count shift coverage alone, not whether the contact has time for every recipient\'s visits')
    .option('--weight <weight>', 'what covered care counts: visits (as contactReachableShare counts them) or minutes (each visit by its duration)', DEFAULT_CARE_WEIGHT)
    .option('--format <format>', 'what to print: table or json', 'table')
    .action((file: string, flags: SuggestFlags) =>
      runCommand(async () => {
        if (flags.format !== 'table' && flags.format !== 'json') throw new UsageError(`--format must be table or json, not "${flags.format}"`);
        if (!(CARE_WEIGHTS as readonly string[]).includes(flags.weight)) throw new UsageError(`--weight must be minutes or visits, not "${flags.weight}"`);
        if (flags.apply && !flags.output) throw new UsageError('--apply needs -o FILE for the period with contacts');
        const maxPerContact = numberOption(flags.maxPerContact, '--max-per-contact', RECIPIENTS_PER_STAFF);
        const maxPerDeputy = optionalNumber(flags.maxPerDeputy, '--max-per-deputy', RECIPIENTS_PER_STAFF);
        const maxDistanceKm = optionalNumber(flags.maxDistanceKm, '--max-distance-km', DISTANCE_KM);
        const keepCurrentBonus = numberOption(flags.keepCurrentBonus, '--keep-current-bonus', BONUS_MINUTES);

        const { problem: period } = loadPeriodProblem(await readJsonFile(file));
        const suggestion = suggestContacts(period, {
          maxPerContact,
          maxPerDeputy,
          maxDistanceKm,
          keepCurrentBonus,
          includeWaived: flags.includeWaived === true,
          capacity: flags.capacity,
          weight: flags.weight as CareWeight,
        });

        if (flags.output) {
          const written = flags.apply ? applySuggestion(period, suggestion) : suggestion;
          await writeFileAtomic(flags.output, toJsonText(written));
        }
        process.stdout.write(flags.format === 'json' ? toJsonText(suggestion) : suggestionTable(suggestion));
      }),
    );
}
