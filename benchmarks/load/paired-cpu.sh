#!/usr/bin/env bash
# Two settings of clip-service compared at the same moment, for differences smaller than the machine's own drift.
# Run after run (footprint.sh), one setting's starts differ by 20-30 % or more on the 2-core build machine: whatever
# else the host does moves every figure. Here each round starts one instance of each setting and loads both at once,
# the same load (wrk, one thread and CONNECTIONS connections each, random stored clips as HTML): whatever slows the
# machine slows both. Each round reports each instance's own CPU per 1,000 pages over the measured RUN_S seconds
# (benchmarks/load/cpu.sh) and their ratio B ÷ A; which instance starts first, and whose load starts first, alternates
# between rounds. Every seeded clip's page is asked for once before the warm-up, so the measured run serves cached
# pages: its share-cache misses are printed, and should be 0. At the end, the ratios' median and range. Each round
# is a fresh pair of JVMs, so the JIT's own spread between starts is still in each ratio: use enough ROUNDS, or C1
# only (-XX:TieredStopAtLevel=1 in both settings) for code compiled the same way every start.
# Needs what footprint.sh needs (the stack's database with seeded clips: benchmarks/load/share-pages.sh once).
#   A='-Xmx512m' B='OTEL_SDK_DISABLED=false -Xmx512m' benchmarks/load/paired-cpu.sh    # ROUNDS=6 WARM_S=30 RUN_S=20
#   A='JAVA=java JAR=<a fast-jar build>/quarkus-run.jar -Xmx512m' B='JAVA=<JDK 25>/bin/java -Xmx512m -XX:AOTCache=…' …
# (a setting's JAVA= and JAR= pick that instance's JVM and build: two JVMs, or two builds, in one run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
. benchmarks/load/cpu.sh
. benchmarks/load/clip-instance.sh
ROUNDS="${ROUNDS:-6}"
WARM_S="${WARM_S:-30}"
RUN_S="${RUN_S:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
A="${A:?A=<setting>: JVM flags, optionally after environment assignments}"
B="${B:?B=<setting>}"
require_inputs paired-cpu
work="$(mktemp -d)"
trap 'stop_sink; rm -rf "$work"' EXIT

load_both() {
  # load_both ROUND SECONDS PORT_A PORT_B OUT_A OUT_B: the same wrk on both instances, at once; the one started
  # first alternates with the round, as the instances' start order does.
  local s="$2" w1 w2
  if [ $(($1 % 2)) = 1 ]; then
    share_load "$s" "$3" "$CONNECTIONS" > "$5" & w1=$!
    share_load "$s" "$4" "$CONNECTIONS" > "$6" & w2=$!
  else
    share_load "$s" "$4" "$CONNECTIONS" > "$6" & w2=$!
    share_load "$s" "$3" "$CONNECTIONS" > "$5" & w1=$!
  fi
  wait "$w1" "$w2"
  ! grep -q 'Non-2xx' "$5" "$6" || { echo "paired-cpu: answers other than 2xx" >&2; exit 1; }
}

# The requests per second of a wrk output file: rate FILE
rate() { grep -E '^Requests/sec' "$1" | awk '{printf "%d", $2}'; }

echo "JVM: $("$JAVA" -version 2>&1 | head -1); $(nproc) cores; A = $A; B = $B"
echo "| round | A: pages/s | A: CPU per 1k pages | B: pages/s | B: CPU per 1k pages | B ÷ A | cache misses in the run, A / B |"
echo "|---|---|---|---|---|---|---|"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then
    start_instance "$A"; pa=$instance_pid; qa=$instance_port; la=$instance_log
    start_instance "$B"; pb=$instance_pid; qb=$instance_port; lb=$instance_log
  else
    start_instance "$B"; pb=$instance_pid; qb=$instance_port; lb=$instance_log
    start_instance "$A"; pa=$instance_pid; qa=$instance_port; la=$instance_log
  fi
  fill_cache "$qa" "$qb"
  load_both "$round" "$WARM_S" "$qa" "$qb" /dev/null /dev/null
  ma="$(share_misses "$qa")"; mb="$(share_misses "$qb")"
  ta="$(cpu_ticks "$pa")"; tb="$(cpu_ticks "$pb")"
  load_both "$round" "$RUN_S" "$qa" "$qb" "$work/a" "$work/b"
  ma=$(( $(share_misses "$qa") - ma )); mb=$(( $(share_misses "$qb") - mb ))
  ca="$(cpu_per_1k "$ta" "$(cpu_ticks "$pa")" "$(wrk_requests < "$work/a")")"
  cb="$(cpu_per_1k "$tb" "$(cpu_ticks "$pb")" "$(wrk_requests < "$work/b")")"
  ratio="$(awk -v a="$ca" -v b="$cb" 'BEGIN { printf "%.3f", b / a }')"
  echo "$ratio" >> "$work/ratios"
  echo "| $round | $(rate "$work/a") | $ca ms | $(rate "$work/b") | $cb ms | $ratio | $ma / $mb |"
  stop_instance "$pa" "$la"; stop_instance "$pb" "$lb"
done
sort -n "$work/ratios" | awk '{r[NR]=$1} END {
  m = (NR % 2) ? r[(NR+1)/2] : (r[NR/2] + r[NR/2+1]) / 2
  printf "B ÷ A, CPU per page: median %.3f (%+.1f %%), range %.3f-%.3f over %d rounds\n", m, (m-1)*100, r[1], r[NR], NR }'
