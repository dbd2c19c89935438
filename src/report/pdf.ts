/**
 * `--pdf`: the report printed by a Chromium-family browser in headless mode, with the page's
 * print stylesheet. The browser is the user's (`--browser`, else the first of the usual
 * names on PATH); the PDF appears at its path only when printing succeeded.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The browser to print with: the given path, else the first usual name found on PATH, else null. */
export function findBrowser(explicit?: string, path = process.env.PATH ?? ''): string | null {
  const candidates = explicit ? [explicit] : BROWSERS.flatMap((name) => path.split(delimiter).filter(Boolean).map((dir) => join(dir, name)));
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not there or not executable: try the next
    }
  }
  return null;
}

/** Prints `htmlFile` to `pdfFile` (written via a temporary file beside it, then renamed). */
export async function printPdf(htmlFile: string, pdfFile: string, browser: string): Promise<void> {
  const profile = await mkdtemp(join(tmpdir(), 'kontinuitet-pdf-'));
  const target = resolve(pdfFile);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${tmp}`,
      pathToFileURL(resolve(htmlFile)).href,
    ];
    // Chromium refuses to run as root inside its sandbox.
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    await run(browser, args, { timeout: 180_000 });
    if ((await stat(tmp)).size === 0) throw new Error(`${browser} wrote an empty PDF`);
    await rename(tmp, target);
  } finally {
    await rm(tmp, { force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
