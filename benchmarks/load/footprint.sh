#!/usr/bin/env bash
# Resident memory and share-page throughput of clip-service under JVM heap and GC settings, compared in one run.
# Needs the demo in clip-service's database and seeded clips: PODCLIP_LIMITS_ENABLED=false bin/stack up --detach, then
# benchmarks/load/share-pages.sh once (it writes .stack/bench-clip-ids.txt). For each setting, ROUNDS times in turn:
# a clip-service of its own (the packaged jar, consumer off, on its own port) started with those flags, WARM_S seconds
# of share pages to warm it up (after every seeded clip's page has been asked for once), RUN_S seconds measured (wrk,
# THREADS threads, CONNECTIONS connections, random stored clips as HTML), then its resident memory; so every setting
# has served tens of thousands of pages when measured.
#   benchmarks/load/footprint.sh                      # the settings below; JAVA=... picks the JVM
#   SETTINGS_LIST='-Xmx160m -XX:+UseSerialGC;OTEL_SDK_DISABLED=false -Xmx160m -XX:+UseSerialGC' benchmarks/load/footprint.sh
# A setting is JVM flags, optionally after environment assignments; one that turns tracing on exports to a local
# OTLP receiver (a few lines of Python answering 200), so the cost measured is making and sending the spans. A
# setting with -XX:NativeMemoryTracking=summary also prints the JVM's own account of its memory, area by area.
# "CPU per 1k pages" is the service's own CPU time during the measured run (benchmarks/load/cpu.sh).
# With PACED_RATE=N, each setting also serves a paced run of RUN_S seconds offering about N pages/s
# (share-pages-paced.lua), the same offer for every setting, and the JVM logs its GC pauses during it: the columns
# after RSS give that run's served rate, p50 and p99, and the number, total and longest of its pauses.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
. benchmarks/load/cpu.sh
. benchmarks/load/gc-pauses.sh
. benchmarks/load/clip-instance.sh
ROUNDS="${ROUNDS:-2}"
WARM_S="${WARM_S:-10}"
RUN_S="${RUN_S:-15}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
require_inputs footprint

SETTINGS=(
  "-Xmx512m"
  "-Xmx512m -XX:+UseSerialGC"
  "-Xmx160m -XX:+UseSerialGC"
  "-Xmx128m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=128m -Xss512k"
)
if [ -n "${SETTINGS_LIST:-}" ]; then
  IFS=';' read -r -a SETTINGS <<< "$SETTINGS_LIST"
fi
trap stop_sink EXIT

measure() {
  local flags="$1" port log pid out rate p99 rss cpu_before cpu
  start_instance "$flags"
  pid="$instance_pid"; port="$instance_port"; log="$instance_log"
  fill_cache "$port"
  IDS_FILE="$ids" ACCEPT=text/html wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARM_S}s" \
    -s benchmarks/load/share-pages.lua "http://127.0.0.1:$port" > /dev/null
  cpu_before="$(cpu_ticks "$pid")"
  out="$(IDS_FILE="$ids" ACCEPT=text/html wrk -t"$THREADS" -c"$CONNECTIONS" -d"${RUN_S}s" --latency \
    -s benchmarks/load/share-pages.lua "http://127.0.0.1:$port")"
  if grep -q 'Non-2xx' <<<"$out"; then
    echo "footprint: answers other than 2xx with '$flags'" >&2; exit 1
  fi
  cpu="$(cpu_per_1k "$cpu_before" "$(cpu_ticks "$pid")" "$(wrk_requests <<<"$out")")"
  rate="$(grep -E '^Requests/sec' <<<"$out" | awk '{printf "%d", $2}')"
  p99="$(grep -E '^ +99%' <<<"$out" | awk '{print $2}')"
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  local paced_cells=""
  [ -n "${PACED_RATE:-}" ] && paced_cells="$(paced_run "$pid" "$port")"
  if [[ "$flags" == *NativeMemoryTracking* ]]; then
    # Where the resident memory goes, as the JVM counts it (committed KB per area).
    "$(jcmd_of "$pid")" "$pid" VM.native_memory summary | grep -E '^-' | sed -E 's/\(reserved=[0-9]+KB, committed=([0-9]+)KB\)/\1 KB/' >&2
  fi
  stop_instance "$pid" "$log"
  echo "| \`$flags\` | $rate | $p99 | $cpu ms | $rss MB |$paced_cells"
}

paced_run() {
  # paced_run PID PORT: the paced run's cells, with the JVM's GC pauses during it (gc-pauses.sh).
  local pid="$1" port="$2" gc_log out delay
  gc_log="$(mktemp)"
  delay=$(( CONNECTIONS * 1000 / PACED_RATE )); [ "$delay" -lt 1 ] && delay=1
  gc_log_start "$pid" "$gc_log"
  out="$(IDS_FILE="$ids" ACCEPT=text/html DELAY_MS=$delay wrk -t"$THREADS" -c"$CONNECTIONS" -d"${RUN_S}s" --latency \
    -s benchmarks/load/share-pages-paced.lua "http://127.0.0.1:$port")"
  local served p50 p99 pauses
  pauses="$(gc_log_stop "$pid" "$gc_log")"
  served="$(grep -E '^Requests/sec' <<<"$out" | awk '{printf "%d", $2}')"
  p50="$(grep -E '^ +50%' <<<"$out" | awk '{print $2}')"
  p99="$(grep -E '^ +99%' <<<"$out" | awk '{print $2}')"
  rm -f "$gc_log"
  echo " $served/s | $p50 | $p99 | $pauses |"
}

echo "JVM: $("$JAVA" -version 2>&1 | head -1); $(nproc) cores"
if [ -n "${PACED_RATE:-}" ]; then
  echo "| flags | share pages req/s | p99 | CPU per 1k pages | RSS after | paced ~$PACED_RATE/s: served | p50 | p99 | GC pauses: count, total, longest |"
  echo "|---|---|---|---|---|---|---|---|---|"
else
  echo "| flags | share pages req/s | p99 | CPU per 1k pages | RSS after |"
  echo "|---|---|---|---|---|"
fi
for round in $(seq 1 "$ROUNDS"); do
  for flags in "${SETTINGS[@]}"; do
    measure "$flags"
  done
done
