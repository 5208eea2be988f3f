#!/usr/bin/env bash
# What any background CPU user costs the share pages, whatever its priority: against the running local stack started
# with per-client limits off (PODCLIP_LIMITS_ENABLED=false bin/stack up --detach), the share page of a stateless demo
# clip link under the paced wrk load of clip-video.sh (share-pages-paced.lua: CONNECTIONS connections, DELAY_MS between
# requests) for SECONDS_PER_RUN, ROUNDS times through these phases:
#   idle          nothing else runs;
#   spin-idle     one shell loop (no memory traffic, no system calls) under SCHED_IDLE, as ffmpeg runs: chrt --idle 0;
#   spin-cpu1     the same loop confined to CPU 1 (taskset -c 1), as clip.media.render-cpus=1 confines ffmpeg;
#   spin-nice19   the same loop at niceness 19, as clip.media.render-idle=false runs ffmpeg;
#   x264-idle     an x264 encode of a 720 × 720 test pattern at 24 frames a second under SCHED_IDLE, its output
#                 dropped: a render's encoder without its files;
#   x264-1thread  the same encode on one thread (-threads 1): at most one CPU busy, as with spin-idle.
# If the loop costs the pages what x264 does, what a render adds to their p99 is the machine's (cores shared by the
# host, their clock), not ffmpeg's work or its scheduling policy, and no tuning of the render removes it.
# Figures go to standard output; BENCHMARKS.md §6 records a run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
CATALOG_URL="${CATALOG_URL:-http://127.0.0.1:8081}"
CLIP_URL="${CLIP_URL:-http://127.0.0.1:8082}"
ROUNDS="${ROUNDS:-2}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-15}"
CONNECTIONS="${CONNECTIONS:-8}"
DELAY_MS="${DELAY_MS:-10}"
command -v wrk >/dev/null || { echo "background-cpu: wrk is needed (apt-get install wrk)" >&2; exit 1; }
command -v chrt >/dev/null && command -v taskset >/dev/null \
  || { echo "background-cpu: chrt and taskset are needed (util-linux)" >&2; exit 1; }

episode="$(curl -fsS "$CATALOG_URL/api/episodes?size=100" | python3 -c 'import json,sys
print(next(i["id"] for i in json.load(sys.stdin)["items"] if not (i.get("guid") or "").startswith("clip-audio-")))')"
ids="$(mktemp)"
background=""
stop_background() {
  if [ -n "$background" ]; then
    kill "$background" 2>/dev/null || true
    wait "$background" 2>/dev/null || true
  fi
  background=""
}
trap 'stop_background; rm -f "$ids"' EXIT
echo "$episode?t=60,90" > "$ids"

paced() {
  IDS_FILE="$ids" PATH_PREFIX=/e/ ACCEPT=text/html DELAY_MS="$DELAY_MS" wrk -t1 -c"$CONNECTIONS" \
    -d"${SECONDS_PER_RUN}s" --latency -s benchmarks/load/share-pages-paced.lua "$CLIP_URL" \
    | awk '/ 50%| 99%/ { printf "%s %s  ", $1, $2 } /Requests\/sec/ { printf "%s/s", $2 }'
  echo
}

# phase NAME [LAUNCHER...]: the paced run while LAUNCHER runs the loop (none for idle, x264 for x264-idle).
phase() {
  local name="$1"
  shift
  case "$name" in
    idle) ;;
    x264-idle) "$@" ffmpeg -nostdin -v error -f lavfi -i testsrc2=s=720x720:r=24 -c:v libx264 -preset veryfast \
                 -f null - & background=$! ;;
    x264-1thread) "$@" ffmpeg -nostdin -v error -f lavfi -i testsrc2=s=720x720:r=24 -c:v libx264 -preset veryfast \
                 -threads 1 -f null - & background=$! ;;
    *) "$@" sh -c 'while :; do :; done' & background=$! ;;
  esac
  sleep 1
  printf '%-12s ' "$name"
  paced
  stop_background
  sleep 1
}

echo "## share page, paced, warm-up (not recorded)"
paced >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  echo "## round $round"
  phase idle
  phase spin-idle chrt --idle 0
  phase spin-cpu1 taskset -c 1 chrt --idle 0
  phase spin-nice19 nice -n 19
  if command -v ffmpeg >/dev/null; then
    phase x264-idle chrt --idle 0
    phase x264-1thread chrt --idle 0
  fi
done
phase idle
