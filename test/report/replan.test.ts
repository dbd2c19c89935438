/**
 * The re-plan view's data: what changed at every stop of the published and the new plan,
 * against the `replan` block the re-plan wrote; the visits that changed hands by who lost
 * them; new faces; and which view a schedule gets.
 */
import { describe, expect, it } from 'vitest';
import { dayAsItNowStands } from '../../src/replan/index.ts';
import { prepareReplan, type ChangeKind, type ReplanModel, type StopChange } from '../../src/report/prepare/replan.ts';
import { loadReport, renderReport } from '../../src/report/index.ts';
import { PlanClock } from '../../src/time/index.ts';
import { NOW, replannedDay } from './replan-fixture.ts';
import { solvedDay } from './fixtures.ts';

/** The visits whose stops carry `kind`. */
function visitsWith(stops: readonly { visit: string }[], changes: readonly (StopChange | null)[], kind: ChangeKind): Set<string> {
  return new Set(stops.filter((_, i) => changes[i]?.kinds.includes(kind)).map((s) => s.visit));
}

describe('re-plan preparation', () => {
  const fixture = replannedDay(42);
  const { problem, published, changes, result } = fixture;
  const { schedule, day } = result;
  const block = schedule.replan;
  const frozen = dayAsItNowStands(problem, published, changes).frozen;
  const model: ReplanModel = prepareReplan(day, schedule, { problem, schedule: published, frozen });
  const clock = new PlanClock(day.date, day.timezone);
  const now = clock.minutes(NOW);
  const before = model.before!;

  it('marks in the new plan as many visits with other staff and as many moved, by as many minutes, as the block counts', () => {
    const after = model.after.stops;
    expect(visitsWith(after, model.afterChanges, 'staff').size).toBe(block.changedStaffVisits);
    expect(visitsWith(after, model.afterChanges, 'moved').size).toBe(block.movedVisits);
    const moved = new Map(after.flatMap((s, i) => (model.afterChanges[i]?.kinds.includes('moved') ? [[s.visit, Math.abs(model.afterChanges[i]!.movedMinutes)]] : [])));
    expect([...moved.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(block.movedMinutes, 3);
  });

  it('calls new in the plan exactly the visits the published schedule did not make', () => {
    const publishedVisits = new Set(published.routes.flatMap((r) => r.stops.map((s) => s.visit)));
    const made = new Set(schedule.routes.flatMap((r) => r.stops.map((s) => s.visit)));
    expect(visitsWith(model.after.stops, model.afterChanges, 'added')).toEqual(new Set([...made].filter((v) => !publishedVisits.has(v))));
    expect(visitsWith(model.after.stops, model.afterChanges, 'added')).toContain(fixture.added);
  });

  it('leaves every stop before now unmarked and unlocked in the new plan: the freeze is shaded, not pinned', () => {
    model.after.stops.forEach((stop, i) => {
      if (stop.start < now) {
        expect(model.afterChanges[i]).toBeNull();
        expect(stop.locked).toBe(false);
      }
    });
  });

  it('marks the published plan: frozen stops alone, the cancelled visit, the visits no one makes now, and every later stop of the absent', () => {
    const stops = before.day.stops;
    stops.forEach((stop, i) => {
      if (frozen.get(stop.visit)?.includes(stop.staff)) expect(before.changes[i]).toBeNull();
      if (stop.staff === fixture.absent && stop.start >= now) expect(before.changes[i]?.kinds.some((k) => k === 'lost' || k === 'dropped' || k === 'cancelled')).toBe(true);
    });
    expect(visitsWith(stops, before.changes, 'cancelled')).toEqual(new Set([fixture.cancelled]));
    const dropped = visitsWith(stops, before.changes, 'dropped');
    expect(dropped.size).toBeGreaterThan(0);
    expect(dropped).toEqual(new Set(block.newlyUnassigned.filter((v) => stops.some((s) => s.visit === v))));
    expect(visitsWith(stops, before.changes, 'lost').size).toBeLessThanOrEqual(block.changedStaffVisits);
  });

  it('puts both charts on one axis, the staff of both in the same order and the same colour', () => {
    expect(before.day.axis).toEqual(model.after.axis);
    for (const row of model.after.rows) expect(before.day.rows.find((r) => r.staff === row.staff)?.colour ?? row.colour).toBe(row.colour);
    const both = (rows: readonly { staff: string }[], other: readonly { staff: string }[]) => rows.map((r) => r.staff).filter((s) => other.some((o) => o.staff === s));
    expect(both(before.day.rows, model.after.rows)).toEqual(both(model.after.rows, before.day.rows));
  });

  it('groups every visit that changed hands under each staff member who lost it, the absent first', () => {
    const reassigned = block.reassigned!;
    expect(reassigned.length).toBeGreaterThan(0);
    expect(model.lost[0]).toMatchObject({ staff: fixture.absent, absentFrom: block.absent![0].from });
    for (const entry of reassigned) {
      const losers = entry.from.filter((s) => !entry.to.includes(s));
      for (const loser of losers) expect(model.lost.find((g) => g.staff === loser)?.rows.map((r) => r.visit)).toContain(entry.visit);
    }
    expect(model.lost.reduce((n, g) => n + g.rows.length, 0)).toBe(reassigned.reduce((n, e) => n + Math.max(1, e.from.filter((s) => !e.to.includes(s)).length), 0));
  });

  it('lists as meeting someone new every recipient the block says took someone new, with that person', () => {
    for (const entry of block.reassigned!.filter((e) => e.taker === 'new')) {
      const stranger = model.strangers.find((s) => s.recipient === entry.recipient);
      expect(stranger?.staff.some((s) => entry.to.includes(s))).toBe(true);
    }
    const recipients = new Map(day.recipients.map((r) => [r.id, r]));
    for (const s of model.strangers) {
      const r = recipients.get(s.recipient)!;
      for (const staff of s.staff) expect([r.contact, ...(r.deputies ?? []), ...(r.recentStaff ?? []).map((e) => e.staff)]).not.toContain(staff);
    }
  });

  it('takes contact share before from the published plan on the original day and after from the new one', () => {
    expect(model.contactShare).toEqual({ before: published.metrics.contactShare, after: schedule.metrics.contactShare });
    expect(model.newlyUnassigned.map((u) => u.visit)).toEqual(schedule.unassigned.filter((u) => block.newlyUnassigned.includes(u.visit)).map((u) => u.visit));
  });

  it('marks the same visits from the day as it now stands alone as from the original inputs', () => {
    const alone = prepareReplan(day, schedule);
    expect(alone.before).toBeNull();
    expect(alone.afterChanges).toEqual(model.afterChanges);
    expect(alone.strangers).toEqual(model.strangers);
  });
});

describe('which view a schedule gets', () => {
  const { result } = replannedDay(41);

  it('a schedule with a replan block and only its day is the day with a re-plan section; without the block it is the plain day', () => {
    const loaded = loadReport({ files: { document: 'new.json', problem: 'now.json' }, document: result.schedule, problem: result.day });
    expect(loaded.view.kind).toBe('replan');
    const html = renderReport(loaded);
    expect(html).toContain('id="replan"');
    expect(html).not.toContain('id="gantt-before"');
    const plain = { ...result.schedule, replan: undefined };
    const day = loadReport({ files: { document: 'new.json', problem: 'now.json' }, document: plain, problem: result.day });
    expect(day.view.kind).toBe('day');
    expect(renderReport(day)).not.toContain('id="replan"');
  });

  it('a day report is the same page as before the re-plan view came: no re-plan marks on a schedule without the block', () => {
    const { problem: p, schedule } = solvedDay(43, { teams: 1 });
    const html = renderReport(loadReport({ files: { document: 's.json', problem: 'p.json' }, document: schedule, problem: p }));
    expect(html).not.toMatch(/data-chg|class="frozen"|class="now"/);
    expect(html).toContain('<div class="gantt" id="gantt" data-table="stops" data-prefix="s">');
  });
});
