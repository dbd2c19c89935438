/**
 * The LP solver (javascript-lp-solver), loaded once for every model we solve: the continuity
 * ceiling and the contact assignment. It is reliable on LP relaxations; MIPs it may not finish,
 * so we keep to LPs and check integrality ourselves.
 */
import lpSolver from 'javascript-lp-solver';
import type { Model, SolveResult, SolverAPI } from 'javascript-lp-solver';

export type { Model as LpModel, SolveResult as LpResult } from 'javascript-lp-solver';

// The package's types describe its CommonJS build; loaded as ESM its default export is the solver itself.
const solver = ((lpSolver as { default?: SolverAPI }).default ?? lpSolver) as SolverAPI;

export function solveLp(model: Model): SolveResult {
  return solver.Solve(model) as SolveResult;
}
