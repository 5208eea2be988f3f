# Sourced by the load scripts that compare JVM settings of clip-service: a clip-service of its own (the packaged jar,
# consumer off, per-client limits off, on a port of its own, against clip-service's database of the local stack),
# and the OTLP receiver that settings with tracing on export to.
# Needs: root. JAVA=... picks the JVM; JAR=... another build of clip-service (a before/after pair in one run).

JAVA="${JAVA:-java}"
jar="${JAR:-$root/clip-service/target/quarkus-app/quarkus-run.jar}"
ids="$root/.stack/bench-clip-ids.txt"
# require_inputs SCRIPT: stops SCRIPT unless the seeded clips and the jar are there.
require_inputs() {
  [ -s "$ids" ] || { echo "$1: no seeded clips; run benchmarks/load/share-pages.sh once" >&2; exit 1; }
  [ -f "$jar" ] || { echo "$1: $jar is missing: ./mvnw install -DskipTests first" >&2; exit 1; }
}

OTLP_PORT=14318
sink_pid=""
# A local OTLP receiver (a few lines of Python answering 200), so tracing's cost includes making and sending spans.
start_sink() {
  [ -n "$sink_pid" ] && return
  python3 -c '
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
' "$OTLP_PORT" &
  sink_pid=$!
}
stop_sink() {
  [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null || true
}

# start_instance FLAGS: starts one and waits until it is live; sets instance_pid, instance_port and instance_log.
# FLAGS are JVM flags, optionally after environment assignments (OTEL_SDK_DISABLED=false -Xmx512m); JAVA=... and
# JAR=... among them pick this instance's JVM and build, so one run can compare two JVMs or two builds.
start_instance() {
  local flags="$1" word java="$JAVA" run_jar="$jar"
  local envs=() jvm=()
  for word in $flags; do
    case "$word" in
      -*) jvm+=("$word") ;;
      JAVA=*) java="${word#JAVA=}" ;;
      JAR=*) run_jar="${word#JAR=}" ;;
      *) envs+=("$word") ;;
    esac
  done
  if [[ "$flags" == *OTEL_SDK_DISABLED=false* ]]; then
    start_sink
    envs+=("OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$OTLP_PORT" "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf")
  fi
  instance_port=$((18600 + RANDOM % 300))
  while curl -s -o /dev/null "http://127.0.0.1:$instance_port/"; do instance_port=$((18600 + RANDOM % 300)); done
  instance_log="$(mktemp)"
  env "${envs[@]}" HTTP_PORT=$instance_port DB_URL="jdbc:postgresql://127.0.0.1:5432/podclip_clip" DB_USER=postgres \
    DB_PASSWORD= KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19999 CLIP_EVENTS_ENABLED=false PODCLIP_LIMITS_ENABLED=false \
    JWT_PUBLIC_KEY_LOCATION="$root/dev/jwt/publicKey.pem" JWT_ISSUER=https://podclip.dev/local \
    ALLOW_DEVELOPMENT_KEYS=true CLIP_PUBLIC_BASE_URL="http://127.0.0.1:$instance_port" \
    "$java" "${jvm[@]}" -jar "$run_jar" > "$instance_log" 2>&1 &
  instance_pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$instance_port/q/health/live"; do
    kill -0 "$instance_pid" 2>/dev/null || { echo "clip-service exited; see $instance_log" >&2; exit 1; }
    sleep 0.1
  done
}

# share_load SECONDS PORT CONNECTIONS: wrk, one thread, on an instance's share pages (random stored clips as HTML).
share_load() {
  IDS_FILE="$ids" ACCEPT=text/html wrk -t1 -c"$3" -d"${1}s" -s benchmarks/load/share-pages.lua "http://127.0.0.1:$2"
}

# fill_cache PORT...: asks each instance for every seeded clip's page once, before any timed load. A random load
# alone leaves the share-page cache filling for a long time (after 30 s at a few thousand pages/s, 9,834 misses of
# 10,000 clips; BENCHMARKS.md §9), and a setting that serves fewer pages in its warm-up then renders more pages in
# its measured run: the difference of the settings grows by the renders it causes.
fill_cache() {
  local port pids=()
  for port in "$@"; do
    awk -v base="http://127.0.0.1:$port/c/" '{ print "url = " base $1; print "output = /dev/null" }' "$ids" \
      | curl -s --no-progress-meter --parallel --parallel-max 8 -H 'Accept: text/html' -K - & pids+=($!)
  done
  wait "${pids[@]}"
}

# share_misses PORT: the share-page cache's misses so far (Micrometer's cache_gets_total).
share_misses() {
  curl -fs "http://127.0.0.1:$1/q/metrics" \
    | awk '/^cache_gets_total\{cache="clip_share_pages",result="miss"\}/ { printf "%d", $2 }'
}

# stop_instance PID LOG
stop_instance() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  rm -f "$2"
}
