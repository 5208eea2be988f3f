#!/usr/bin/env bash
# The front door's pages under load (issue 18), against the running local stack started with per-client limits off
# (PODCLIP_LIMITS_ENABLED=false bin/stack up --detach: wrk is one client, which the limits would answer 429), with
# bin/stack's environment (CATALOG_URL, CLIP_URL; PGHOST, PGPORT, PGUSER, CLIP_DB for clip-service's database):
#   1. seeds EPISODES synthetic episodes (default 10000) over SHOWS shows (default 200) through catalog-service's API,
#      so clip-service gets them through Kafka as real data, and waits until clip-service knows them all; a run after
#      the first finds them there and seeds nothing (dev.podclip.bench.browse.EpisodeSeeder); then VACUUM (ANALYZE)
#      of clip-service's database;
#   2. warms each page (WARM_SECONDS, not recorded), then wrk at full speed on the trivial route /api/ping, the home
#      page /, /shows/{slug} of a random seeded show and /search?q= with a random query, per request
#      (benchmarks/load/browse-pages.lua);
#   3. a paced run at about half of each maximum for p50/p90/p99 there.
# PAGES (default "home show search") picks the pages measured, /api/ping always first.
# Figures go to standard output as Markdown rows; BENCHMARKS.md records a run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
CATALOG_URL="${CATALOG_URL:-http://127.0.0.1:8081}"
CLIP_URL="${CLIP_URL:-http://127.0.0.1:8082}"
EPISODES="${EPISODES:-10000}"
SHOWS="${SHOWS:-200}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-20}"
WARM_SECONDS="${WARM_SECONDS:-10}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
jar=benchmarks/target/benchmarks.jar
work="$root/.stack/browse-pages"
script=benchmarks/load/browse-pages.lua
# Words and phrases a listener of the demo's kind of show would look for: names, topics, one quoted phrase; one a line.
mapfile -t QUERIES < benchmarks/load/search-queries.txt

mkdir -p "$work"
if [ ! -f "$jar" ] || [ -n "$(find benchmarks/src -newer "$jar" -type f -print -quit)" ]; then
  ./mvnw -B -q -o -pl benchmarks -am package -DskipTests
fi
token="$(bin/stack token --role editor --subject browse-bench --ttl-minutes 30)"
java -cp "$jar" dev.podclip.bench.browse.EpisodeSeeder --catalog "$CATALOG_URL" --clip "$CLIP_URL" --token "$token" \
  --episodes "$EPISODES" --shows "$SHOWS" --out "$work/show-slugs.txt"
# After a bulk load autovacuum would vacuum and analyze the read model; on a cluster where it is off (or has not got
# round to it yet) the planner has no statistics and no visibility map, and the runs would time plans production
# never runs (the home page's aggregate: bitmap heap scans, 43 ms, instead of index-only scans, 16 ms).
psql -q -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d "${CLIP_DB:-podclip_clip}" \
  -c "VACUUM (ANALYZE)"

# One file of paths per page; wrk picks a line at random per request.
echo "/api/ping" > "$work/ping.txt"
echo "/" > "$work/home.txt"
sed 's|^|/shows/|' "$work/show-slugs.txt" > "$work/show.txt"
for q in "${QUERIES[@]}"; do
  printf '/search?q=%s\n' "$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$q")"
done > "$work/search.txt"
read -ra PAGES <<<"${PAGES:-home show search}"

fail() { echo "browse-pages: $*" >&2; exit 1; }
# Every answer must be 2xx: a 429 means the per-client limits are on, a 404 a show clip-service does not know.
checked() {
  local out="$1" what="$2"
  if grep -q 'Non-2xx' <<<"$out"; then
    fail "$what: answers other than 2xx ($(grep 'Non-2xx' <<<"$out" | tr -s ' ')); with 429 restart the stack" \
      "with PODCLIP_LIMITS_ENABLED=false bin/stack up --detach"
  fi
  grep -q 'Socket errors' <<<"$out" && echo "browse-pages: $what: $(grep 'Socket errors' <<<"$out")" >&2
  printf '%s\n' "$out"
}
for page in "${PAGES[@]}"; do
  while read -r path; do
    status="$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept: text/html' "$CLIP_URL$path")"
    [ "$status" = 200 ] || fail "$path answered $status"
  done < "$work/$page.txt"
done

rate_of() { grep -E '^Requests/sec' | awk '{printf "%d", $2}'; }
run() {
  # run PAGE [DELAY_MS] [SECONDS]: wrk on PAGE's paths (PAGE ping: /api/ping), output checked for non-2xx.
  local page="$1" delay="${2:-}" seconds="${3:-$SECONDS_PER_RUN}" accept=text/html out
  # /api/ping answers text/plain only (406 to a browser's Accept: text/html).
  [ "$page" = ping ] && accept='*/*'
  out="$(PATHS_FILE="$work/$page.txt" ACCEPT="$accept" DELAY_MS="$delay" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency -s "$script" "$CLIP_URL")"
  checked "$out" "$page"
}

echo "## warm-up (${WARM_SECONDS} s each, not recorded)"
for page in ping "${PAGES[@]}"; do
  run "$page" "" "$WARM_SECONDS" | grep -E '^Requests/sec' | sed "s|^|$page: |"
done

echo "## wrk, $THREADS threads, $CONNECTIONS connections, ${SECONDS_PER_RUN}s each"
declare -A rate
for page in ping "${PAGES[@]}"; do
  echo "### $page"
  out="$(run "$page")"
  echo "$out"
  rate[$page]="$(rate_of <<<"$out")"
done

label() {
  case "$1" in
    ping) echo '`/api/ping` (trivial, same service, same run)' ;;
    home) echo '`/` home' ;;
    show) echo "\`/shows/{slug}\` (random of $(wc -l < "$work/show.txt") shows)" ;;
    search) echo "\`/search?q=\` (random of ${#QUERIES[@]} queries)" ;;
  esac
}
echo
echo "| route | max req/s | vs \`/api/ping\` |"
echo "|---|---|---|"
for page in ping "${PAGES[@]}"; do
  echo "| $(label "$page") | ${rate[$page]} | $(awk -v a="${rate[$page]}" -v b="${rate[ping]}" \
    'BEGIN { printf "%.1f", 100 * a / b }')% |"
done

echo
echo "## paced at about half the maximum, ${SECONDS_PER_RUN}s each ($CONNECTIONS connections, wrk latency)"
# wrk's latency lines: "     99%    1.82ms" (us, ms or s).
pct() { awk -v p="$1%" '$1 == p { print $2 }'; }
rows=()
for page in ping "${PAGES[@]}"; do
  half=$(( rate[$page] / 2 )); [ "$half" -lt 1 ] && half=1
  delay=$(( CONNECTIONS * 1000 / half )); [ "$delay" -lt 1 ] && delay=1
  out="$(run "$page" "$delay")"
  served="$(rate_of <<<"$out")"
  rows+=("| $(label "$page") | ~$half/s (delay $delay ms) | $served/s | $(pct 50 <<<"$out") | $(pct 90 <<<"$out") \
| **$(pct 99 <<<"$out")** |")
done
echo
echo "| paced run | offered | served | p50 | p90 | p99 |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
