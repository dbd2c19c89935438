/**
 * The package as a user gets it: `npm pack` (which builds dist/ through `prepare`), the
 * tarball installed into a fresh project, and used from plain Node with no tsx: the library,
 * its declarations, the `kontinuitet` bin and the worker. This is the one test that runs the
 * build; every other test runs src/ through tsx, so none can run an old dist/.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/check/index.ts';
import { generateDay } from '../../src/generate/index.ts';
import type { Schedule } from '../../src/model/types.ts';
import { solveDay } from '../../src/solver/index.ts';
import { REDIS_URL, ROOT, deleteKeys, requireRedisOrSkip, uniquePrefix, until, withoutSeconds } from '../worker/helpers.ts';

const ITERATIONS = 500;
const { problem } = generateDay({ seed: 12, teams: 2, staffPerTeam: 3, recipientsPerTeam: 5 });
const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };

// No loader from the test run (NODE_OPTIONS) reaches the installed package.
const { NODE_OPTIONS: _loader, ...plainEnv } = process.env;

function run(command: string, args: string[], cwd: string) {
  const done = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 90_000, env: { ...plainEnv, REDIS_URL } });
  return { code: done.status, stdout: done.stdout, stderr: done.stderr };
}

/** The paths below `dir` (relative, `/`-separated) of files ending in `ext`. */
function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => `${dir}/${f.replaceAll('\\', '/')}`);
}

let dir: string;
let packed: string[];
let bin: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kontinuitet-package-'));
  const pack = run('npm', ['pack', '--json', '--pack-destination', dir], ROOT);
  expect(pack.code, pack.stderr).toBe(0);
  const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  packed = info.files.map((f) => f.path);
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await writeFile(join(dir, 'day.json'), JSON.stringify(problem));
  const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, info.filename)], dir);
  expect(install.code, install.stderr).toBe(0);
  bin = join(dir, 'node_modules/.bin/kontinuitet');
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds the build of every current source, the schemas and the bin, and no sources, tests or benchmarks', () => {
    expect(packed.filter((p) => !/^(dist|schemas|bin)\/|^(package\.json|README\.md)$/.test(p))).toEqual([]);
    expect(packed.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
    // `prepare` builds from a clean dist/, so each module is there and nothing from a deleted one;
    // the report's page assets are copied as they are.
    const assets = filesUnder('src/report/assets', '');
    const built = packed.filter((p) => p.startsWith('dist/') && p.endsWith('.js')).sort();
    const sources = [...filesUnder('src', '.ts'), ...filesUnder('worker', '.ts')].map((p) => `dist/${p.replace(/\.ts$/, '.js')}`);
    expect(built).toEqual([...sources, ...assets.filter((p) => p.endsWith('.js')).map((p) => `dist/${p}`)].sort());
    for (const asset of assets) expect(packed).toContain(`dist/${asset}`);
    expect(packed).toContain('dist/src/index.d.ts');
    expect(packed).toContain('bin/kontinuitet.js');
    expect(packed).toContain('schemas/day.schema.json');
  });

  it('installs without tsx, which nothing needs at run time', () => {
    expect(existsSync(join(dir, 'node_modules/kontinuitet/dist/src/index.js'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules/tsx'))).toBe(false);
  });
});

describe('the installed package', () => {
  it('imports in plain Node, solves a day its own checker accepts and throws InputError with paths', async () => {
    await writeFile(
      join(dir, 'use.mjs'),
      `import { readFileSync } from 'node:fs';
import { checkSchedule, InputError, solveDay, validateDocument } from 'kontinuitet';
import daySchema from 'kontinuitet/schemas/day.schema.json' with { type: 'json' };
const problem = JSON.parse(readFileSync('day.json', 'utf8'));
const schedule = solveDay(problem, { iterations: ${ITERATIONS}, seed: 3 });
let refused = null;
try {
  solveDay({ ...problem, visits: [{ ...problem.visits[0], durationMinutes: -5 }] });
} catch (err) {
  refused = err instanceof InputError ? err.problems.map((p) => p.path) : String(err);
}
console.log(JSON.stringify({
  schemaId: daySchema.$id,
  valid: validateDocument(problem).ok,
  violations: checkSchedule(problem, schedule).violations,
  refused,
  schedule,
}));
`,
    );
    const out = run(process.execPath, ['use.mjs'], dir);
    expect(out.code, out.stderr).toBe(0);
    const result = JSON.parse(out.stdout) as { schemaId: string; valid: boolean; violations: unknown[]; refused: unknown; schedule: Schedule };
    expect(result).toMatchObject({ schemaId: 'https://kontinuitet.se/schemas/day.schema.json', valid: true, violations: [], refused: ['visits[0].durationMinutes'] });
    expect(checkSchedule(problem, result.schedule).violations).toEqual([]);
    // The build is the sources: with an iteration budget it gives the schedule they give.
    expect(withoutSeconds(result.schedule)).toEqual(withoutSeconds(solveDay(problem, { iterations: ITERATIONS, seed: 3 })));
  });

  it('runs the library example of the README as written', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const example = /## Library\n[\s\S]*?```js\n([\s\S]*?)```/.exec(readme);
    expect(example, 'a js block in the README section "Library"').not.toBeNull();
    await writeFile(join(dir, 'readme.mjs'), example![1]);
    const out = run(process.execPath, ['readme.mjs'], dir);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^0 (0|1|0\.\d+)\n$/);
  });

  // Checking every declaration file (skipLibCheck off) takes about 7 s on a free core, several times that on a busy machine.
  it('has declarations a strict TypeScript project type-checks against', { timeout: 120_000 }, async () => {
    await writeFile(
      join(dir, 'use.ts'),
      `import { checkSchedule, generateDay, solveDay, type CheckResult, type DayProblem, type Schedule } from 'kontinuitet';
const problem: DayProblem = generateDay({ seed: 1, teams: 1, staffPerTeam: 2, recipientsPerTeam: 3 }).problem;
const schedule: Schedule = solveDay(problem, { iterations: 10 });
export const result: CheckResult = checkSchedule(problem, schedule);
// @ts-expect-error a schedule is not a number, so the types are not \`any\`
export const wrong: number = schedule;
`,
    );
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2023', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['use.ts'] }),
    );
    const tsc = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], dir);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
  });

  it('runs the kontinuitet bin: --version, solve and check', () => {
    expect(run(bin, ['--version'], dir)).toMatchObject({ code: 0, stdout: `${version}\n` });
    const solve = run(bin, ['solve', 'day.json', '-o', 'schedule.json', '-q', '--iterations', String(ITERATIONS)], dir);
    expect(solve.code, solve.stderr).toBe(0);
    expect(run(bin, ['check', 'day.json', 'schedule.json'], dir)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok\n/) });
  });
});

