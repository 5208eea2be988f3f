#!/usr/bin/env bash
# How much of clip-service's CPU tracing takes under share-page load, read from a CPU profile of one instance
# (async-profiler, attached with jcmd) rather than from CPU seconds compared between two JVMs: those differ start to
# start by more than the 5 % at stake, even paired (BENCHMARKS.md §9), while a profile's own samples put the JIT's
# luck of one start on both sides of the share.
#   benchmarks/load/trace-share.sh                                   # SETTING: tracing on, the production default
#   SETTING='-Xmx512m -XX:TieredStopAtLevel=1' benchmarks/load/trace-share.sh    # tracing off: the glue that stays
# One clip-service of its own (clip-instance.sh) with SETTING, every seeded clip's page asked for once, WARM_S seconds
# of share pages, then RUN_S seconds profiled (CPU, 1 ms interval) under the same load (wrk, one thread, CONNECTIONS
# connections, random stored clips as HTML); benchmarks/load/trace-share.py then attributes the samples.
# Needs the stack's database with seeded clips (benchmarks/load/share-pages.sh once) and, the first time, Maven
# Central for async-profiler (ASYNC_PROFILER_VERSION, copied into benchmarks/target/async-profiler).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
. benchmarks/load/cpu.sh
. benchmarks/load/clip-instance.sh
. benchmarks/load/gc-pauses.sh
SETTING="${SETTING:-OTEL_SDK_DISABLED=false -Xmx512m -XX:TieredStopAtLevel=1}"
WARM_S="${WARM_S:-25}"
RUN_S="${RUN_S:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
ASYNC_PROFILER_VERSION="${ASYNC_PROFILER_VERSION:-4.2}"
require_inputs trace-share
profiler_dir="$root/benchmarks/target/async-profiler"
library="$profiler_dir/linux-x64/libasyncProfiler.so"
if [ ! -f "$library" ]; then
  ./mvnw -B -q dependency:copy -DoutputDirectory="$profiler_dir" \
    -Dartifact="tools.profiler:async-profiler:$ASYNC_PROFILER_VERSION:jar:linux-x64"
  (cd "$profiler_dir" && unzip -q -o "async-profiler-$ASYNC_PROFILER_VERSION-linux-x64.jar" 'linux-x64/*')
fi
work="$(mktemp -d)"
trap 'stop_sink; rm -rf "$work"' EXIT

profiler() {
  # jcmd's JVMTI.agent_load takes the agent's options as one quoted argument.
  "$(jcmd_of "$instance_pid")" "$instance_pid" JVMTI.agent_load "$library" "\"$1\"" > /dev/null
}

echo "JVM: $("$JAVA" -version 2>&1 | head -1); $(nproc) cores; SETTING = $SETTING"
start_instance "$SETTING"
fill_cache "$instance_port"
share_load "$WARM_S" "$instance_port" "$CONNECTIONS" > /dev/null
profiler "start,event=cpu,interval=1ms"
share_load "$RUN_S" "$instance_port" "$CONNECTIONS" > "$work/wrk"
profiler "stop,file=$work/profile.collapsed,collapsed,threads"
stop_instance "$instance_pid" "$instance_log"
! grep -q 'Non-2xx' "$work/wrk" || { echo "trace-share: answers other than 2xx" >&2; exit 1; }
echo "pages/s: $(grep -E '^Requests/sec' "$work/wrk" | awk '{printf "%d", $2}')"
python3 benchmarks/load/trace-share.py "$work/profile.collapsed" "$(wrk_requests < "$work/wrk")"
