/**
 * Headless Chromium for the report tests: Debian's `chromium` driven by playwright-core.
 * Outside CI a machine without it skips these tests with a message; under `CI=true` a
 * missing browser fails them (`.ci/run` installs it).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** Skip only where that is allowed: not in CI. */
export const SKIP_BROWSER = !HAVE_CHROMIUM && !process.env.CI;
if (SKIP_BROWSER) process.stderr.write(`report browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; CI fails instead)\n`);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface OpenBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<OpenBrowser> {
  if (!HAVE_CHROMIUM) throw new Error(`no Chromium at ${CHROMIUM}: .ci/run installs the Debian package "chromium"`);
  // playwright gives every launch a fresh, temporary user-data-dir of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return { browser, close: () => browser.close() };
}

/** The address the report is served at; every other request the page makes is counted and refused. */
export const REPORT_URL = 'http://report.invalid/report.html';

export interface OpenedReport {
  page: Page;
  errors: string[];
  /** Requests other than the report itself: must stay empty. */
  leaked: string[];
}

/** Opens `html` in a new page of `context` and waits for its load event. */
/**
 * Opens `html` in a new page of `context` and waits for its load event. Violations of the
 * page's content-security policy are collected in the page as `cspViolations` (see `cspViolations`).
 */
export async function openReport(context: BrowserContext, html: string): Promise<OpenedReport> {
  await context.addInitScript({
    content: "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const leaked: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === REPORT_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    leaked.push(url);
    return route.abort();
  });
  page.on('request', (r) => {
    const url = r.url();
    if (url !== REPORT_URL && !url.startsWith('data:') && !leaked.includes(url)) leaked.push(url);
  });
  await page.goto(REPORT_URL, { waitUntil: 'load' });
  return { page, errors, leaked };
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate('window.cspViolations') as Promise<string[]>;
}

/** No console error or warning, no request, no violation of the content-security policy. */
export async function expectClean(opened: OpenedReport): Promise<void> {
  expect(opened.errors).toEqual([]);
  expect(opened.leaked).toEqual([]);
  expect(await cspViolations(opened.page)).toEqual([]);
}
