import { describe, expect, it } from 'vitest';
import { scheduleMismatches } from '../../src/validate/documents.ts';
import { acquaintance, preparePeriod, totalsOf } from '../../src/report/prepare/period.ts';
import { gaps, prepareDay, whoCame } from '../../src/report/prepare/day.ts';
import { histogram, prepareKpi } from '../../src/report/prepare/kpi.ts';
import { plannedPeriod, solvedDay } from './fixtures.ts';

describe('day preparation', () => {
  const { problem, schedule } = solvedDay(11);
  const day = prepareDay(problem, schedule);

  it('has one row per route and one mark per stop, each pointing at its stop', () => {
    expect(day.rows.map((r) => r.staff).sort()).toEqual(schedule.routes.map((r) => r.staff).sort());
    for (const route of schedule.routes) {
      const row = day.rows.find((r) => r.staff === route.staff)!;
      expect(row.stops.map((m) => day.stops[m.stop].visit)).toEqual(route.stops.map((s) => s.visit));
    }
    expect(day.stops.length).toBe(schedule.routes.reduce((n, r) => n + r.stops.length, 0));
  });

  it('says who made each visit as the recipient knows them, with the explanation of every visit not made by the contact', () => {
    const recipients = new Map(problem.recipients.map((r) => [r.id, r]));
    for (const stop of day.stops) {
      const r = recipients.get(stop.recipient)!;
      const sent = [stop.staff, ...stop.with];
      expect(stop.who).toBe(whoCame(sent, r.contact, r.deputies));
      if (stop.who !== 'contact' && stop.who !== 'none') expect(stop.explanation?.visit).toBe(stop.visit);
    }
  });

  it('draws as much waiting as the routes report (to a minute per gap)', () => {
    for (const row of day.rows) {
      const drawn = row.waits.reduce((n, w) => n + w.end - w.start, 0);
      expect(Math.abs(drawn - row.waitMinutes)).toBeLessThanOrEqual(row.stops.length + 1);
    }
  });

  it('keeps every mark inside the axis, whose ticks are whole local hours', () => {
    for (const row of day.rows) for (const m of [...row.stops, ...row.travel, ...row.breaks]) {
      expect(m.start).toBeGreaterThanOrEqual(day.axis.start);
      expect(m.end).toBeLessThanOrEqual(day.axis.end);
    }
    expect(day.axis.ticks.every((t) => /^\d\d$/.test(t.label) && t.minute % 60 === 0)).toBe(true);
  });

  it('maps one route per route with stops, through the homes in stop order', () => {
    const withStops = schedule.routes.filter((r) => r.stops.length > 0);
    expect(day.map.routes).toHaveLength(withStops.length);
    const homes = new Map(problem.recipients.map((r) => [r.id, r.location]));
    for (const route of withStops) {
      const mapped = day.map.routes.find((r) => r.staff === route.staff)!;
      expect(mapped.points.slice(1, -1)).toEqual(route.stops.map((s) => homes.get(s.recipient)));
    }
  });

  it('counts the unassigned and the visits not made by the contact by reason, each visit once', () => {
    expect(day.unassignedByReason.reduce((n, c) => n + c.count, 0)).toBe(schedule.unassigned.length);
    const explained = new Set((schedule.explanations ?? []).map((e) => e.visit));
    expect(day.notContactByReason.reduce((n, c) => n + c.count, 0)).toBe(explained.size);
  });
});

