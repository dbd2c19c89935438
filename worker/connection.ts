/**
 * Redis connections to the server `redisUrl` names (`jobs.ts`); a password
 * (`redis://:secret@host:6379/0`) and TLS (`rediss://…`) work through the URL.
 */
import { Redis } from 'ioredis';

/** BullMQ needs 6.2 for the commands its scripts use at full speed; older servers are refused. */
export const MIN_REDIS_VERSION = '6.2.0';

/**
 * For a long-running worker: `maxRetriesPerRequest: null`, as BullMQ requires of a Worker's
 * connection (it blocks on Redis and must ride out a restart of the server).
 */
export function workerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * For a command-line producer: gives up after a few reconnects, so a missing server is an
 * error in seconds rather than a hang. `blocking` connections (QueueEvents) keep
 * `maxRetriesPerRequest: null`, as BullMQ requires.
 */
export function producerConnection(url: string, blocking = false): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: blocking ? null : 1,
    connectTimeout: 5000,
    retryStrategy: (times) => (times > 3 ? null : 250 * times),
  });
}

function versionParts(version: string): number[] {
  return version.split('.').map((p) => Number.parseInt(p, 10) || 0);
}

export function versionAtLeast(version: string, minimum: string): boolean {
  const a = versionParts(version);
  const b = versionParts(minimum);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** The server's version; throws when it is older than `MIN_REDIS_VERSION`. */
export async function checkRedisVersion(connection: Redis): Promise<string> {
  const info = await connection.info('server');
  const version = /^redis_version:(\S+)/m.exec(info)?.[1] ?? '0';
  if (!versionAtLeast(version, MIN_REDIS_VERSION)) {
    throw new Error(`Redis ${version} is too old: kontinuitet's worker needs Redis ${MIN_REDIS_VERSION} or newer`);
  }
  return version;
}
