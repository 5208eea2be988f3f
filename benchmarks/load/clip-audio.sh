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
# SOURCE=mp3 measures the same against CBR MP3 sources, what most feeds publish: the first EPISODES demo episodes'
# synthetic audio encoded once with ffmpeg (MP3_ENCODING, default 44.1 kHz stereo 128 kbit/s CBR, ~1 MB a minute;
# a minute or so of one core an episode, kept in MEDIA_DIR for later runs), served with Range, ETag and If-Range by
# range-server.py on MEDIA_PORT, and registered in the catalog as episodes of a show of their own (made once, found
# again by guid; needs bin/stack token). clip-service fetches them as any loopback source of the local stack.
# SOURCE=m4a does the same with AAC in an MP4 (M4A_ENCODING, default 44.1 kHz stereo 128 kbit/s, the index after
# the samples as ffmpeg writes it without +faststart, so a first clip walks past the whole mdat to find it).
# SOURCE=vbr (VBR_ENCODING, default 44.1 kHz stereo libmp3lame VBR quality 4) and SOURCE=aac (ADTS_ENCODING, AAC as
# ADTS frames, 128 kbit/s) are the formats no header locates a clip in: a first clip fetches the file's start up to
# a second past the clip (docs/clips.md), in a few ranges.
# EXT=mp4 asks for each clip's square video instead of its MP3 (how long an episode's first video waits for its
# source; the video's own render time is clip-video.sh's).
# MEDIA_MBIT paces the copies' host to that many Mbit/s an answer (0, the default: loopback's own speed), as a host
# across a network would send them.
# Figures go to standard output; BENCHMARKS.md records a run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CATALOG_URL="${CATALOG_URL:-http://127.0.0.1:8081}"
CLIP_URL="${CLIP_URL:-http://127.0.0.1:8082}"
EPISODES="${EPISODES:-5}"
RENDERS="${RENDERS:-10}"
CLIP_SECONDS="${CLIP_SECONDS:-60}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
SOURCE="${SOURCE:-wav}"
EXT="${EXT:-mp3}"
MEDIA_PORT="${MEDIA_PORT:-8093}"
MEDIA_DIR="${MEDIA_DIR:-$root/.stack/clip-audio-$SOURCE}"
MEDIA_MBIT="${MEDIA_MBIT:-0}"
MP3_ENCODING="${MP3_ENCODING:--ar 44100 -ac 2 -c:a libmp3lame -b:a 128k -f mp3}"
M4A_ENCODING="${M4A_ENCODING:--ar 44100 -ac 2 -c:a aac -b:a 128k -f ipod}"
VBR_ENCODING="${VBR_ENCODING:--ar 44100 -ac 2 -c:a libmp3lame -q:a 4 -f mp3}"
ADTS_ENCODING="${ADTS_ENCODING:--ar 44100 -ac 2 -c:a aac -b:a 128k -f adts}"
command -v wrk >/dev/null || { echo "clip-audio: wrk is needed (apt-get install wrk)" >&2; exit 1; }

# The demo's episodes, not the copies an earlier SOURCE=mp3, m4a, vbr or aac run registered (they list first: no publication
# date).
episodes="$(curl -fsS "$CATALOG_URL/api/episodes?size=100" | python3 -c 'import json,sys
items = [i for i in json.load(sys.stdin)["items"] if not (i.get("guid") or "").startswith("clip-audio-")]
print(" ".join(item["id"] for item in items[:int(sys.argv[1])]))' "$EPISODES")"
now_ms() { date +%s%3N; }

# encode_copies ENCODING: the SOURCE copy of each episode's demo audio, made once.
encode_copies() {
  command -v ffmpeg >/dev/null || { echo "clip-audio: ffmpeg is needed for SOURCE=$SOURCE" >&2; exit 1; }
  mkdir -p "$MEDIA_DIR"
  local id url
  for id in $episodes; do
    [ -s "$MEDIA_DIR/$id.$SOURCE" ] && continue
    url="$(curl -fsS "$CATALOG_URL/api/episodes/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["audioUrl"])')"
    echo "encoding $url to $MEDIA_DIR/$id.$SOURCE"
    # shellcheck disable=SC2086 # the encoding is a list of ffmpeg arguments
    ffmpeg -nostdin -v error -y -i "$url" $1 "$MEDIA_DIR/$id.part"
    mv "$MEDIA_DIR/$id.part" "$MEDIA_DIR/$id.$SOURCE"
  done
}

