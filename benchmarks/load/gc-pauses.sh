# Sourced by the load scripts: a running JVM's GC pauses during one part of a run, logged by the JVM itself
# (jcmd VM.log adds a log output while the JVM runs and removes only that output afterwards).

# The jcmd of the JDK a process runs on (an older jcmd cannot attach to a newer JVM): jcmd_of <pid>
jcmd_of() {
  printf '%s/jcmd' "$(dirname "$(readlink -f "/proc/$1/exe")")"
}

# Starts logging GC events to a file: gc_log_start <pid> <file>
gc_log_start() {
  "$(jcmd_of "$1")" "$1" VM.log output="$2" what=gc=info decorators=uptime > /dev/null
}

# Stops that log and prints its pauses as "count, total ms, max longest ms": gc_log_stop <pid> <file>
gc_log_stop() {
  "$(jcmd_of "$1")" "$1" VM.log output="$2" what=all=off > /dev/null
  # A run without a pause is "0, 0 ms, max 0.0 ms", not a failed grep under set -o pipefail.
  { grep -E 'Pause' "$2" || true; } | { grep -oE '[0-9.]+ms$' || true; } | tr -d 'ms' \
    | awk '{ n++; t += $1; if ($1 > m) m = $1 } END { printf "%d, %.0f ms, max %.1f ms", n, t, m }'
}
