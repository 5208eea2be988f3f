# Sourced by the load scripts. A service's own CPU time per request (user + system from /proc, ms per 1,000
# requests) hardly moves when other processes share the cores, unlike req/s, and leaves out the load generator's
# share, which grows with the answer's size: the figure to compare routes or settings by on a busy machine.

# utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat, after the command's name).
cpu_ticks() {
  sed -E 's/^.*\) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}

# The CPU time a process has used so far, in ms: cpu_ms <pid>
cpu_ms() {
  echo $(( $(cpu_ticks "$1") * 1000 / $(getconf CLK_TCK) ))
}

# ms of CPU per 1,000 requests: cpu_per_1k <ticks before> <ticks after> <requests>
cpu_per_1k() {
  awk -v t="$(( $2 - $1 ))" -v hz="$(getconf CLK_TCK)" -v n="$3" 'BEGIN { printf "%.1f", t * 1000 / hz * 1000 / n }'
}

# The request count of wrk's output on standard input.
wrk_requests() {
  grep -E '^ +[0-9]+ requests in' | awk '{print $1}'
}
