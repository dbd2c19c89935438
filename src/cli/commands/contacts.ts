/**
 * `kontinuitet contacts suggest period.json`: proposes a fast omsorgskontakt and a deputy for
 * every recipient and shows what it does to the contact's reach (contactReachableShare).
 */
import type { Command } from 'commander';
import { readJsonFile, toJsonText, writeFileAtomic } from '../../io/index.ts';
import { loadPeriodProblem } from '../../validate/index.ts';
import { applySuggestion, suggestContacts, CARE_WEIGHTS, DEFAULT_CARE_WEIGHT, DEFAULT_KEEP_CURRENT_BONUS, DEFAULT_MAX_PER_CONTACT, type CareWeight, type ContactSuggestion } from '../../contacts/index.ts';
import { runCommand, UsageError } from '../run.ts';

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
const MAX_RECIPIENTS_PER_STAFF = 100_000;
const HALF_EARTH_KM = 20_037;
const MAX_BONUS_MINUTES = 1_000_000;

function wholeNumber(text: string, flag: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_RECIPIENTS_PER_STAFF) {
    throw new UsageError(`${flag} needs a whole number from 1 to ${MAX_RECIPIENTS_PER_STAFF.toLocaleString('en-US')}, not "${text}"`);
  }
  return Number(text);
}

function kilometres(text: string, flag: string): number {
  const km = Number(text);
  if (text.trim() === '' || !Number.isFinite(km) || km < 0 || km > HALF_EARTH_KM) throw new UsageError(`${flag} needs a distance in km from 0 to ${HALF_EARTH_KM.toLocaleString('en-US')}, not "${text}"`);
  return km;
}

function minutes(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > MAX_BONUS_MINUTES) {
    throw new UsageError(`${flag} needs care minutes from 0 to ${MAX_BONUS_MINUTES.toLocaleString('en-US')}, not "${text}"`);
  }
  return n;
}

function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

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
      `${percent(row.previousCoveredShare)} → ${percent(row.coveredShare)}`,
      percent(row.withinTimeShare),
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
        `${percent(t.before)} → ${percent(t.after)}`,
        `${percent(t.minutesBefore)} → ${percent(t.minutesAfter)}`,
        `${percent(t.withinTimeBefore)} → ${percent(t.withinTimeAfter)}`,
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
        const maxPerContact = wholeNumber(flags.maxPerContact, '--max-per-contact');
        const maxPerDeputy = flags.maxPerDeputy === undefined ? undefined : wholeNumber(flags.maxPerDeputy, '--max-per-deputy');
        const maxDistanceKm = flags.maxDistanceKm === undefined ? undefined : kilometres(flags.maxDistanceKm, '--max-distance-km');
        const keepCurrentBonus = minutes(flags.keepCurrentBonus, '--keep-current-bonus');

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
