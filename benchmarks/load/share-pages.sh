#!/usr/bin/env bash
# Share-page resolution under load, against the running local stack started with per-client limits off
# (PODCLIP_LIMITS_ENABLED=false bin/stack up --detach: wrk is one client, which the limits would answer 429):
#   1. seeds CLIPS stored clips (default 10000) over the demo episodes;
#   2. wrk at full speed on the trivial route /api/ping, then /c/{id} as HTML and as JSON (random ids);
#   3. a paced run at about half of each maximum (benchmarks/load/share-pages-paced.lua) for p99 there, and /api/ping
#      paced at the HTML run's rate: the p99 of the machine itself (wrk and the service share the cores).
# A warm-up pass first fills the hot-path cache, so the timed runs measure cached resolution.
# Figures go to standard output as Markdown rows; BENCHMARKS.md records a run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
. benchmarks/load/cpu.sh
CLIP_URL="${CLIP_URL:-http://127.0.0.1:8082}"
CLIPS="${CLIPS:-10000}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-20}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
jar=benchmarks/target/benchmarks.jar
ids="$root/.stack/bench-clip-ids.txt"
[ -f "$jar" ] || ./mvnw -B -q -pl benchmarks -am package -DskipTests
token="$(bin/stack token --role editor --subject share-bench --ttl-minutes 30)"

if [ ! -s "$ids" ] || [ "$(wc -l < "$ids")" -lt "$CLIPS" ]; then
  java -cp "$jar" dev.podclip.bench.share.ClipSeeder "$CLIP_URL" "$token" "$CLIPS" "$ids"
fi

rate_of() { grep -E '^Requests/sec' | awk '{printf "%d", $2}'; }
echo "## warm-up (10 s each, not recorded)"
for accept in text/html application/json; do
  out="$(IDS_FILE="$ids" ACCEPT=$accept wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s benchmarks/load/share-pages.lua \
    "$CLIP_URL")"
  if grep -q 'Non-2xx' <<<"$out"; then
    echo "share-pages: answers other than 2xx (429 from per-client limits?); restart the stack with" \
      "PODCLIP_LIMITS_ENABLED=false bin/stack up --detach" >&2
    exit 1
  fi
  grep -E '^Requests/sec' <<<"$out"
done
echo "## wrk, $THREADS threads, $CONNECTIONS connections, ${SECONDS_PER_RUN}s each"
# Each run also reads the service's own CPU time (benchmarks/load/cpu.sh): wrk shares the cores, and reading an
# 8.8 KB page costs it more than reading "ok", so req/s understates the service's own ratio.
clip_pid="$(cat .stack/pids/clip-service.pid)"
run() {
  local before out
  before="$(cpu_ticks "$clip_pid")"
  out="$("$@")"
  echo "$out"
  echo "service CPU per 1k requests: $(cpu_per_1k "$before" "$(cpu_ticks "$clip_pid")" "$(wrk_requests <<<"$out")") ms"
}
ping_out="$(run wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$CLIP_URL/api/ping")"
echo "$ping_out"
html_out="$(IDS_FILE="$ids" ACCEPT=text/html run wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency \
  -s benchmarks/load/share-pages.lua "$CLIP_URL")"
echo "$html_out"
json_out="$(IDS_FILE="$ids" ACCEPT=application/json run wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" \
  --latency -s benchmarks/load/share-pages.lua "$CLIP_URL")"
echo "$json_out"
ping_rate="$(echo "$ping_out" | rate_of)"; html_rate="$(echo "$html_out" | rate_of)"; json_rate="$(echo "$json_out" | rate_of)"
cpu_of() { grep -E '^service CPU per 1k' | awk '{print $6}'; }
ping_cpu="$(echo "$ping_out" | cpu_of)"; html_cpu="$(echo "$html_out" | cpu_of)"; json_cpu="$(echo "$json_out" | cpu_of)"
echo
echo "| route | max req/s | vs /api/ping | service CPU per 1k requests | ping's CPU ÷ route's |"
echo "|---|---|---|---|---|"
echo "| /api/ping | $ping_rate | 100% | $ping_cpu ms | 100% |"
echo "| /c/{id} HTML | $html_rate | $((100 * html_rate / ping_rate))% | $html_cpu ms |" \
  "$(awk -v p="$ping_cpu" -v r="$html_cpu" 'BEGIN { printf "%d%%", 100 * p / r }') |"
echo "| /c/{id} JSON | $json_rate | $((100 * json_rate / ping_rate))% | $json_cpu ms |" \
  "$(awk -v p="$ping_cpu" -v r="$json_cpu" 'BEGIN { printf "%d%%", 100 * p / r }') |"
echo
echo "## paced at about half the maximum, ${SECONDS_PER_RUN}s each ($CONNECTIONS connections, wrk latency)"
paced() {
  local accept="$1" rate="$2" fixed="${3:-}" delay
  delay=$(( CONNECTIONS * 1000 / rate )); [ "$delay" -lt 1 ] && delay=1
  IDS_FILE="$ids" ACCEPT=$accept DELAY_MS=$delay FIXED_PATH="$fixed" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency \
    -s benchmarks/load/share-pages-paced.lua "$CLIP_URL" | grep -E '^Requests/sec|^ +(50|90|99)%' | tr -s ' ' \
    | tr '\n' ' ' | sed "s|^|${fixed:-$accept} target $rate/s (delay ${delay} ms): |"
  echo
}
paced text/html $((html_rate / 2))
paced application/json $((json_rate / 2))
paced text/plain $((html_rate / 2)) /api/ping
