# Shell helpers of the benchmark scripts (bench/run, bench/startup/run): source it.
# Processes, ports, readiness, CPU and RSS of a process tree, medians.

stop_tree() {      # SIGTERM a process and its descendants, SIGKILL what is left after 5 s
  local pid="$1" all=() kids
  collect() { all+=("$1"); local k; for k in $(pgrep -P "$1" 2>/dev/null || true); do collect "$k"; done; }
  collect "$pid"
  kill -TERM "${all[@]}" 2>/dev/null || true
  for _ in $(seq 50); do
    kids=0
    for p in "${all[@]}"; do kill -0 "$p" 2>/dev/null && kids=1; done
    [[ $kids == 0 ]] && return 0
    sleep 0.1
  done
  kill -KILL "${all[@]}" 2>/dev/null || true
}

free_port() {
  local port
  for _ in $(seq 100); do
    # Below the ephemeral range (32768-60999): a port some client connection uses locally cannot be listened on.
    port=$(( 10000 + RANDOM % 20000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

now_ns() { date +%s%N; }

# CPU ticks (utime+stime) and RSS (kB) of a process and all its descendants (Next.js may fork workers).
tree_pids() { local p="$1"; echo "$p"; local k; for k in $(pgrep -P "$p" 2>/dev/null || true); do tree_pids "$k"; done; }
cpu_ticks() {
  local total=0 p f
  for p in $(tree_pids "$1"); do
    # the command name (field 2) may hold spaces and parentheses: cut after the last ')'
    f="$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null)" || continue
    set -- $f
    total=$(( total + ${12} + ${13} ))
  done
  echo "$total"
}

rss_kb() {
  local total=0 p v
  for p in $(tree_pids "$1"); do
    v="$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || true)"
    total=$(( total + ${v:-0} ))
  done
  echo "$total"
}

# wait_ready PID URL START_NS: prints ms from START_NS to the first 200 of URL (or fails after 120 s)
wait_ready() {
  local pid="$1" url="$2" start="$3" deadline=$(( $(date +%s) + 120 ))
  while :; do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null || true)" == 200 ]]; then
      echo $(( ($(now_ns) - start) / 1000000 ))
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    (( $(date +%s) < deadline )) || return 1
    sleep 0.005
  done
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print ""; else if (NR%2) print a[(NR+1)/2]; else printf "%.6g\n", (a[NR/2]+a[NR/2+1])/2}'; }
