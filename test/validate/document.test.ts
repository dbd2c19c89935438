import { describe, expect, it } from 'vitest';
import { complianceWarnings, validateDocument } from '../../src/validate/index.ts';
import { baseSchedule } from '../check/fixtures.ts';
import { validDay, validPeriod, type Json } from './fixtures.ts';

describe('validateDocument', () => {
  it('recognises a day problem and runs its semantic rules', () => {
    const d = validDay();
    d.visits[0].recipient = 'r9';
    const result = validateDocument(d);
    expect(result.format).toBe('kontinuitet/day@1');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual(['visits[0].recipient']);
  });

  it('recognises a period problem', () => {
    const result = validateDocument(validPeriod());
    expect(result).toMatchObject({ ok: true, format: 'kontinuitet/period@1', warnings: [] });
  });

  it('checks a schedule for shape only', () => {
    expect(validateDocument(baseSchedule())).toMatchObject({ ok: true, format: 'kontinuitet/schedule@1' });
    const bad: Json = baseSchedule();
    bad.routes[0].stops[0].start = '2026-11-23T08:00:00';
    bad.metrics.contactShare = 1.5;
    bad.unassigned[0].reason = 'too_busy';
    const result = validateDocument(bad);
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual([
      'routes[0].stops[0].start',
      'unassigned[0].reason',
      'metrics.contactShare',
    ]);
  });

  it('takes per-id metric rows keyed by id or as a list with an id (FORMAT §6.14)', () => {
    const listed: Json = baseSchedule();
    listed.metrics.byStaff = Object.entries<object>(listed.metrics.byStaff).map(([id, row]) => ({ id, ...row }));
    expect(validateDocument(listed)).toMatchObject({ ok: true, format: 'kontinuitet/schedule@1' });
  });

  it('recognises period schedules and KPI reports', () => {
    const kpi = { format: 'kontinuitet/kpi@1', timezone: 'Europe/Stockholm', from: '2026-11-02', windows: [] };
    const kpiResult = validateDocument(kpi);
    expect(kpiResult.format).toBe('kontinuitet/kpi@1');
    expect(!kpiResult.ok && kpiResult.problems.map((p) => p.path)).toEqual(['windows']);
    const periodSchedule = validateDocument({ format: 'kontinuitet/period-schedule@1', days: [baseSchedule()] });
    expect(periodSchedule.format).toBe('kontinuitet/period-schedule@1');
    expect(!periodSchedule.ok && periodSchedule.problems.map((p) => p.path)).toEqual(['kpi']);
  });

  it('says which formats exist when the field is missing or unknown', () => {
    expect(validateDocument({ date: '2026-11-23' })).toMatchObject({
      ok: false,
      format: null,
      problems: [{ path: 'format', severity: 'error', message: expect.stringContaining('is required, one of "kontinuitet/day@1"') }],
    });
    expect(validateDocument({ format: 'kontinuitet/day@2' })).toMatchObject({
      ok: false,
      format: null,
      problems: [{ path: 'format', message: expect.stringContaining('"kontinuitet/day@2" is not a known format') }],
    });
  });

  it('knows no format named like an Object method', () => {
    expect(validateDocument({ format: 'constructor' })).toMatchObject({ ok: false, format: null, problems: [{ path: 'format' }] });
  });

  it('refuses anything but an object', () => {
    for (const data of [null, 3, 'day', [validDay()]]) {
      const result = validateDocument(data);
      expect(result).toMatchObject({ ok: false, format: null, problems: [{ path: '(document)' }] });
    }
  });
});

describe('complianceWarnings (FORMAT §2, §6.13)', () => {
  it('gives nothing for the fixture', () => {
    expect(complianceWarnings(validDay())).toEqual([]);
  });

  it('flags every recipient it applies to, with the ids in order', () => {
    const d = validDay();
    d.staff[0].titleProof = null;
    d.recipients[1].contact = 's2';
    d.recipients[2].contactWaived = false;
    d.recipients.push({ id: 'r4', location: { lat: 59.316, lon: 18.07 } });
    expect(complianceWarnings(d).map((w) => [w.code, w.ids])).toEqual([
      ['contact_not_qualified', ['r1', 's1']],
      ['contact_not_qualified', ['r2', 's2']],
      ['no_contact', ['r3']],
      ['no_contact', ['r4']],
    ]);
    expect(complianceWarnings(d)[0].message).toBe(
      'the contact of recipient r1, s1, is an assistant nurse without proof of the protected title (titleProof); a contact must be an assistant nurse with a valid title proof (4 kap. 2 b § SoL)',
    );
  });

  it('takes a transitional proof as valid through 2033-06-30 inclusive', () => {
    const d = validDay();
    d.recipients[0].recentStaff = [];
    d.date = '2033-06-30';
    expect(complianceWarnings(d)).toEqual([]);
    d.date = '2033-07-01';
    expect(complianceWarnings(d)).toEqual([
      {
        code: 'contact_not_qualified',
        message: expect.stringContaining('transitional title proof ran out after 2033-06-30'),
        ids: ['r2', 's3'],
      },
    ]);
  });

  it('leaves a waived contact and a contact off today alone', () => {
    const d = validDay();
    d.recipients[0].contact = 's42';
    d.recipients[2].contact = undefined;
    expect(complianceWarnings(d)).toEqual([]);
  });
});
