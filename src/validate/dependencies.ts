/**
 * `dependsOn` (FORMAT §1, §6.9): each entry names a known visit other than its own, with a
 * gap range that is not empty, and the dependencies form no cycle.
 */
import type { Dependency } from '../model/types.ts';
import type { Path, ProblemList } from './problems.ts';
import { quote } from './problems.ts';
import { checkReference } from './references.ts';

export interface DependencyNode {
  id: string;
  /** Path of the visit (or visit plan) holding `dependsOn`. */
  path: Path;
  dependsOn?: readonly Dependency[];
}

interface Edge {
  to: number;
  entry: number;
}

/**
 * `index` maps every id a dependency may name to its node; `what` and `plural` name those
 * in a sentence ("visit", "visits").
 */
export function checkDependencies(
  nodes: readonly DependencyNode[],
  index: ReadonlyMap<string, number>,
  what: string,
  plural: string,
  problems: ProblemList,
): void {
  const edges: Edge[][] = nodes.map(() => []);
  nodes.forEach((node, i) => {
    node.dependsOn?.forEach((dependency, j) => {
      const path = [...node.path, 'dependsOn', j];
      const min = dependency.minGapMinutes ?? 0;
      const max = dependency.maxGapMinutes;
      if (max !== undefined && min > max) {
        const minText = dependency.minGapMinutes === undefined ? 'the default minGapMinutes 0' : `minGapMinutes ${min}`;
        problems.error(path, `${minText} is greater than maxGapMinutes ${max}, so no start can satisfy it`, 'gap_range');
      }
      if (dependency.visit === node.id) {
        problems.error([...path, 'visit'], `${quote(dependency.visit)} is the visit itself; a visit cannot depend on itself`, 'dependency_self');
        return;
      }
      checkReference(dependency.visit, index, what, [...path, 'visit'], problems, plural);
      const to = index.get(dependency.visit);
      if (to !== undefined && to !== i) edges[i].push({ to, entry: j });
    });
  });
  for (const component of stronglyConnected(edges)) {
    if (component.length < 2) continue;
    const cycle = cycleThrough(Math.min(...component), new Set(component), edges);
    const names = [...cycle.map((step) => nodes[step.from].id), nodes[cycle[0].from].id].map((id) => quote(id)).join(' → ');
    const first = cycle[0];
    problems.error(
      [...nodes[first.from].path, 'dependsOn', first.entry, 'visit'],
      `${quote(nodes[first.from].dependsOn?.[first.entry].visit)} makes a dependency cycle: ${names} (each depends on the next); visits in a cycle cannot each start after the other`,
      'dependency_cycle',
    );
  }
}

/** Tarjan's strongly connected components, iterative so that long chains cannot overflow the stack. */
function stronglyConnected(edges: readonly Edge[][]): number[][] {
  const n = edges.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    const work: Array<[node: number, next: number]> = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [v, k] = frame;
      if (k < edges[v].length) {
        frame[1] = k + 1;
        const w = edges[v][k].to;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], order[w]);
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === order[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
    }
  }
  return components;
}

/** A shortest cycle from `start` back to itself inside one component, as the edges taken. */
function cycleThrough(start: number, component: ReadonlySet<number>, edges: readonly Edge[][]): Array<{ from: number; entry: number }> {
  const cameFrom = new Map<number, { from: number; entry: number }>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const edge of edges[v]) {
      if (!component.has(edge.to) || cameFrom.has(edge.to)) continue;
      cameFrom.set(edge.to, { from: v, entry: edge.entry });
      if (edge.to === start) {
        const steps: Array<{ from: number; entry: number }> = [];
        let at = start;
        do {
          const step = cameFrom.get(at) as { from: number; entry: number };
          steps.push(step);
          at = step.from;
        } while (at !== start);
        return steps.reverse();
      }
      queue.push(edge.to);
    }
  }
  throw new Error('a strongly connected component of two or more visits always holds a cycle');
}
