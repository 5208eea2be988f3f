#!/usr/bin/env bash
# The whole local stack's start-up as a user meets it, with the project already built. RUNS times:
#   1. `bin/stack down`, then `bin/stack up --detach --no-demo` timed from the command to its return (everything
#      ready), while pollers note when each JVM became ready, counted from that process's own start (the kernel's
#      start time of the pid, against /proc/uptime: one clock): the broker at its "kafka ready" line, each service at
#      its first 200 on /q/health/ready;
#   2. the demo loaded (`bin/stack demo`), REQUESTS share pages (wrk, 4 connections, stateless links over the demo
#      episodes as HTML), then the resident memory of each of the three JVMs.
# Then the median of each figure over the runs, and each JVM's command line (JDK and flags).
# The JVM is bin/stack's choice (PODCLIP_JAVA or Temurin 25+ with AOT caches, else java on PATH); the first `up` after a
# build records the AOT caches and the `down` after it writes them, so a run 0 comes first and is reported apart.
# Per-client limits are off for the load (PODCLIP_LIMITS_ENABLED=false), as in the other benchmarks.
#   benchmarks/load/stack-startup.sh                 # RUNS=5 REQUESTS=10000
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
. benchmarks/load/cpu.sh
RUNS="${RUNS:-5}"
REQUESTS="${REQUESTS:-10000}"
CATALOG_URL="${CATALOG_URL:-http://127.0.0.1:8081}"
CLIP_URL="${CLIP_URL:-http://127.0.0.1:8082}"
STACK_DIR="${STACK_DIR:-$root/.stack}"
POLL_S=0.02
export PODCLIP_LIMITS_ENABLED=false
now_ms() { date +%s%3N; }
uptime_ms() { awk '{printf "%d", $1 * 1000}' /proc/uptime; }
# A process's start, in ms since boot (field 22 of /proc/<pid>/stat, in clock ticks).
started_ms() { sed -E 's/^.*\) //' "/proc/$1/stat" | awk -v hz="$(getconf CLK_TCK)" '{printf "%d", $20 * 1000 / hz}'; }
pid_of() { cat "$STACK_DIR/pids/$1.pid"; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# poll NAME CHECK...: once NAME's pid file exists (bin/stack writes it after emptying the log), runs CHECK until it
# succeeds and writes to $work/NAME the ms since that process started and the CPU time it had used by then (ms).
poll() {
  local name="$1"; shift
  until [ -s "$STACK_DIR/pids/$name.pid" ]; do sleep "$POLL_S"; done
  until "$@"; do sleep "$POLL_S"; done
  local pid; pid="$(pid_of "$name")"
  echo "$(( $(uptime_ms) - $(started_ms "$pid") )) $(cpu_ms "$pid")" > "$work/$name"
}
# ms from a service's process start to its log's first line, and Quarkus' own "started in" (ms).
log_split() {
  local log="$STACK_DIR/logs/$1.log" first started_wall
  first="$(grep -m1 -oE '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8},[0-9]{3}' "$log" | tr , .)"
  started_wall=$(( $(started_ms "$(pid_of "$1")") + $(now_ms) - $(uptime_ms) ))
  echo "$(( $(date -d "$first" +%s%3N) - started_wall )) $(grep -m1 -oE 'started in [0-9.]+s' "$log" \
    | awk '{printf "%d", $3 * 1000}')"
}
broker_ready() { grep -q '^kafka ready' "$STACK_DIR/logs/kafka.log" 2>/dev/null; }
service_ready() { curl -fs -o /dev/null "$1/q/health/ready"; }

share_paths() {
  # Stateless share links over the demo episodes, 50 ranges each.
  curl -fsS "$CATALOG_URL/api/episodes?size=100" | python3 -c 'import json, random, sys
random.seed(5)
for item in json.load(sys.stdin)["items"]:
    if (item.get("guid") or "").startswith("clip-audio-"):
        continue
    for _ in range(50):
        start = random.randrange(0, 1500)
        print("/e/%s?t=%d,%d" % (item["id"], start, start + random.randrange(10, 120)))' > "$work/paths"
}

one_run() {
  bin/stack down >/dev/null 2>&1 || true
  rm -f "$work/kafka" "$work/catalog-service" "$work/clip-service"
  poll kafka broker_ready & local p1=$!
  poll catalog-service service_ready "$CATALOG_URL" & local p2=$!
  poll clip-service service_ready "$CLIP_URL" & local p3=$!
  local began; began=$(now_ms)
  bin/stack up --detach --no-demo >/dev/null 2>&1 \
    || { kill "$p1" "$p2" "$p3" 2>/dev/null; echo "stack-startup: bin/stack up failed" >&2; exit 1; }
  local up_ms=$(( $(now_ms) - began ))
  wait "$p1" "$p2" "$p3"
  local split; split="$(log_split catalog-service) $(log_split clip-service)"
  bin/stack demo >/dev/null
  [ -s "$work/paths" ] || share_paths
  [ -s "$work/paths" ] || { echo "stack-startup: no demo episode to share" >&2; exit 1; }
  local out
  out="$(PATHS_FILE="$work/paths" REQUESTS="$REQUESTS" wrk -t1 -c4 -d120s \
    -s benchmarks/load/browse-pages.lua "$CLIP_URL")"
  grep -q "^answered $REQUESTS, non-2xx 0$" <<<"$out" || { echo "stack-startup: $out" >&2; exit 1; }
  local rss=() name
  for name in kafka catalog-service clip-service; do
    rss+=("$(( $(ps -o rss= -p "$(pid_of "$name")") / 1024 ))")
  done
  local ready=() cpu=() r c
  for name in kafka catalog-service clip-service; do
    read -r r c < "$work/$name"; ready+=("$r"); cpu+=("$c")
  done
  echo "$up_ms ${ready[*]} $split ${cpu[*]}" \
    "$REQUESTS ${rss[*]}"
}

# The CPU columns are the time each JVM had used when it became ready: the three start on 2 cores.
# For each service also: its log's first line from its process start (Flyway's: the JVM, the AOT cache and Quarkus'
# bootstrap come before it), and Quarkus' own "started in", counted from its main (the JVM's boot is not in it); after
# "started" come Kafka's topics and the consumer group's assignment, until ready.
columns="up_ms broker_ready_ms catalog_ready_ms clip_ready_ms catalog_first_log_ms catalog_started_ms"
columns="$columns clip_first_log_ms clip_started_ms broker_cpu_ms catalog_cpu_ms clip_cpu_ms"
columns="$columns pages broker_rss_mb catalog_rss_mb clip_rss_mb"
echo "## run 0 (may record AOT caches): $columns"
echo "   $(one_run)"
echo "## runs 1-$RUNS: $columns"
for i in $(seq 1 "$RUNS"); do
  one_run | tee -a "$work/runs" | sed "s/^/run $i: /"
done
echo "## median: $columns"
for c in $(seq 1 15); do cut -d' ' -f"$c" "$work/runs" | sort -n | awk '{a[NR]=$1} END {printf "%s ", a[int((NR+1)/2)]}'; done
echo
for name in kafka catalog-service clip-service; do
  echo "## $name: $(ps -o args= -p "$(pid_of "$name")" | sed -E 's/ -(cp|classpath) [^ ]+/ -cp …/' | cut -c1-300)"
done
