/**
 * The study view in headless Chromium: no console errors, no request, no CSP violation; the
 * numbers shown are the result's own; the variants that leave mandatory visits out are
 * listed first and drawn in the alarm colour; the sweep is one labelled point per value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { generateDay, generatePeriod } from '../../src/generate/index.ts';
import { InputError } from '../../src/model/errors.ts';
import { loadReport, renderReport, type Language } from '../../src/report/index.ts';
import { Texts } from '../../src/report/i18n.ts';
import { checkStudy, runStudy, type StudyResult } from '../../src/study/index.ts';
import { runCli } from '../helpers/cli.ts';
import { SKIP_BROWSER, cspViolations, openBrowser, openReport, type OpenBrowser, type OpenedReport } from './browser.ts';

const settings = { iterations: 120, timeLimitSeconds: 600, seed: 2 };

/** A two-team day: as it is, most of the staff gone (mandatory visits left out), bikes, and a sweep. */
function dayResult(): StudyResult {
  const { problem } = generateDay({ seed: 21, teams: 2, staffPerTeam: 4, recipientsPerTeam: 10 });
  return runStudy(
    checkStudy({
      format: 'kontinuitet/study@1',
      base: problem,
      variants: [
        { id: 'today', label: 'Som idag' },
        { id: 'cut', label: 'Sex färre', apply: [{ op: 'remove_staff', count: 6 }] },
        { id: 'bike', label: 'Cykel', apply: [{ op: 'travel_mode', mode: 'bike' }] },
      ],
      sweep: { weight: 'notContact', values: [0, 30, 120] },
    }),
    settings,
  ).result;
}

function periodResult(): StudyResult {
  const period = generatePeriod({ seed: 5, teams: 1, staffPerTeam: 4, recipientsPerTeam: 8, days: 3 });
  return runStudy(checkStudy({ format: 'kontinuitet/study@1', base: period, variants: [{ id: 'today' }, { id: 'fok', apply: [{ op: 'suggest_contacts' }] }] }), settings).result;
}

function html(result: StudyResult, lang: Language = 'sv'): string {
  return renderReport(loadReport({ files: { document: 'result.json' }, document: result }), { lang });
}

async function shown(page: Page, key: string): Promise<{ text: string; value: string }> {
  const el = page.locator(`[data-key="${key}"]`);
  return { text: (await el.textContent())!, value: (await el.getAttribute('data-value'))! };
}

