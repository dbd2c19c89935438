// The file BullMQ's sandbox loads in each worker thread when the worker runs from the
// sources through tsx (the built package loads dist/worker/processors/index.js instead; see
// PROCESSOR_FILE). On Node 20 a worker thread does not inherit the main thread's tsx loader
// (neither `node --import tsx` nor tsx's `register()`), so this plain JavaScript shim
// registers tsx in the thread and then imports the TypeScript processor.
import { register } from 'tsx/esm/api';

register();
const { default: processJob } = await import('./processors/index.ts');

export default processJob;
