/**
 * Cancellation that reaches a solver which never yields. BullMQ tells a sandboxed
 * processor to stop by a message to its worker thread, but the solver blocks that
 * thread's event loop, so the message would wait until the search ends. Reading
 * `aborted` here first drains the thread's port synchronously (`receiveMessageOnPort`)
 * and hands each message to BullMQ's own listener in order, so its abort controller
 * fires while the search is still running.
 */
import { parentPort, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** How often, at most, the port is drained: cheap enough for every search iteration. */
const DRAIN_EVERY_MS = 20;

type EmittingPort = MessagePort & { emit(event: 'message', value: unknown): boolean };

function drainablePort(): EmittingPort | null {
  const port = parentPort as EmittingPort | null;
  return port && typeof port.emit === 'function' ? port : null;
}

/** Delivers every message already queued on the thread's port to its listeners. */
export function drainPort(port: EmittingPort | null = drainablePort()): void {
  if (!port) return;
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) port.emit('message', m.message);
}

/**
 * A view of `signal` for synchronous code: its `aborted` drains the port when due. Outside
 * a worker thread (a processor run in process) it is the signal itself.
 */
export function pollingSignal(signal: AbortSignal | undefined): AbortSignal | undefined {
  const port = drainablePort();
  if (!signal || !port) return signal;
  let next = 0;
  return {
    get aborted() {
      const now = performance.now();
      if (now >= next) {
        next = now + DRAIN_EVERY_MS;
        drainPort(port);
      }
      return signal.aborted;
    },
    get reason() {
      return signal.reason as unknown;
    },
  } as AbortSignal;
}
