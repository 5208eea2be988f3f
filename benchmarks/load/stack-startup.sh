#!/usr/bin/env bash
# The whole local stack's start-up as a user meets it, with the project already built:
#   1. RUNS times `bin/stack down` then `bin/stack up --detach --no-demo`, each timed from the command to its return
#      (everything ready), with the moment each phase's line appeared (broker started, broker ready = the services'
#      start lines, up) and each service's "started in"; the median of the runs;
#   2. then the demo loaded, LOAD_SECONDS of share pages (wrk, 4 connections, a stateless demo link as HTML) and the
#      resident memory of each of the three JVMs.
# The JVM is bin/stack's choice (PODCLIP_JAVA or Temurin 25+ with AOT caches, else java on PATH); the first `up` after a
# build records the AOT caches and the `down` after it writes them, so the first run is reported apart.
# Per-client limits are off for the load (PODCLIP_LIMITS_ENABLED=false), as in the other benchmarks.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
RUNS="${RUNS:-5}"
LOAD_SECONDS="${LOAD_SECONDS:-5}"
CATALOG_URL="${CATALOG_URL:-http://127.0.0.1:8081}"
CLIP_URL="${CLIP_URL:-http://127.0.0.1:8082}"
export PODCLIP_LIMITS_ENABLED=false
now_ms() { date +%s%3N; }

one_up() {
  bin/stack down >/dev/null 2>&1 || true
  local began line kafka_ms="" services_ms=""
  began=$(now_ms)
  while IFS= read -r line; do
    case "$line" in
      "Starting Kafka"*) kafka_ms=$(( $(now_ms) - began )) ;;
      "Starting catalog-service"*) services_ms=$(( $(now_ms) - began )) ;;
    esac
  done < <(bin/stack up --detach --no-demo 2>&1)
  local total=$(( $(now_ms) - began ))
  local started
  started="$(grep -ho 'started in [0-9.]*s' .stack/logs/catalog-service.log .stack/logs/clip-service.log | tr '\n' ' ')"
  echo "$total broker-started@${kafka_ms}ms broker-ready@${services_ms}ms catalog,clip: $started"
}

echo "## run 0 (may record AOT caches): $(one_up)"
results=()
for i in $(seq 1 "$RUNS"); do
  r="$(one_up)"
  echo "run $i: up --detach in ${r%% *} ms; ${r#* }"
  results+=("${r%% *}")
done
printf '%s\n' "${results[@]}" | sort -n | awk '{a[NR]=$1} END {print "## median up --detach: " a[int((NR+1)/2)] " ms"}'
ps -o args= -C java | grep -o '^[^ ]*java' | sort -u | sed 's/^/## JVM: /'

bin/stack demo >/dev/null
# A demo episode, not an MP3 copy clip-audio.sh registered (those list first: no publication date).
episode="$(curl -fsS "$CATALOG_URL/api/episodes?size=100" | python3 -c 'import json,sys
print(next(i["id"] for i in json.load(sys.stdin)["items"] if not (i.get("guid") or "").startswith("clip-audio-mp3:")))')"
wrk -t1 -c4 -d"${LOAD_SECONDS}s" -H 'Accept: text/html' "$CLIP_URL/e/$episode?t=60,90" | grep -E 'requests in|Requests/sec'
for name in kafka catalog-service clip-service; do
  pid="$(cat ".stack/pids/$name.pid")"
  echo "rss $name: $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
done
