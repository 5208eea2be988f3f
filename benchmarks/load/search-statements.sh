#!/usr/bin/env bash
# Statement time of search alone: clip-service's search statement (search.SearchService, the one for a query
# without a phrase, as built from clip-service/target/classes) for each query of benchmarks/load/search-queries.txt,
# prepared once in one psql session against clip-service's database as benchmarks/load/browse-pages.sh leaves it
# (10,000 more episodes, vacuumed). ROUNDS rounds of every query (default 7: the driver and PostgreSQL switch to the
# generic plan after five runs, as the service's pooled connections do), then the time of the last KEEP rounds
# (default 3), summed over the queries and divided by KEEP: milliseconds for the whole mix, once. TIMES rows of that
# (default 3), one psql session each.
# Environment as bin/stack's: PGHOST, PGPORT, PGUSER, CLIP_DB. CLIP_CLASSES: another build's classes to time its
# statement instead (a checkout of an earlier commit, compiled).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
ROUNDS="${ROUNDS:-7}"
KEEP="${KEEP:-3}"
TIMES="${TIMES:-3}"
work="$root/benchmarks/target/search-statements"
mkdir -p "$work"
[ -d clip-service/target/quarkus-app/lib/main ] || ./mvnw -B -q -o -pl clip-service -am package -DskipTests

# The statement and ts_headline's options as the service binds them, with ?n written as psql's $n.
cat > "$work/PrintStatement.java" <<'EOF'
import java.lang.reflect.Field;
import java.lang.reflect.Method;

public class PrintStatement {
    public static void main(String[] args) throws Exception {
        Class<?> service = Class.forName("dev.podclip.clip.search.SearchService");
        System.out.println(statement(service).replaceAll("\\?(\\d)", "\\$$1"));
        Method options = Class.forName("dev.podclip.clip.search.Snippets").getDeclaredMethod("headlineOptions");
        options.setAccessible(true);
        Class<?> limits = Class.forName("dev.podclip.clip.search.SearchLimits");
        // In a file of their own: a JVM notice on standard error must not become a bound value.
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), options.invoke(null) + "\n"
                + limits.getField("CUE_CANDIDATES").get(null) + ", " + limits.getField("TITLE_CANDIDATES").get(null)
                + ", " + limits.getField("NOTES_CANDIDATES").get(null) + "\n");
    }

    /** sql(false); before it, one statement for every query (field SQL), so earlier builds can be timed too. */
    private static String statement(Class<?> service) throws Exception {
        try {
            Method sql = service.getDeclaredMethod("sql", boolean.class);
            sql.setAccessible(true);
            return (String) sql.invoke(null, false);
        } catch (NoSuchMethodException before) {
            Field sql = service.getDeclaredField("SQL");
            sql.setAccessible(true);
            return (String) sql.get(null);
        }
    }
}
EOF
cp="${CLIP_CLASSES:-clip-service/target/classes}:$(ls clip-service/target/quarkus-app/lib/main/*.jar | tr '\n' ':')"
java -cp "$cp" "$work/PrintStatement.java" "$work/headline-options.txt" > "$work/statement.sql"
options="$(sed -n 1p "$work/headline-options.txt")"
# Scan limits as SearchService binds them without a phrase: each source's candidate bound (a quoted phrase of the
# mix is scanned as itself, so its rows need no second check either).
scan_limits="$(sed -n 2p "$work/headline-options.txt")"

mapfile -t QUERIES < benchmarks/load/search-queries.txt
{
  echo "PREPARE search(text, text, int, int, text, int, int, int) AS"
  cat "$work/statement.sql"
  echo ";"
  echo "\\timing on"
  for ((r = 0; r < ROUNDS; r++)); do
    for q in "${QUERIES[@]}"; do
      printf "EXECUTE search(\$q\$%s\$q\$, \$q\$%s\$q\$, 10, 0, \$o\$%s\$o\$, %s);\n" "$q" "$q" "$options" \
        "$scan_limits"
    done
  done
} > "$work/run.sql"
for ((t = 0; t < TIMES; t++)); do
  psql -q -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d "${CLIP_DB:-podclip_clip}" \
    -f "$work/run.sql" 2>/dev/null | grep '^Time' | tail -n $((KEEP * ${#QUERIES[@]})) \
    | awk -v keep="$KEEP" -v n="${#QUERIES[@]}" '{s += $2} END {printf "%d queries: %.1f ms\n", n, s / keep}'
done