describe.skipIf(SKIP_BROWSER)('the study view in headless Chromium', () => {
  const day = dayResult();
  const period = periodResult();
  let chrome: OpenBrowser;
  beforeAll(async () => {
    chrome = await openBrowser();
  });
  afterAll(async () => chrome?.close());

  async function open(page: string): Promise<OpenedReport> {
    const opened = await openReport(await chrome.browser.newContext({ viewport: { width: 1440, height: 900 } }), page);
    expect(opened.errors).toEqual([]);
    expect(opened.leaked).toEqual([]);
    expect(await cspViolations(opened.page)).toEqual([]);
    return opened;
  }

  it("shows each variant's numbers as the result has them, in Swedish", async () => {
    const { page } = await open(html(day));
    const texts = new Texts('sv');
    const [first] = day.variants;
    expect(await page.locator('h1').textContent()).toBe('Scenariostudie');
    for (const v of day.variants) {
      const m = v.metrics;
      expect(await shown(page, `contactShare-${v.id}`)).toEqual({ text: texts.share(m.contactShare), value: String(m.contactShare ?? '') });
      expect(await shown(page, `travel-${v.id}`)).toEqual({ text: texts.number(m.travelMinutes, 0), value: String(m.travelMinutes) });
      expect((await shown(page, `travelDiff-${v.id}`)).value).toBe(String(m.travelMinutes - first.metrics.travelMinutes));
      expect(await shown(page, `cost-${v.id}`)).toEqual({ text: texts.number(v.costSek, 0), value: String(v.costSek) });
      expect(await shown(page, `unassignedMandatory-${v.id}`)).toEqual({ text: texts.number(m.unassignedMandatory, 0), value: String(m.unassignedMandatory) });
      expect((await shown(page, `paidHours-${v.id}`)).value).toBe(String(m.paidMinutes / 60));
    }
    expect(await page.locator('[data-key^="U21401-"]').count()).toBe(0);
    expect(await page.locator('#chart-contactShare svg g').count()).toBe(day.variants.length);
  });

  it('lists the variants that leave mandatory visits out first, and draws them in the alarm colour', async () => {
    const { page } = await open(html(day));
    const leaving = day.variants.filter((v) => v.metrics.unassignedMandatory > 0);
    expect(leaving.map((v) => v.id)).toContain('cut');
    expect(await page.locator('section').first().getAttribute('id')).toBe('left-out');
    expect(await page.locator('.alert li').count()).toBe(leaving.length);
    for (const v of leaving) expect((await shown(page, `leftOut-${v.id}`)).value).toBe(String(v.metrics.unassignedMandatory));
    // The bars' fills as the browser computes them: vermilion for a variant that leaves visits out.
    const fills = (await page.evaluate("[...document.querySelectorAll('#chart-unassignedMandatory svg rect')].map((r) => getComputedStyle(r).fill)")) as string[];
    expect(fills).toEqual(day.variants.map((v) => (v.metrics.unassignedMandatory > 0 ? 'rgb(213, 94, 0)' : 'rgb(0, 114, 178)')));
    expect(await page.locator('#chart-unassignedMandatory tr.left-out').count()).toBe(leaving.length);
  });

  it('draws the sweep as one labelled point per value, with its numbers in the table under it', async () => {
    const { page } = await open(html(day, 'en'));
    const texts = new Texts('en');
    expect(await page.locator('h1').textContent()).toBe('Scenario study');
    expect(await page.locator('#chart-sweep circle.pt').count()).toBe(day.sweep.length);
    expect(await page.locator('#chart-sweep text.pt-lab').allTextContents()).toEqual(day.sweep.map((s) => texts.number(s.value, 2)));
    for (const s of day.sweep) {
      expect(await shown(page, `sweepContact-${s.value}`)).toEqual({ text: texts.share(s.metrics.contactShare), value: String(s.metrics.contactShare ?? '') });
      expect((await shown(page, `sweepTravel-${s.value}`)).value).toBe(String(s.metrics.travelMinutes));
    }
  });

  it('shows U21401 for a period, and no sweep when there is none', async () => {
    const { page } = await open(html(period));
    const texts = new Texts('sv');
    for (const v of period.variants) expect(await shown(page, `U21401-${v.id}`)).toEqual({ text: texts.number(v.metrics.U21401 ?? null, 2), value: String(v.metrics.U21401 ?? '') });
    expect(await page.locator('#sweep').count()).toBe(0);
  });
});

describe('the study view refuses', () => {
  it('a study result that is not one, naming the file and path', () => {
    const result = dayResult();
    const broken = { ...result, variants: [{ ...result.variants[0], metrics: { ...result.variants[0].metrics, contactShare: 2 } }] };
    let err: unknown;
    try {
      loadReport({ files: { document: 'result.json' }, document: broken });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map((p) => p.path)).toEqual(['result.json variants[0].metrics.contactShare']);
  });

  it('writes the page from the command line, and refuses a --problem it does not need', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kt-study-report-'));
    writeFileSync(join(dir, 'result.json'), JSON.stringify(dayResult()));
    const ok = runCli(['report', join(dir, 'result.json'), '-o', join(dir, 'report.html'), '--lang', 'en']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<h1>Scenario study</h1>');
    const refused = runCli(['report', join(dir, 'result.json'), '--problem', join(dir, 'result.json')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is not needed: a study document is reported on its own');
  });
});
