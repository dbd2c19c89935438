/**
 * The re-plan page in headless Chromium: no console errors and no request, one Gantt row per
 * route in each chart, the frozen past and the absence shaded, as many changed visits marked
 * as the `replan` block counts (each with a mark that is a line, not a colour), the block's
 * numbers shown, visits reachable with the keyboard, the staff filter over both charts, and
 * the print stylesheet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { loadReport, renderReport, type Language } from '../../src/report/index.ts';
import { Texts } from '../../src/report/i18n.ts';
import { SKIP_BROWSER, expectClean, openBrowser, openReport, type OpenBrowser, type OpenedReport } from './browser.ts';
import { replannedDay, type ReplannedDay } from './replan-fixture.ts';

function replanHtml(f: ReplannedDay, lang: Language = 'sv'): string {
  return renderReport(
    loadReport({
      files: { document: 'new.json', problem: 'day.json', published: 'published.json', changes: 'changes.json' },
      document: f.result.schedule,
      problem: f.problem,
      published: f.published,
      changes: f.changes,
    }),
    { lang },
  );
}

/** The visits whose marks in `chart` carry the change `kind`. */
async function marked(page: Page, chart: string, kind: string): Promise<Set<string>> {
  return new Set(await page.locator(`${chart} .v[data-chg~="${kind}"]`).evaluateAll((marks) => marks.map((m) => m.getAttribute('data-v')!)));
}

/** The page's own `getComputedStyle`: the tests compile without the DOM's types. */
type StyleOf = { getComputedStyle(element: unknown): Record<string, string> };

/** A computed style of the first element. */
function styleOf(locator: Locator, property: string): Promise<string> {
  return locator.first().evaluate((e, p) => (globalThis as unknown as StyleOf).getComputedStyle(e)[p], property);
}

