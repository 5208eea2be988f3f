#!/usr/bin/env bash
# Heap behaviour of catalog-service's heaviest list: pages of 100 episodes with 100,000-char show notes (~10 MB of
# JSON each), as HeavyReadsIT asks for them. Loads 100 such episodes into a database of its own (heavy_lists_probe)
# once, then, against the packaged jar with Kafka absent (reads do not need it):
#   HEAPS="96 128 384"  each heap in turn, three pages one after another: does one page at a time fit?
#   CONC=384            40 pages at once on a 384 MiB heap, ROUNDS times (default 1) on the same instance: statuses
#                       (000: no answer within 120 s), and whether the log shows OutOfMemoryError
#   PAIRS=1             ten pairs of simultaneous pages with PODCLIP_RESPONSES_WAIT_MS=0: with BUDGET sized for one
#                       page, one of each pair is refused (503) while the other holds the reservation
# BUDGET (bytes, default the service's 96 MiB) sets PODCLIP_RESPONSES_BUDGET_BYTES; LOAD=0 skips loading again;
# JAVA_OPTS adds JVM flags, e.g. "-XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=/tmp/catalog.hprof".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/catalog-service/target/quarkus-app/quarkus-run.jar"
port="${PORT:-18181}"
db=heavy_lists_probe
log="$(mktemp)"
list="http://127.0.0.1:$port/api/episodes?size=100&show="
[ -f "$jar" ] || { echo "heavy-lists: $jar is missing: ./mvnw install -DskipTests first" >&2; exit 1; }

start() {
  env HTTP_PORT="$port" DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres DB_PASSWORD= \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19999 JWT_PUBLIC_KEY_LOCATION="$root/dev/jwt/publicKey.pem" \
    JWT_ISSUER=https://podclip.dev/local ALLOW_DEVELOPMENT_KEYS=true PODCLIP_LIMITS_ENABLED=false \
    PODCLIP_RESPONSES_BUDGET_BYTES="${BUDGET:-100663296}" PODCLIP_RESPONSES_WAIT_MS="${WAIT_MS:-2000}" \
    java "$@" ${JAVA_OPTS:-} -jar "$jar" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/live" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "heavy-lists: catalog-service did not start; see $log" >&2; exit 1
}
# A JVM that ran out of heap may not finish its shutdown: killed after 20 s.
stop() {
  kill "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
}
ooms() { grep -c 'Java heap space' "$log"; }

if [ "${LOAD:-1}" = 1 ]; then
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  start -Xmx1g
  token="$(cd "$root" && bin/stack token --role editor)"
  python3 - "$port" "$token" "$root/.stack/heavy-lists-show" <<'PY'
import json, sys, urllib.request
port, token, out = sys.argv[1], sys.argv[2], sys.argv[3]
def post(path, body):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", json.dumps(body).encode(),
                                 {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req))
show = post("/api/shows", {"slug": "heavy-show", "title": "Heavy Show"})["id"]
for i in range(100):
    post("/api/episodes", {"showId": show, "guid": f"heavy:{i}", "slug": f"heavy-{i}", "title": f"Heavy {i}",
                           "showNotes": "word " * 20000, "durationText": "1 hr",
                           "audioUrl": f"https://cdn.podclip.test/heavy-{i}.mp3"})
open(out, "w").write(show)
PY
  stop
fi
show="$(cat "$root/.stack/heavy-lists-show")"

for heap in ${HEAPS:-}; do
  start "-Xmx${heap}m" -XX:+UseSerialGC
  codes=""
  for _ in 1 2 3; do codes="$codes $(curl -s -o /dev/null -w '%{http_code}' "$list$show")"; done
  echo "heap ${heap} MiB, one page at a time:$codes; OutOfMemoryError lines: $(ooms)"
  stop
done
if [ -n "${CONC:-}" ]; then
  start "-Xmx${CONC}m" -XX:+UseSerialGC
  for round in $(seq "${ROUNDS:-1}"); do
    echo "40 pages at once, heap $CONC MiB, round $round: $(for _ in $(seq 40); do
      curl -s -m 120 -o /dev/null -w '%{http_code}\n' "$list$show" & done | sort | uniq -c | tr -s ' \n' ' ')"
  done
  echo "OutOfMemoryError lines: $(ooms)"
  stop
fi
if [ -n "${PAIRS:-}" ]; then
  WAIT_MS=0 start -Xmx1g -XX:+UseSerialGC
  echo "ten pairs of simultaneous pages, no waiting for the budget: $(for _ in $(seq 10); do
    curl -s -o /dev/null -w '%{http_code}\n' "$list$show" &
    curl -s -o /dev/null -w '%{http_code}\n' "$list$show" &
    wait; done | sort | uniq -c | tr -s ' \n' ' ')"
  stop
fi
rm -f "$log"
