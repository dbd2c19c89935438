export * as schemas from './schemas.ts';
export type * from './types.ts';
export { type InputProblem, InputError, formatPath, fromZodIssues } from './errors.ts';
