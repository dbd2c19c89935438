/**
 * The two BullMQ errors a processor throws. A sandboxed processor's error reaches the
 * worker as a plain object of its own properties, and BullMQ tells these apart by `name`
 * alone, so they are declared here rather than loading all of BullMQ (and ioredis) into
 * every worker thread for two class names.
 */

/** Fails the job at once, whatever attempts it has left. */
export class UnrecoverableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnrecoverableError';
  }
}

/** Tells BullMQ the processor has moved its job back to the wait list itself. */
export class WaitingError extends Error {
  constructor() {
    super('bullmq:movedToWait');
    this.name = 'WaitingError';
  }
}