describe('the bin in a source checkout', () => {
  it('runs dist/ when it is newer than the sources, and otherwise says in one line to build', async () => {
    // A checkout of its own, with the build just packed, so the real tree is never touched.
    const checkout = join(dir, 'checkout');
    await mkdir(join(checkout, 'src'), { recursive: true });
    await cp(join(ROOT, 'bin'), join(checkout, 'bin'), { recursive: true });
    await cp(join(ROOT, 'package.json'), join(checkout, 'package.json'));
    await symlink(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), 'dir');
    await cp(join(ROOT, 'dist'), join(checkout, 'dist'), { recursive: true });
    const source = join(checkout, 'src/index.ts');
    await writeFile(source, '');
    const before = new Date(Date.now() - 60_000);
    await utimes(source, before, before);
    await utimes(join(checkout, 'src'), before, before);
    const cli = join(checkout, 'bin/kontinuitet.js');
    expect(run(process.execPath, [cli, '--version'], checkout)).toMatchObject({ code: 0, stdout: `${version}\n` });
    const hint = ': run npm run build (or run the sources: npm run kontinuitet -- <arguments>)\n';
    await utimes(source, new Date(), new Date());
    expect(run(process.execPath, [cli, '--version'], checkout)).toEqual({ code: 1, stdout: '', stderr: `kontinuitet: dist/ is older than the sources${hint}` });
    await rm(join(checkout, 'dist'), { recursive: true });
    expect(run(process.execPath, [cli, '--version'], checkout)).toEqual({ code: 1, stdout: '', stderr: `kontinuitet: not built yet${hint}` });
  });
});

const redisUp = await requireRedisOrSkip('the installed worker');

describe.skipIf(!redisUp)('the installed kontinuitet worker', () => {
  const prefix = uniquePrefix();
  const target = ['--prefix', prefix, '--queue', 'package'];
  let worker: ChildProcessWithoutNullStreams | undefined;

  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    await deleteKeys(prefix);
  });

  it('runs a solve-day job in its worker thread from the built files', { timeout: 90_000 }, async () => {
    worker = spawn(bin, ['worker', ...target], { cwd: dir, env: { ...plainEnv, REDIS_URL } });
    let out = '';
    let err = '';
    worker.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    worker.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    const exited = new Promise<number | null>((resolve) => worker!.on('exit', resolve));
    await until('the installed worker to be ready', () => out.includes('"worker.ready"') || worker!.exitCode !== null, 30_000);
    expect(err).toBe('');
    const enqueue = spawnSync(bin, ['enqueue', 'day.json', ...target, '--wait', '-q', '-o', 'queued.json', '--iterations', String(ITERATIONS), '--seed', '3'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...plainEnv, REDIS_URL },
    });
    expect(enqueue.status, enqueue.stderr).toBe(0);
    const schedule = JSON.parse(await readFile(join(dir, 'queued.json'), 'utf8')) as Schedule;
    expect(checkSchedule(problem, schedule).violations).toEqual([]);
    expect(withoutSeconds(schedule)).toEqual(withoutSeconds(solveDay(problem, { iterations: ITERATIONS, seed: 3 })));
    expect(out).toContain('"job.completed"');
    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