# register_copies: an episode per copy in a show of its own, found again by guid; prints their ids.
register_copies() {
  python3 - "$CATALOG_URL" "$(cd "$root" && bin/stack token --role editor)" "http://127.0.0.1:$MEDIA_PORT" \
    "$SOURCE" $episodes <<'PY'
import json, sys, urllib.parse, urllib.request
catalog, token, media, kind, ids = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
def call(method, path, body=None):
    req = urllib.request.Request(catalog + path, json.dumps(body).encode() if body is not None else None,
                                 {"Authorization": "Bearer " + token, "Content-Type": "application/json"},
                                 method=method)
    return json.load(urllib.request.urlopen(req))
slug = "clip-audio-" + kind
shows = call("GET", "/api/shows?slug=" + slug)["items"]
show = shows[0]["id"] if shows else call("POST", "/api/shows", {"slug": slug,
                                                                 "title": "clip-audio.sh: demo audio as " + kind})["id"]
out = []
for source in ids:
    original = call("GET", "/api/episodes/" + source)
    guid = slug + ":" + source
    found = call("GET", "/api/episodes?show=%s&guid=%s" % (show, urllib.parse.quote(guid)))["items"]
    if not found:
        found = [call("POST", "/api/episodes", {"showId": show, "guid": guid, "slug": kind + "-" + original["slug"],
                                                "title": "%s (%s)" % (original["title"], kind.upper()),
                                                "durationText": original["durationText"],
                                                "audioUrl": "%s/%s.%s" % (media, source, kind)})]
    out.append(found[0]["id"])
print(" ".join(out))
PY
}

if [ "$SOURCE" != wav ]; then
  case "$SOURCE" in
    mp3) encode_copies "$MP3_ENCODING" ;;
    m4a) encode_copies "$M4A_ENCODING" ;;
    vbr) encode_copies "$VBR_ENCODING" ;;
    aac) encode_copies "$ADTS_ENCODING" ;;
    *) echo "clip-audio: SOURCE is wav, mp3, m4a, vbr or aac, not $SOURCE" >&2; exit 1 ;;
  esac
  python3 "$root/benchmarks/load/range-server.py" "$MEDIA_DIR" "$MEDIA_PORT" "$MEDIA_MBIT" >/dev/null 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 50); do
    curl -fs -o /dev/null -r 0-0 "http://127.0.0.1:$MEDIA_PORT/${episodes%% *}.$SOURCE" && break
    sleep 0.1
  done
  episodes="$(register_copies)"
  # clip-service knows an episode once the catalog's event reached its read model.
  for id in $episodes; do
    for _ in $(seq 1 300); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept: application/json' "$CLIP_URL/e/$id?t=1,2")" = 200 ] \
        && break
      sleep 0.1
    done
  done
fi
episode="${episodes%% *}"
echo "## sources: $SOURCE$([ "$SOURCE" = wav ] || echo ", host paced to ${MEDIA_MBIT} Mbit/s (0: not paced)")"

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

echo "## first clip (.$EXT) of each episode, first request to 200, ${CLIP_SECONDS} s clips"
for id in $episodes; do
  render "episode $id  t=30" "$CLIP_URL/e/$id.$EXT?t=30,$((30 + CLIP_SECONDS))"
done

echo "## more clips of episode $episode, first request to 200"
for i in $(seq 1 "$RENDERS"); do
  start=$(( (i * 97 + 30) % 1800 ))
  url="$CLIP_URL/e/$episode.$EXT?t=$start,$((start + CLIP_SECONDS))"
  render "render $i  t=$start" "$url"
done

echo "## cached answers, one connection, ${SECONDS_PER_RUN} s each"
for target in "$url" "$CLIP_URL/api/ping"; do
  echo "$target"
  wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency "$target" | grep -E 'Requests/sec|Non-2xx| 50%| 90%| 99%'
done
