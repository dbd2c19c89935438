/** The project's own imports, folder to folder: `src/<folder>` and `worker` are the rooms. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The room a file belongs to: `src/solver`, `src/index.ts`'s `src`, `worker`. */
export function roomOf(file: string): string {
  const parts = relative(ROOT, file).split(/[\\/]/);
  if (parts[0] === 'worker') return 'worker';
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mts|mjs)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(ROOT, dir, f));
}

// Type-only imports are erased: they load nothing at run time.
const IMPORT = /(?:import|export)\s(?!type\s)[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** Every relative import of the shipped code that loads a module at run time, as [from file, to file]. */
export function importEdges(): [string, string][] {
  const edges: [string, string][] = [];
  for (const file of [...sources('src'), ...sources('worker')]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) edges.push([file, resolve(dirname(file), m[1] ?? m[2])]);
  }
  return edges;
}

/** The cycles of the folder graph (strongly connected rooms of more than one), each as its rooms. */
export function folderCycles(edges: readonly [string, string][]): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const [from, to] of edges) {
    const a = roomOf(from);
    const b = roomOf(to);
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    graph.get(a)!.add(b);
  }
  // Tarjan's strongly connected components.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return cycles;
}