describe.skipIf(SKIP_BROWSER)('the re-plan page in headless Chromium', () => {
  let chrome: OpenBrowser;
  const fixture = replannedDay(42);
  const { published, result } = fixture;
  const { schedule } = result;
  const block = schedule.replan;
  let opened: OpenedReport;

  beforeAll(async () => {
    chrome = await openBrowser();
    const context = await chrome.browser.newContext({ viewport: { width: 1440, height: 900 } });
    opened = await openReport(context, replanHtml(fixture));
  });
  afterAll(async () => chrome?.close());

  it('opens without console errors, CSP violations or any request', async () => {
    await expectClean(opened);
  });

  it('has one Gantt row per route in each chart, and one mark per stop', async () => {
    const { page } = opened;
    expect(await page.locator('#gantt-before .g-row').count()).toBe(published.routes.length);
    expect(await page.locator('#gantt .g-row').count()).toBe(schedule.routes.length);
    expect(await page.locator('#gantt-before .v[data-s]').count()).toBe(published.routes.reduce((n, r) => n + r.stops.length, 0));
    expect(await page.locator('#gantt .v[data-s]').count()).toBe(schedule.routes.reduce((n, r) => n + r.stops.length, 0));
  });

  it('shades the frozen past in every row of both charts, and the absent staff member from their time on', async () => {
    const { page } = opened;
    for (const chart of ['#gantt-before', '#gantt']) {
      expect(await page.locator(`${chart} .g-row rect.frozen`).count()).toBe(await page.locator(`${chart} .g-row`).count());
      expect(await page.locator(`${chart} .g-row line.now`).count()).toBe(await page.locator(`${chart} .g-row`).count());
    }
    expect(await page.locator('#gantt-before rect.absent').count()).toBe(1);
    expect(await page.locator(`#gantt-before .g-row[data-staff="${fixture.absent}"] rect.absent`).count()).toBe(1);
    expect(await styleOf(page.locator(`#gantt-before .g-row[data-staff="${fixture.absent}"] rect.absent`), 'fill')).toMatch(/url\(.*#p-absent/);
    expect(await styleOf(page.locator('#gantt rect.frozen'), 'fill')).toMatch(/url\(.*#p-frozen/);
  });

  it('marks as many changed visits as the replan block counts, each with a line mark drawn over it', async () => {
    const { page } = opened;
    expect((await marked(page, '#gantt', 'staff')).size).toBe(block.changedStaffVisits);
    expect((await marked(page, '#gantt', 'moved')).size).toBe(block.movedVisits);
    expect(await marked(page, '#gantt', 'added')).toEqual(new Set([fixture.added]));
    const publishedVisits = new Set(published.routes.flatMap((r) => r.stops.map((s) => s.visit)));
    expect(await marked(page, '#gantt-before', 'dropped')).toEqual(new Set(block.newlyUnassigned.filter((v) => publishedVisits.has(v))));
    expect(await marked(page, '#gantt-before', 'cancelled')).toEqual(new Set([fixture.cancelled]));
    // Not colour alone: every marked visit has a frame, a slash or a cross in black.
    for (const chart of ['#gantt-before', '#gantt']) {
      const marks = await page.locator(`${chart} .v[data-chg]`).count();
      expect(marks).toBeGreaterThan(0);
      expect(await page.locator(`${chart} .frame, ${chart} .strike, ${chart} .cross`).count()).toBe(marks);
    }
    const dashes = await Promise.all(['staff', 'moved', 'added'].map((kind) => styleOf(page.locator(`#gantt .frame.${kind}`), 'strokeDasharray')));
    expect(new Set(dashes).size).toBe(3);
  });

  it("shows the replan block's numbers and the contact share before and after", async () => {
    const { page } = opened;
    const texts = new Texts('sv');
    const value = (key: string) => page.locator(`[data-key="${key}"]`);
    expect(await value('now').textContent()).toBe(block.now.slice(11, 16));
    for (const key of ['frozenStops', 'changedStaffVisits', 'movedVisits'] as const) {
      expect(await value(key).textContent()).toBe(texts.number(block[key], 0));
      expect(await value(key).getAttribute('data-value')).toBe(String(block[key]));
    }
    expect(await value('movedMinutes').getAttribute('data-value')).toBe(String(block.movedMinutes));
    expect(await value('movedMinutes').textContent()).toBe(texts.duration(block.movedMinutes));
    expect(await value('newlyUnassigned').textContent()).toBe(String(block.newlyUnassigned.length));
    expect(await value('contactShareChange').textContent()).toBe(`${texts.share(published.metrics.contactShare)} → ${texts.share(schedule.metrics.contactShare)}`);
    expect(await value('contactShare').textContent()).toBe(texts.share(schedule.metrics.contactShare));
  });

  it('lists every visit that changed hands with its sentence, the newly unassigned and the new faces', async () => {
    const { page } = opened;
    const rows = page.locator('#reassigned tbody tr[data-visit]');
    const losers = (e: (typeof block.reassigned & {})[number]) => Math.max(1, e.from.filter((s) => !e.to.includes(s)).length);
    expect(await rows.count()).toBe(block.reassigned!.reduce((n, e) => n + losers(e), 0));
    const sentences = await page.locator('#reassigned .sentence').allTextContents();
    for (const entry of block.reassigned!) expect(sentences).toContain(entry.message);
    expect(await page.locator(`#reassigned tbody[data-staff="${fixture.absent}"] th`).textContent()).toContain('frånvarande från 10:00');
    expect(await page.locator('#newly-unassigned tbody tr').count()).toBe(block.newlyUnassigned.length);
    const takers = new Set(block.reassigned!.filter((e) => e.taker === 'new').map((e) => e.recipient));
    expect(await page.locator('#strangers tbody tr').count()).toBeGreaterThanOrEqual(takers.size);
  });

  it('reaches the visits of the published chart with the Tab key and details them from their own table, with what changed', async () => {
    const { page } = opened;
    const route = published.routes.find((r) => r.staff === fixture.absent)!;
    await page.locator(`#gantt-before .g-row[data-staff="${route.staff}"] .g-label`).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement.closest('.gantt').id")).toBe('gantt-before');
    await expect.poll(() => page.locator('#tip').isVisible()).toBe(true);
    expect(await page.locator('#tip').textContent()).toContain(route.stops[0].visit);
    const lostMark = page.locator(`#gantt-before .g-row[data-staff="${route.staff}"] .v[data-chg]`).first();
    await lostMark.hover();
    expect(await page.locator('#tip').textContent()).toMatch(/Ändring(görs nu av|görs inte längre|inställt)/);
  });

  it('filters both charts and both stop tables by staff member', async () => {
    const { page } = opened;
    await page.selectOption('#staff-filter', fixture.absent);
    expect(await page.locator('#gantt-before .g-row:visible').count()).toBe(1);
    expect(await page.locator('#gantt .g-row:visible').count()).toBe(schedule.routes.some((r) => r.staff === fixture.absent) ? 1 : 0);
    expect(await page.locator('#stops-before tbody tr:visible').count()).toBe(published.routes.find((r) => r.staff === fixture.absent)!.stops.length);
    expect(await page.locator('#filter-count').textContent()).toBe(`1 / ${published.routes.length}`);
    await page.selectOption('#staff-filter', '');
    expect(await page.locator('#gantt-before .g-row:visible').count()).toBe(published.routes.length);
  });

  it('prints: no filter, every table in full, both charts', async () => {
    const { page } = opened;
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sticky-filter').isVisible()).toBe(false);
    expect(await styleOf(page.locator('#reassigned .table'), 'maxHeight')).toBe('none');
    expect(await page.locator('#gantt-before').isVisible()).toBe(true);
    expect(await page.locator('#gantt').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the day as it now stands on its own as the day with its re-plan, in English', async () => {
    const html = renderReport(loadReport({ files: { document: 'new.json', problem: 'now.json' }, document: schedule, problem: result.day }), { lang: 'en' });
    const context = await chrome.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const alone = await openReport(context, html);
    await expectClean(alone);
    const { page } = alone;
    expect(await page.locator('h1').textContent()).toMatch(/^Day schedule /);
    expect(await page.locator('#gantt-before').count()).toBe(0);
    expect(await page.locator('#gantt .g-row').count()).toBe(schedule.routes.length);
    expect(await page.locator('#gantt .g-row rect.frozen').count()).toBe(schedule.routes.length);
    expect((await marked(page, '#gantt', 'staff')).size).toBe(block.changedStaffVisits);
    expect(await page.locator('[data-key="changedStaffVisits"]').textContent()).toBe(String(block.changedStaffVisits));
    expect(await page.locator('#reassigned tbody tr[data-visit]').count()).toBeGreaterThanOrEqual(block.reassigned!.length);
  });
});
