#!/usr/bin/env bash
# Makes sure a Redis answers on 127.0.0.1:6379 for the worker tests: when nothing does, starts
# redis-server bound to 127.0.0.1 with no persistence (no RDB snapshots, no AOF) as a daemon,
# and waits until it answers. A server that already answers is left alone.
set -euo pipefail

PORT="${REDIS_PORT:-6379}"
WAIT_SECONDS="${REDIS_WAIT_SECONDS:-20}"

answers() {
  [ "$(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null)" = "PONG" ]
}

if answers; then
  echo "redis.sh: Redis already answers on 127.0.0.1:$PORT"
  exit 0
fi

for tool in redis-server redis-cli; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "redis.sh: $tool not found; install Redis 6.2 or newer (e.g. apt-get install redis-server)" >&2
    exit 1
  fi
done

redis-server --bind 127.0.0.1 --port "$PORT" --save "" --appendonly no --daemonize yes \
  --logfile "${TMPDIR:-/tmp}/kontinuitet-redis-$PORT.log"

for _ in $(seq 1 $((WAIT_SECONDS * 10))); do
  if answers; then
    echo "redis.sh: started redis-server on 127.0.0.1:$PORT ($(redis-cli -h 127.0.0.1 -p "$PORT" info server | tr -d '\r' | sed -n 's/^redis_version://p'))"
    exit 0
  fi
  sleep 0.1
done
echo "redis.sh: redis-server did not answer on 127.0.0.1:$PORT within ${WAIT_SECONDS}s (log: ${TMPDIR:-/tmp}/kontinuitet-redis-$PORT.log)" >&2
exit 1