describe('small pieces', () => {
  it('finds the gaps between busy spans, leaving out slivers', () => {
    expect(gaps(0, 100, [{ start: 10, end: 20 }, { start: 15, end: 30 }, { start: 30.5, end: 50 }])).toEqual([
      { start: 0, end: 10 },
      { start: 50, end: 100 },
    ]);
    expect(gaps(0, 10, [])).toEqual([{ start: 0, end: 10 }]);
  });

  it('ranks who came: contact, then deputy, then anyone else', () => {
    expect(whoCame(['s1', 's2'], 's2', ['s1'])).toBe('contact');
    expect(whoCame(['s1'], 's2', ['s1'])).toBe('deputy');
    expect(whoCame(['s3'], 's2', ['s1'])).toBe('other');
    expect(whoCame(['s3'], null)).toBe('none');
    expect(acquaintance('s3', 's2', ['s1'], new Set(['s3']))).toBe('familiar');
    expect(acquaintance('s4', 's2', ['s1'], new Set(['s3']))).toBe('new');
  });

  it('bins distinct staff from 1 up', () => {
    expect(histogram([1, 3, 3, 5])).toEqual({ bins: [1, 2, 3, 4, 5], counts: [1, 0, 2, 0, 1] });
    expect(histogram([], 3)).toEqual({ bins: [1, 2, 3], counts: [0, 0, 0] });
  });

  it('names the file and path of every id the problem does not know', () => {
    const { problem, schedule } = solvedDay(12, { teams: 1 });
    const bad = structuredClone(schedule);
    bad.routes[0].staff = 'nobody';
    bad.routes[0].stops[0].visit = 'v-none';
    bad.date = '2026-01-01';
    const found = scheduleMismatches(bad, problem, { file: 's.json', prefix: '', problemFile: 'p.json' });
    expect(found.map((p) => p.path)).toEqual(['s.json date', 's.json routes[0].staff', 's.json routes[0].stops[0].visit']);
    expect(found[1].message).toBe('"nobody" is not a staff member of p.json');
    expect(scheduleMismatches(schedule, problem, { file: 's.json', prefix: '', problemFile: 'p.json' })).toEqual([]);
  });
});

describe('period and KPI preparation', () => {
  const { period, schedule } = plannedPeriod(5);
  const model = preparePeriod(period, schedule);

  it('has a strip day for every period day, with one box per staff member met that day', () => {
    expect(model.dates).toEqual(schedule.days.map((d) => d.date));
    for (const strip of model.strips) {
      expect(strip.days).toHaveLength(schedule.days.length);
      schedule.days.forEach((day, i) => {
        const met = new Set(day.routes.filter((r) => r.stops.some((s) => s.recipient === strip.recipient)).map((r) => r.staff));
        expect(strip.days[i]).toHaveLength(met.size);
      });
    }
  });

  it('calls a face new when the day metrics count it new (a new contact or deputy shows as contact or deputy)', () => {
    model.days.forEach((day, i) => {
      const shown = (kind: string) => model.strips.reduce((n, s) => n + s.days[i].filter((a) => a === kind).length, 0);
      const rows = Object.values(day.metrics.byRecipient as Record<string, { newStaff?: number }>);
      const counted = rows.reduce((n, r) => n + (r.newStaff ?? 0), 0);
      expect(shown('new')).toBeLessThanOrEqual(counted);
      expect(counted - shown('new')).toBeLessThanOrEqual(shown('contact') + shown('deputy'));
    });
  });

  it('adds the days up: assigned visits, and contact share over all visits to recipients with a contact', () => {
    const totals = totalsOf(model.days.map((d) => d.metrics));
    expect(totals.assigned).toBe(schedule.days.reduce((n, d) => n + d.metrics.assigned, 0));
    const shares = schedule.days.map((d) => d.metrics.contactShare).filter((s): s is number => s !== null);
    expect(totals.contactShare).toBeGreaterThanOrEqual(Math.min(...shares));
    expect(totals.contactShare).toBeLessThanOrEqual(Math.max(...shares));
  });

  it('takes the histogram from the counted recipients of the KPI window', () => {
    const kpi = prepareKpi(schedule.kpi);
    const counted = Object.values(kpi.shown.byRecipient).filter((r) => r.counted).length;
    expect(kpi.histograms[0].counts.reduce((a, b) => a + b, 0)).toBe(counted);
    expect(counted).toBe(kpi.shown.overall.recipients);
  });
});
