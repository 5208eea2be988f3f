#!/usr/bin/env bash
# Clip audio latency against the running local stack, started with per-client limits off and an empty media cache
# (PODCLIP_LIMITS_ENABLED=false CLIP_MEDIA_CACHE_DIR="$(mktemp -d)" bin/stack up --detach):
#   1. the first clip of each of EPISODES demo episodes: a stateless 60 s clip, from the first request (202) to the
#      200, polling every 50 ms. Nothing of those episodes is on the instance yet: with clip.media.range-fetch on (the
#      default) a render fetches the source's header and its clip's bytes; with it off (CLIP_MEDIA_RANGE_FETCH=false,
#      the baseline) the whole source file first;
#   2. RENDERS more 60 s clips at different places of the first episode, each asked for the first time;
#   3. wrk on one connection for SECONDS_PER_RUN on a rendered clip's .mp3 (cached: 200 with the file) and, as the
#      same run's baseline, on the trivial route /api/ping.
# Figures go to standard output; BENCHMARKS.md records a run.
set -euo pipefail
CATALOG_URL="${CATALOG_URL:-http://127.0.0.1:8081}"
CLIP_URL="${CLIP_URL:-http://127.0.0.1:8082}"
EPISODES="${EPISODES:-5}"
RENDERS="${RENDERS:-10}"
CLIP_SECONDS="${CLIP_SECONDS:-60}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
command -v wrk >/dev/null || { echo "clip-audio: wrk is needed (apt-get install wrk)" >&2; exit 1; }

episodes="$(curl -fsS "$CATALOG_URL/api/episodes?size=$EPISODES" \
  | python3 -c 'import json,sys; print(" ".join(item["id"] for item in json.load(sys.stdin)["items"]))')"
episode="${episodes%% *}"
now_ms() { date +%s%3N; }

# render LABEL URL: asks until the render is done, prints the time from the first request.
render() {
  local began code
  began=$(now_ms)
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$2")
    [ "$code" = 202 ] || break
    sleep 0.05
  done
  echo "$1  $code  $(( $(now_ms) - began )) ms"
  [ "$code" = 200 ] || { echo "clip-audio: $2 answered $code" >&2; exit 1; }
}

echo "## first clip of each episode, first request to 200, ${CLIP_SECONDS} s clips"
for id in $episodes; do
  render "episode $id  t=30" "$CLIP_URL/e/$id.mp3?t=30,$((30 + CLIP_SECONDS))"
done

echo "## more clips of episode $episode, first request to 200"
for i in $(seq 1 "$RENDERS"); do
  start=$(( (i * 97 + 30) % 1800 ))
  url="$CLIP_URL/e/$episode.mp3?t=$start,$((start + CLIP_SECONDS))"
  render "render $i  t=$start" "$url"
done

echo "## cached answers, one connection, ${SECONDS_PER_RUN} s each"
for target in "$url" "$CLIP_URL/api/ping"; do
  echo "$target"
  wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency "$target" | grep -E 'Requests/sec|Non-2xx| 50%| 90%| 99%'
done
