#!/usr/bin/env node
// Runs the built CLI in dist/ (`npm run build`; `npm ci` and `npm pack` run it through `prepare`).
// In a source checkout it refuses a dist/ older than the sources, so an edit never runs stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const main = join(root, 'dist/src/cli/main.js');

/** Whether a file or folder under src/ or worker/ changed after `builtMs`; an installed package has neither. */
function sourcesChangedSince(builtMs) {
  for (const dir of ['src', 'worker'].map((d) => join(root, d)).filter(existsSync)) {
    if (statSync(dir).mtimeMs > builtMs) return true;
    for (const entry of readdirSync(dir, { recursive: true })) {
      if (statSync(join(dir, entry)).mtimeMs > builtMs) return true;
    }
  }
  return false;
}

function refuse(why) {
  process.stderr.write(`kontinuitet: ${why}: run npm run build (or run the sources: npm run kontinuitet -- <arguments>)\n`);
  process.exit(1);
}

if (!existsSync(main)) refuse('not built yet');
if (sourcesChangedSince(statSync(main).mtimeMs)) refuse('dist/ is older than the sources');
await import(pathToFileURL(main).href);
