#!/usr/bin/env bash
# Clip video render time and the share pages while videos render, against the running local stack started with
# per-client limits off (PODCLIP_LIMITS_ENABLED=false bin/stack up --detach):
#   1. RENDERS square videos of stateless CLIP_SECONDS clips at different places of one demo episode, each asked for the
#      first time, one after the other: the time from the first request (202) to the 200, polling every 100 ms; then
#      one portrait and one landscape;
#   2. the share page of a stateless demo clip link (HTML, cached) under a paced wrk load (share-pages-paced.lua: CONNECTIONS
#      connections, DELAY_MS between requests) for SECONDS_PER_RUN with nothing rendering, then again while BUSY more
#      square videos are asked for at once (one renders, the others queue; nothing polls them meanwhile), and a third
#      time idle.
# The episode's source audio is fetched before the first render (an audio clip first), so render times are ffmpeg's.
# Each paced run also reports clip-service's GC pauses during it (benchmarks/load/gc-pauses.sh).
# Figures go to standard output; BENCHMARKS.md records a run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
CATALOG_URL="${CATALOG_URL:-http://127.0.0.1:8081}"
CLIP_URL="${CLIP_URL:-http://127.0.0.1:8082}"
RENDERS="${RENDERS:-3}"
BUSY="${BUSY:-4}"
CLIP_SECONDS="${CLIP_SECONDS:-60}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-15}"
CONNECTIONS="${CONNECTIONS:-8}"
DELAY_MS="${DELAY_MS:-10}"
command -v wrk >/dev/null || { echo "clip-video: wrk is needed (apt-get install wrk)" >&2; exit 1; }

# Renders are cached by range: each run picks fresh ranges, so every render timed here is a first one.
offset=$(( $(date +%s) % 600 ))
# A demo episode, not an MP3 copy clip-audio.sh registered (those list first: no publication date).
episode="$(curl -fsS "$CATALOG_URL/api/episodes?size=100" | python3 -c 'import json,sys
print(next(i["id"] for i in json.load(sys.stdin)["items"] if not (i.get("guid") or "").startswith("clip-audio-")))')"
now_ms() { date +%s%3N; }

# GETs url until it is no longer 202; prints status and milliseconds from the first request.
until_ready() {
  local url="$1" began code
  began=$(now_ms)
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
    [ "$code" = 202 ] || break
    sleep 0.1
  done
  echo "$code $(( $(now_ms) - began ))"
}

read -r code ms < <(until_ready "$CLIP_URL/e/$episode.mp3?t=1,2")
echo "## source fetched with a 1 s audio clip: $code in $ms ms"

echo "## first request to 200, ${CLIP_SECONDS} s clips of episode $episode"
for i in $(seq 1 "$RENDERS"); do
  start=$(( (i * 131 + 40) % 1700 + offset ))
  read -r code ms < <(until_ready "$CLIP_URL/e/$episode.mp4?t=$start,$((start + CLIP_SECONDS))&format=square")
  echo "square $i  t=$start  $code  $ms ms"
  [ "$code" = 200 ] || { echo "clip-video: answered $code" >&2; exit 1; }
done
for format in portrait landscape; do
  read -r code ms < <(until_ready "$CLIP_URL/e/$episode.mp4?t=$((900 + offset)),$((900 + offset + CLIP_SECONDS))&format=$format")
  echo "$format  t=$((900 + offset))  $code  $ms ms"
done
size=$(curl -s "$CLIP_URL/e/$episode.mp4?t=$((900 + offset)),$((900 + offset + CLIP_SECONDS))&format=landscape" | wc -c)
echo "landscape file: $size bytes"

ids="$(mktemp)"
trap 'rm -f "$ids"' EXIT
echo "$episode?t=60,90" > "$ids"

. benchmarks/load/gc-pauses.sh
clip_pid="$(cat .stack/pids/clip-service.pid)"
paced() {
  local gc_log
  gc_log="$(mktemp)"
  gc_log_start "$clip_pid" "$gc_log"
  IDS_FILE="$ids" PATH_PREFIX=/e/ ACCEPT=text/html DELAY_MS="$DELAY_MS" wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency \
    -s benchmarks/load/share-pages-paced.lua "$CLIP_URL" | grep -E 'Requests/sec|Non-2xx| 50%| 90%| 99%'
  echo "  GC pauses: $(gc_log_stop "$clip_pid" "$gc_log")"
  rm -f "$gc_log"
}

echo "## share page, paced, warm-up (not recorded)"
paced >/dev/null
echo "## share page, paced, nothing rendering"
paced
echo "## share page, paced, while $BUSY square videos are asked for at once"
# One request each starts them (202); nothing polls during the paced run, so the harness adds no load of its own.
busy_began=$(now_ms)
busy_urls=()
for i in $(seq 1 "$BUSY"); do
  start=$(( 2000 + offset + i * 70 ))
  busy_urls+=("$CLIP_URL/e/$episode.mp4?t=$start,$((start + CLIP_SECONDS))&format=square")
  curl -s -o /dev/null -w "  busy render $i asked: %{http_code}\n" "${busy_urls[-1]}"
done
paced
for i in "${!busy_urls[@]}"; do
  read -r code ms < <(until_ready "${busy_urls[$i]}")
  echo "  busy render $((i + 1)): $code, ready $(( $(now_ms) - busy_began )) ms after it was asked"
done
echo "## share page, paced, idle again"
paced
