import { describe, expect, it } from 'vitest';
import { relative } from 'node:path';
import { ROOT, folderCycles, importEdges, roomOf } from './imports.ts';

const edges = importEdges();
const rel = (file: string) => relative(ROOT, file).replaceAll('\\', '/');

/** Every file `file` loads, directly or not. */
function loads(file: string): Set<string> {
  const seen = new Set<string>();
  const pending = [file];
  while (pending.length > 0) {
    const next = pending.pop()!;
    for (const [from, to] of edges) {
      if (rel(from) === next && !seen.has(rel(to))) {
        seen.add(rel(to));
        pending.push(rel(to));
      }
    }
  }
  return seen;
}

describe('layers that only point down', () => {
  it('has no import cycle between folders', () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it('keeps the worker off the command line, and the engine off both', () => {
    const crossing = edges
      .filter(([from, to]) => (roomOf(from) === 'worker' && roomOf(to) === 'src/cli') || (roomOf(to) === 'worker' && roomOf(from) !== 'src/cli' && roomOf(from) !== 'worker'))
      .map(([from, to]) => `${rel(from)} -> ${rel(to)}`);
    expect(crossing).toEqual([]);
  });

  it('splits a district for the queue without loading the search', () => {
    expect(edges.length).toBeGreaterThan(100);
    const producer = loads('worker/producer.ts');
    expect(producer.has('worker/district.ts')).toBe(true);
    expect([...producer].filter((f) => f.startsWith('src/solver/') && !['src/solver/split.ts', 'src/solver/settings.ts', 'src/solver/params.ts'].includes(f))).toEqual([]);
  });
});
