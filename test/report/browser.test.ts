/**
 * The report opened in a real browser (headless Chromium): it runs without console errors,
 * makes no request, shows one Gantt row per route and one mark per stop, one map path per
 * route, the document's numbers, and the staff filter hides the other staff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadReport, renderReport, type Language } from '../../src/report/index.ts';
import { Texts } from '../../src/report/i18n.ts';
import type { DayProblem, PeriodProblem, PeriodSchedule, Schedule } from '../../src/model/types.ts';
import { SKIP_BROWSER, cspViolations, expectClean, openBrowser, openReport, type OpenBrowser, type OpenedReport } from './browser.ts';
import { plannedPeriod, solvedDay } from './fixtures.ts';

function dayHtml(problem: DayProblem, schedule: Schedule, lang: Language = 'sv'): string {
  return renderReport(loadReport({ files: { document: 'schedule.json', problem: 'day.json' }, document: schedule, problem }), { lang });
}

async function textOf(page: Page, key: string): Promise<{ text: string; value: string }> {
  const el = page.locator(`[data-key="${key}"]`);
  return { text: (await el.textContent())!, value: (await el.getAttribute('data-value'))! };
}

describe.skipIf(SKIP_BROWSER)('the report in headless Chromium', () => {
  let chrome: OpenBrowser;
  beforeAll(async () => {
    chrome = await openBrowser();
  });
  afterAll(async () => chrome?.close());

  async function open(html: string): Promise<OpenedReport> {
    const context = await chrome.browser.newContext({ viewport: { width: 1440, height: 900 } });
    return openReport(context, html);
  }

  describe('day view', () => {
    const { problem, schedule } = solvedDay(31);
    let opened: OpenedReport;
    beforeAll(async () => {
      opened = await open(dayHtml(problem, schedule));
    });

    it('opens without console errors, CSP violations or any request', async () => {
      await expectClean(opened);
    });

    it('has one Gantt row per route and one mark per stop, and one map path per route with stops', async () => {
      const { page } = opened;
      expect(await page.locator('.g-row').count()).toBe(schedule.routes.length);
      for (const route of schedule.routes) {
        expect(await page.locator(`.g-row[data-staff="${route.staff}"] .v[data-s]`).count()).toBe(route.stops.length);
      }
      expect(await page.locator('#map path.route').count()).toBe(schedule.routes.filter((r) => r.stops.length > 0).length);
      expect(await page.locator('#stops tbody tr').count()).toBe(schedule.routes.reduce((n, r) => n + r.stops.length, 0));
    });

    it("shows the schedule's own metrics", async () => {
      const texts = new Texts('sv');
      const m = schedule.metrics;
      expect(await textOf(opened.page, 'contactShare')).toEqual({ text: texts.share(m.contactShare), value: String(m.contactShare ?? '') });
      expect(await textOf(opened.page, 'distinctStaffMean')).toEqual({ text: texts.number(m.distinctStaffPerRecipient.mean, 2), value: String(m.distinctStaffPerRecipient.mean) });
      expect((await textOf(opened.page, 'unassignedMandatory')).value).toBe(String(m.unassignedMandatory + m.unassignedOptional));
    });

    it('filters Gantt, stop table and map together by staff member and by team', async () => {
      const { page } = opened;
      const route = schedule.routes.find((r) => r.stops.length > 0)!;
      await page.selectOption('#staff-filter', route.staff);
      expect(await page.locator('.g-row:visible').count()).toBe(1);
      expect(await page.locator(`.g-row[data-staff="${route.staff}"]`).isVisible()).toBe(true);
      expect(await page.locator('#map path.route:not(.off)').count()).toBe(1);
      expect(await page.locator(`#map path.route[data-staff="${route.staff}"]`).isVisible()).toBe(true);
      expect(await page.locator('#stops tbody tr:visible').count()).toBe(route.stops.length);

      const team = problem.teams[1].id;
      await page.selectOption('#team-filter', team);
      const ofTeam = schedule.routes.filter((r) => problem.staff.find((s) => s.id === r.staff)!.team === team);
      expect(await page.locator('.g-row:visible').count()).toBe(ofTeam.length);
      expect(await page.locator('#map path.route:not(.off)').count()).toBe(ofTeam.filter((r) => r.stops.length > 0).length);
      await page.selectOption('#team-filter', '');
      expect(await page.locator('.g-row:visible').count()).toBe(schedule.routes.length);
    });

    it('shows a visit on keyboard focus and on hover, with why it was not the contact', async () => {
      const { page } = opened;
      const row = schedule.routes.find((r) => r.stops.length > 0)!;
      await page.locator(`.g-row[data-staff="${row.staff}"] .g-label`).focus();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate("document.activeElement.getAttribute('data-s')");
      expect(focused).not.toBeNull();
      await expect.poll(() => page.locator('#tip').isVisible()).toBe(true);
      expect(await page.locator('#tip').textContent()).toContain(row.stops[0].visit);

      const explained = schedule.explanations?.find((e) => e.reason !== 'no_contact');
      if (explained) {
        const index = await page.locator('#stops tbody tr').evaluateAll(
          (rows, visit) => rows.findIndex((r) => r.children[3].textContent!.split(' ')[0] === visit),
          explained.visit,
        );
        await page.locator(`.v[data-s="${index}"]`).hover();
        const texts = new Texts('sv');
        expect(await page.locator('#tip').textContent()).toContain(texts.t.explanationReasons[explained.reason]);
      }
    });

    it('blocks what the page did not bring: an image from the network is refused by the policy', async () => {
      const { page } = opened;
      await page.evaluate("const img = document.createElement('img'); img.src = 'http://example.invalid/x.png'; document.body.append(img);");
      await expect.poll(() => cspViolations(page)).toEqual(['img-src http://example.invalid/x.png']);
    });
  });

  describe('period and KPI views', () => {
    let period: PeriodProblem;
    let schedule: PeriodSchedule;
    beforeAll(() => {
      ({ period, schedule } = plannedPeriod(32));
    });

    it('shows the Kolada figures of the period, a strip per recipient and its charts', async () => {
      const html = renderReport(loadReport({ files: { document: 'ps.json', problem: 'p.json' }, document: schedule, problem: period }));
      const opened = await open(html);
      await expectClean(opened);
      const texts = new Texts('sv');
      const k = schedule.kpi.windows[0].kolada;
      for (const key of ['U21401', 'U21402', 'U21436'] as const) {
        expect(await textOf(opened.page, key)).toEqual({ text: texts.number(k[key], 1), value: String(k[key] ?? '') });
      }
      const recipients = new Set(schedule.days.flatMap((d) => d.routes.flatMap((r) => r.stops.map((s) => s.recipient))));
      expect(await opened.page.locator('.strips tbody tr').count()).toBe(recipients.size);
      expect(await opened.page.locator('figure.chart canvas').count()).toBe(await opened.page.locator('figure.chart').count());
    });

    it('shows a KPI report on its own, in English', async () => {
      const html = renderReport(loadReport({ files: { document: 'kpi.json' }, document: schedule.kpi }), { lang: 'en' });
      const opened = await open(html);
      await expectClean(opened);
      const texts = new Texts('en');
      const w = schedule.kpi.windows[0];
      expect((await textOf(opened.page, 'U21401')).text).toBe(texts.number(w.kolada.U21401, 1));
      expect((await textOf(opened.page, 'recipients')).text).toBe(String(w.overall.recipients));
      expect(await opened.page.locator('html').getAttribute('lang')).toBe('en');
    });
  });
});

describe('document kinds', () => {
  it('shows a schedule that carries fields it does not know (a later version\'s block) as a day', () => {
    const { problem, schedule } = solvedDay(33, { teams: 1 });
    const extended = { ...schedule, dispatch: { sentAt: `${schedule.date}T06:15:00+01:00`, phones: 3 } };
    const loaded = loadReport({ files: { document: 's.json', problem: 'p.json' }, document: extended, problem });
    expect(loaded.view.kind).toBe('day');
    expect(renderReport(loaded)).toContain('id="gantt"');
  });
});
