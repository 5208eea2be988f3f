#!/usr/bin/env bash
# Start-up of one packaged service as bin/stack starts it (Java on PATH, -Xmx384m, Serial GC): RUNS starts, each timed
# from process start to the first 200 on /q/health/live, with resident memory then, the CPU time the JVM had used by
# then (user + system: less sensitive than the wall clock to other work on a shared machine) and Quarkus' own
# "started in".
# Extra arguments go to the JVM, e.g. -XX:SharedArchiveFile=app-cds.jsa -Xshare:on after a build with
# -Dquarkus.package.jar.appcds.enabled=true (the JVM runs in target/quarkus-app with -jar quarkus-run.jar, the paths the
# archive recorded; -Xshare:on fails rather than silently ignoring an archive it cannot map). Needs PostgreSQL (the
# service's database); Kafka may be down.
#   benchmarks/load/startup.sh clip-service [jvm flags...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
. "$root/benchmarks/load/cpu.sh"
service="$1"; shift
RUNS="${RUNS:-3}"
db="podclip_${service%-service}"
# JAR=... starts another build of the service (a before/after pair).
jar="${JAR:-$root/$service/target/quarkus-app/quarkus-run.jar}"
[ -f "$jar" ] || { echo "startup: $jar is missing: ./mvnw install -DskipTests first" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
for i in $(seq 1 "$RUNS"); do
  port=$((18100 + RANDOM % 500))
  log="$(mktemp)"
  start=$(date +%s%3N)
  HTTP_PORT=$port DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" DB_USER=postgres DB_PASSWORD= \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19999 JWT_PUBLIC_KEY_LOCATION="$root/dev/jwt/publicKey.pem" \
    JWT_ISSUER=https://podclip.dev/local ALLOW_DEVELOPMENT_KEYS=true \
    bash -c 'cd "$0" && exec "${JAVA:-java}" -Xmx384m -XX:+UseSerialGC "${@}" -jar quarkus-run.jar' "$(dirname "$jar")" "$@" \
    > "$log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/live"; do
    kill -0 "$pid" 2>/dev/null || { echo "startup: $service exited; see $log" >&2; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%3N)
  echo "run $i: live after $((end - start)) ms, cpu $(cpu_ms "$pid") ms, rss $(( $(ps -o rss= -p "$pid") / 1024 )) MB," \
    "$(grep -o 'started in [0-9.]*s' "$log" || true)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
done
