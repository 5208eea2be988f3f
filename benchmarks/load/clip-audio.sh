#!/usr/bin/env bash
# Clip audio latency against the running local stack, started with per-client limits off
# (PODCLIP_LIMITS_ENABLED=false bin/stack up --detach):
#   1. RENDERS stateless 60 s clips at different places of one demo episode, each asked for the first time: the time
#      from the first request (202) to the 200, polling every 50 ms;
#   2. wrk on one connection for SECONDS_PER_RUN on a rendered clip's .mp3 (cached: 200 with the file) and, as the
#      same run's baseline, on the trivial route /api/ping.
# The episode's source audio is fetched on the first render only (it is cached per episode version): the first figure
# includes that fetch, the others do not. Figures go to standard output; BENCHMARKS.md records a run.
set -euo pipefail
CATALOG_URL="${CATALOG_URL:-http://127.0.0.1:8081}"
CLIP_URL="${CLIP_URL:-http://127.0.0.1:8082}"
RENDERS="${RENDERS:-10}"
CLIP_SECONDS="${CLIP_SECONDS:-60}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
command -v wrk >/dev/null || { echo "clip-audio: wrk is needed (apt-get install wrk)" >&2; exit 1; }

episode="$(curl -fsS "$CATALOG_URL/api/episodes?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"
now_ms() { date +%s%3N; }

echo "## first request to 200, ${CLIP_SECONDS} s clips of episode $episode"
for i in $(seq 1 "$RENDERS"); do
  start=$(( (i * 97 + 30) % 1800 ))
  url="$CLIP_URL/e/$episode.mp3?t=$start,$((start + CLIP_SECONDS))"
  began=$(now_ms)
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url")
    [ "$code" = 202 ] || break
    sleep 0.05
  done
  echo "render $i  t=$start  $code  $(( $(now_ms) - began )) ms"
  [ "$code" = 200 ] || { echo "clip-audio: $url answered $code" >&2; exit 1; }
done

echo "## cached answers, one connection, ${SECONDS_PER_RUN} s each"
for target in "$url" "$CLIP_URL/api/ping"; do
  echo "$target"
  wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency "$target" | grep -E 'Requests/sec|Non-2xx| 50%| 90%| 99%'
done
