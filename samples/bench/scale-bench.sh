#!/usr/bin/env bash
# Scale benchmark: mailsweep scans synthetic worlds of 10,000 to 1,000,000 domains served by a real
# authoritative DNS server (Debian's NSD) behind dnsdist, on loopback addresses only.
#
#   bash samples/bench/scale-bench.sh [SIZES]        SIZES: comma-separated, default 10000,100000,1000000
#
# What it does, in order:
#   1. builds the jar and writes the world of the largest size (ScaleWorld: SPF with shared
#      includes, DMARC mostly p=none, MX mostly on shared provider hosts, MTA-STS, TLS-RPT, DKIM at
#      common selectors, BIMI, 5% NXDOMAIN, 1% under hang.test whose questions are never answered);
#      smaller sizes scan the first N domains of the same list;
#   2. serves it with NSD on 127.0.53.1:5353 and puts dnsdist on 127.0.53.2:53 in front (dnsdist
#      drops every question under hang.test: name servers that time out);
#   3. records the questions a scan of the first 10,000 domains asks (dnsdist's query log) and
#      measures the ceiling of the DNS path with dnsperf replaying them: through dnsdist (the path
#      the scanner uses; three runs before the scans and three after, the median of the six is the
#      ceiling, since one run on a shared machine can be far off) and straight to NSD;
#   4. scans each size (MAILSWEEP_BENCH_ROUNDS times) with the DNS-only checks (spf,dmarc,dkim,bimi,mx,mtasts,tlsrpt; no
#      --allow-targets, so the target guard lets no connection out) at the same -Xmx, and prints
#      domains/s, DNS questions/s on the wire (dnsdist's counter) against the dnsperf ceiling, peak
#      RSS, the heap before and after collections as G1 logs it (it fills the -Xmx it is given; peak
#      RSS is the memory figure), and the time of each step;
#   5. scans the latency size again with dnsdist adding 50 ms to every answer and dropping 1% of
#      questions, as a real recursive resolver behaves;
#   6. optionally kills a scan with SIGKILL at a random point of the scan step, restarts it, and
#      checks that every domain has one result and that its CSV report equals the uninterrupted one.
#
# Settings (environment):
#   MAILSWEEP_BENCH_DIR      work folder (default target/scale-bench; about 5 GB for 1,000,000:
#                            the database and the reports of each scan are kept)
#   MAILSWEEP_BENCH_HEAP     -Xmx of every scan (default 512m)
#   MAILSWEEP_BENCH_LATENCY  size of the latency run (default 100000; 0 skips it)
#   MAILSWEEP_BENCH_CRASH    size of the crash-and-restart run (default 0: skipped); must be one of SIZES
#   MAILSWEEP_BENCH_OPTS     extra scan options for every run (e.g. "--threads 8")
#   MAILSWEEP_BENCH_JVM_OPTS JVM options of every scan (default "-XX:+UseParallelGC", the README's
#                            setting for large lists; set it empty for the JVM's default, G1)
#   MAILSWEEP_BENCH_BASELINE_JVM_OPTS  when set (e.g. "-XX:+UseG1GC"), every round of every size is
#                            scanned with these JVM options too, right after the first, and the
#                            medians of both are compared
#   MAILSWEEP_BENCH_BASELINE_JAR  when set (a mailsweep.jar built from another commit), the baseline
#                            scans run that jar instead (with MAILSWEEP_BENCH_BASELINE_JVM_OPTS if
#                            set, else the same JVM options): a change against the code before it,
#                            on the same world and servers in the same invocation
#   MAILSWEEP_BENCH_BASELINE_OPTS  when set (e.g. "--domains-in-flight 500"), the baseline scans use
#                            these scan options instead of MAILSWEEP_BENCH_OPTS (same JVM and jar
#                            unless the two settings above say otherwise)
#   MAILSWEEP_BENCH_ROUNDS   scans of each size (default 1); with more, the summary gives medians
#   MAILSWEEP_BENCH_LATENCY_OPTS  extra scan options for the latency run
#                            (default "--dns-in-flight 4000 --domains-in-flight 8000")
#   MAILSWEEP_BENCH_PERF_SECONDS  length of each dnsperf run (default 20)
#   MAILSWEEP_BENCH_FORMAT   report formats of the scans (default xlsx, the product's default; the
#                            crash size's scans always add csv: their CSV files are compared)
#
# Needs root for apt-get (nsd, dnsdist, dnsperf, time) when they are missing, and raises
# net.core.rmem_max to 8 MiB (restored at exit) so dnsdist's sockets can absorb bursts.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd)"
export PATH="$PATH:/usr/sbin:/sbin"

IFS=',' read -r -a sizes <<<"${1:-10000,100000,1000000}"
work="$(mkdir -p "${MAILSWEEP_BENCH_DIR:-target/scale-bench}" && cd "${MAILSWEEP_BENCH_DIR:-target/scale-bench}" && pwd)"
heap="${MAILSWEEP_BENCH_HEAP:-512m}"
latency_size="${MAILSWEEP_BENCH_LATENCY:-100000}"
crash_size="${MAILSWEEP_BENCH_CRASH:-0}"
perf_seconds="${MAILSWEEP_BENCH_PERF_SECONDS:-20}"
formats="${MAILSWEEP_BENCH_FORMAT:-xlsx}"
extra_opts="${MAILSWEEP_BENCH_OPTS:-}"
jvm_opts="${MAILSWEEP_BENCH_JVM_OPTS--XX:+UseParallelGC}"
baseline_opts="${MAILSWEEP_BENCH_BASELINE_JVM_OPTS:-}"
baseline_jar="${MAILSWEEP_BENCH_BASELINE_JAR:-}"
baseline_scan_opts="${MAILSWEEP_BENCH_BASELINE_OPTS:-}"
baseline=""  # what the baseline scans differ by, for the summary; empty: no baseline scans
[[ -n "$baseline_opts" ]] && baseline="$baseline_opts"
if [[ -n "$baseline_jar" ]]; then
  [[ -f "$baseline_jar" ]] || { echo "scale-bench: error: MAILSWEEP_BENCH_BASELINE_JAR=$baseline_jar: no such file" >&2; exit 1; }
  baseline_jar="$(cd "$(dirname "$baseline_jar")" && pwd)/$(basename "$baseline_jar")"
  baseline="$baseline_jar${baseline_opts:+ with $baseline_opts}"
fi
[[ -n "$baseline_scan_opts" ]] && baseline="${baseline:+$baseline, }scan options $baseline_scan_opts"
base_jvm="${baseline_opts:-$jvm_opts}"             # what the baseline scans run with
base_scan_opts="${baseline_scan_opts:-$extra_opts}"
base_jar="${baseline_jar:-target/mailsweep.jar}"
rounds="${MAILSWEEP_BENCH_ROUNDS:-1}"
latency_opts="${MAILSWEEP_BENCH_LATENCY_OPTS:---dns-in-flight 4000 --domains-in-flight 8000}"
checks="spf,dmarc,dkim,bimi,mx,mtasts,tlsrpt"
nsd_addr=127.0.53.1
nsd_port=5353
dist_addr=127.0.53.2
console="$dist_addr:5199"

log() { echo "scale-bench: $*" >&2; }
die() { log "error: $*"; exit 1; }

largest=0
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[0-9]+$ && "$n" -ge 1000 ]] || die "sizes must be numbers of at least 1000, got '$n'"
  ((n > largest)) && largest=$n
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || die "MAILSWEEP_BENCH_ROUNDS must be a positive number, got '$rounds'"
((latency_size == 0 || latency_size <= largest)) || die "MAILSWEEP_BENCH_LATENCY=$latency_size is larger than the world"

# --- tools -----------------------------------------------------------------------------------
need=()
command -v dnsdist >/dev/null || need+=(dnsdist)
command -v dnsperf >/dev/null || need+=(dnsperf)
[[ -x /usr/bin/time ]] || need+=(time)
if ((${#need[@]} > 0)); then
  [[ "$(id -u)" == 0 ]] || die "missing ${need[*]}; install them (apt-get install ${need[*]})"
  log "installing ${need[*]} (Debian packages)"
  made_policy=""
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    # Keep the packages' maintainer scripts from starting system-wide services.
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
  fi
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } >&2 || true
  [[ -n "$made_policy" ]] && rm -f /usr/sbin/policy-rc.d
  command -v dnsdist >/dev/null && command -v dnsperf >/dev/null && [[ -x /usr/bin/time ]] \
    || die "could not install ${need[*]}"
fi

# --- build -----------------------------------------------------------------------------------
log "building"
mvn -q -DskipTests package >&2
mvn -q test-compile >&2
cp_file=target/bench.classpath
[[ -f "$cp_file" ]] || mvn -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
classpath="target/classes:target/test-classes:$(cat "$cp_file")"
sql() { java -cp "$(cat "$cp_file")" org.h2.tools.Shell -url "jdbc:h2:file:$1" -user sa -sql "$2" | sed -n '2,$p'; }

# --- world -----------------------------------------------------------------------------------
world="$work/world"
if [[ "$(cat "$world/size" 2>/dev/null)" != "$largest" ]]; then
  log "writing a world of $largest domains"
  rm -rf "$world" && mkdir -p "$world"
  java -cp "$classpath" io.mailsweep.bench.ScaleWorld "$world" "$largest" | tee "$world/mix.txt" >&2
  echo "$largest" >"$world/size"
fi
for n in "${sizes[@]}"; do
  head -n $((n + 1)) "$world/vendors.csv" >"$work/vendors-$n.csv"
done

# --- servers ---------------------------------------------------------------------------------
old_rmem="$(cat /proc/sys/net/core/rmem_max)"
dist_pid=""
cleanup() {
  [[ -n "$dist_pid" ]] && kill "$dist_pid" 2>/dev/null || true
  MAILSWEEP_NSD_RUN="$work/nsd" bash "$repo/src/test/e2e/nsd-lab.sh" stop 2>/dev/null || true
  if ((old_rmem < 8388608)); then echo "$old_rmem" >/proc/sys/net/core/rmem_max 2>/dev/null || true; fi
}
trap cleanup EXIT
if ((old_rmem < 8388608)); then
  echo 8388608 >/proc/sys/net/core/rmem_max 2>/dev/null || log "cannot raise net.core.rmem_max; bursts may be dropped"
fi

log "starting NSD with $largest domains on $nsd_addr:$nsd_port (loading takes a while for large worlds)"
MAILSWEEP_LAB_DIR="$world" MAILSWEEP_NSD_RUN="$work/nsd" MAILSWEEP_NSD_START_WAIT=900 \
  bash src/test/e2e/nsd-lab.sh start "$nsd_addr" "$nsd_port" >/dev/null

key="$(head -c 32 /dev/urandom | base64)"
# dnsdist [DELAY_MS] [LOSS] [LOG_FILE]: (re)starts dnsdist on $dist_addr:53 in front of NSD.
dnsdist_start() {
  local delay="${1:-0}" loss="${2:-0}" querylog="${3:-}" conf="$work/dnsdist.conf" i
  [[ -n "$dist_pid" ]] && { kill "$dist_pid" 2>/dev/null || true; wait "$dist_pid" 2>/dev/null || true; }
  {
    echo 'setSecurityPollSuffix("")'
    echo "setLocal(\"$dist_addr:53\")"
    echo 'setUDPSocketBufferSizes(8388608, 8388608)'
    echo "newServer({address=\"$nsd_addr:$nsd_port\", name=\"nsd\", checkInterval=3600, mustResolve=false, sockets=4}):setUp()"
    echo "controlSocket(\"$console\")"
    echo "setKey(\"$key\")"
    echo 'setConsoleConnectionsLogging(false)'
    echo 'addAction({"hang.test."}, DropAction())'
    [[ "$loss" != 0 ]] && echo "addAction(ProbaRule($loss), DropAction())"
    [[ "$delay" != 0 ]] && echo "addResponseAction(AllRule(), DelayResponseAction($delay))"
    [[ -n "$querylog" ]] && echo "addAction(AllRule(), LogAction(\"$querylog\", false, false, true))"
  } >"$conf"
  dnsdist -C "$conf" --supervised --disable-syslog >"$work/dnsdist.log" 2>&1 &
  dist_pid=$!
  for ((i = 0; i < 50; i++)); do
    dnsdist -C "$conf" -c -e 'showVersion()' >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  die "dnsdist did not start; see $work/dnsdist.log"
}
dnsdist_queries() {
  dnsdist -C "$work/dnsdist.conf" -c -e 'dumpStats()' | tr -s ' \t' '\n' | awk 'p {print; exit} $0 == "queries" {p = 1}'
}

# --- one scan --------------------------------------------------------------------------------
# scan NAME SIZE [OPTIONS...]: scans vendors-SIZE.csv into its own database with the JVM options
# in $run_jvm and the scan options in $run_opts, running $run_jar; writes NAME.* files.
run_jvm="$jvm_opts"
run_jar="target/mailsweep.jar"
run_opts="$extra_opts"
scan() {
  local name="$1" n="$2" format="$formats"
  shift 2
  ((n == crash_size)) && [[ ",$format," != *,csv,* ]] && format="$format,csv"
  rm -rf "$work/$name" && mkdir -p "$work/$name"
  local before after
  before="$(dnsdist_queries)"
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$work/$name/time.txt" java "-Xmx$heap" $run_jvm "-Xlog:gc:file=$work/$name/gc.log" \
    -jar "$run_jar" scan "$work/vendors-$n.csv" --resolver "$dist_addr:53" --canary canary.test \
    --smtp-canary none --checks "$checks" --db "jdbc:h2:file:$work/$name/db" --out "$work/$name/out" \
    --format "$format" --progress 30s $run_opts "$@" >"$work/$name/scan.out" 2>"$work/$name/scan.err" \
    || [[ $? == 3 ]] || die "scan $name failed; see $work/$name/scan.err"
  after="$(dnsdist_queries)"
  echo $((after - before)) >"$work/$name/wire-queries"
  # "STEP | ms" per line, read by the table and the medians.
  sql "$work/$name/db" "SELECT STEP_NAME, DATEDIFF('MILLISECOND', START_TIME, END_TIME) FROM BATCH_STEP_EXECUTION
    WHERE STEP_NAME IN ('importDomains', 'scanDomains', 'writeReport') ORDER BY STEP_EXECUTION_ID" >"$work/$name/steps"
}

# step_ms NAME STEP: milliseconds of one step of a finished scan.
step_ms() { awk -F'|' -v s="$2" '$1 ~ s {gsub(/ /, "", $2); print $2}' "$work/$1/steps"; }

# round_name SIZE ROUND: the folder of one round's scan (the first keeps the plain name).
round_name() { if (($2 > 1)); then echo "scan-$1-r$2"; else echo "scan-$1"; fi; }

# report NAME SIZE: one table row from a finished scan.
report() {
  local name="$1" n="$2" d="$work/$1"
  local wall rss live peak wire scan_s
  step() { awk -v ms="$(step_ms "$name" "$1")" 'BEGIN {printf "%.1f", ms / 1000}'; }
  wall="$(awk -F': ' '/Elapsed \(wall/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$d/time.txt")"
  rss="$(awk '/Maximum resident set size/ {printf "%d", $6 / 1024}' "$d/time.txt")"
  # G1's log lines: "Pause Young (Normal) (G1 Evacuation Pause) 120M->35M(256M) 3.1ms"
  live="$(grep -oE '[0-9]+M->[0-9]+M' "$d/gc.log" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)"
  peak="$(grep -oE '[0-9]+M->[0-9]+M' "$d/gc.log" | sed -E 's/([0-9]+)M->.*/\1/' | sort -n | tail -1)"
  wire="$(cat "$d/wire-queries")"
  scan_s="$(step scanDomains)"
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$(printf "%'d" "$n")" \
    "$(step importDomains)" "$scan_s" "$(step writeReport)" "$wall" \
    "$(awk -v n="$n" -v s="$scan_s" 'BEGIN {printf "%.0f", n / s}')" \
    "$(awk -v q="$wire" -v s="$scan_s" -v c="$ceiling" 'BEGIN {printf "%.0f (%.0f%%)", q / s, 100 * q / s / c}')" \
    "$rss" "${live:-?} / ${peak:-?}"
}

# --- query mix and ceiling -------------------------------------------------------------------
mix_size=$((largest < 10000 ? largest : 10000))
if [[ ! -s "$work/queries-$mix_size.txt" ]]; then
  log "recording the questions of a scan of $mix_size domains"
  rm -f "$work/querylog.txt"
  dnsdist_start 0 0 "$work/querylog.txt"
  head -n $((mix_size + 1)) "$world/vendors.csv" >"$work/vendors-mix.csv"
  rm -rf "$work/mix" && mkdir -p "$work/mix"
  java "-Xmx$heap" -jar target/mailsweep.jar scan "$work/vendors-mix.csv" --resolver "$dist_addr:53" \
    --canary canary.test --smtp-canary none --checks "$checks" --db "jdbc:h2:file:$work/mix/db" \
    --out "$work/mix/out" --progress 0s >/dev/null 2>&1 || true
  kill "$dist_pid" && wait "$dist_pid" 2>/dev/null || true
  dist_pid=""
  # "Packet from 127.0.0.1:40000 for v0000007.test. MX with id 20843"
  awk '$1 == "Packet" {print $5, $6}' "$work/querylog.txt" >"$work/queries-$mix_size.txt"
fi
log "$(wc -l <"$work/queries-$mix_size.txt") questions recorded; measuring the ceiling with dnsperf (${perf_seconds} s each)"
dnsdist_start 0 0
perf() {
  dnsperf -s "$1" -p "$2" -d "$work/queries-$mix_size.txt" -l "$perf_seconds" -c 32 -q 1000 -T 1 2>&1 \
    | awk '/Queries per second/ {printf "%.0f", $4}'
}
ceilings=()
for i in 1 2 3; do ceilings+=("$(perf "$dist_addr" 53)"); done
direct="$(perf "$nsd_addr" "$nsd_port")"
[[ -n "${ceilings[0]}" && "${ceilings[0]}" -gt 0 ]] || die "dnsperf measured nothing"
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {printf "%.0f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# --- scans -----------------------------------------------------------------------------------
runs=()      # "NAME SIZE" of every scan, reported once the ceiling is final
medians=()   # one summary line per size when there are several rounds or a baseline
for n in "${sizes[@]}"; do
  for ((r = 1; r <= rounds; r++)); do
    name="$(round_name "$n" "$r")"
    log "scanning $n domains (round $r of $rounds)"
    run_jvm="$jvm_opts" scan "$name" "$n"
    runs+=("$name $n")
    if [[ -n "$baseline" ]]; then
      log "scanning $n domains with the baseline, $baseline (round $r of $rounds)"
      run_jvm="$base_jvm" run_jar="$base_jar" run_opts="$base_scan_opts" scan "base-$n-r$r" "$n"
      runs+=("base-$n-r$r $n")
    fi
  done
done
if ((latency_size > 0)); then
  log "scanning $latency_size domains with 50 ms added to every answer and 1% of questions dropped"
  dnsdist_start 50 0.01
  # shellcheck disable=SC2086
  scan "latency-$latency_size" "$latency_size" $latency_opts
  runs+=("latency-$latency_size $latency_size")
  dnsdist_start 0 0
fi

log "measuring the ceiling again after the scans"
for i in 1 2 3; do ceilings+=("$(perf "$dist_addr" 53)"); done
ceiling="$(median "${ceilings[@]}")"
rows=()
for run in "${runs[@]}"; do
  rows+=("$(report $run)")
done
for n in "${sizes[@]}"; do
  ((rounds > 1)) || [[ -n "$baseline" ]] || continue
  mine=(); base=()
  for ((r = 1; r <= rounds; r++)); do
    mine+=("$(step_ms "$(round_name "$n" "$r")" scanDomains)")
    [[ -n "$baseline" ]] && base+=("$(step_ms "base-$n-r$r" scanDomains)")
  done
  mine_median="$(median "${mine[@]}")"
  line="$n domains, scan step ms of $rounds round(s) with ${jvm_opts:-no JVM options}: ${mine[*]} (median $mine_median)"
  if [[ -n "$baseline" ]]; then
    base_median="$(median "${base[@]}")"
    line="$line; with $baseline: ${base[*]} (median $base_median); ratio $(awk -v a="$mine_median" -v b="$base_median" 'BEGIN {printf "%.2f", a / b}')x"
  fi
  medians+=("$line")
done

# --- crash and restart -----------------------------------------------------------------------
crash_line=""
if ((crash_size > 0)); then
  [[ -d "$work/scan-$crash_size" ]] || die "MAILSWEEP_BENCH_CRASH=$crash_size must be one of the sizes"
  name="crash-$crash_size" d="$work/crash-$crash_size"
  rm -rf "$d" && mkdir -p "$d"
  kill_at=$(( (RANDOM * 32768 + RANDOM) % (crash_size * 8 / 10) + crash_size / 10 ))
  log "crash run: SIGKILL once the scan step has passed $kill_at of $crash_size domains, then restart"
  # shellcheck disable=SC2086
  java "-Xmx$heap" $jvm_opts -jar target/mailsweep.jar scan "$work/vendors-$crash_size.csv" --resolver "$dist_addr:53" \
    --canary canary.test --smtp-canary none --checks "$checks" --db "jdbc:h2:file:$d/db" --out "$d/out" \
    --format xlsx,csv --progress 1s $extra_opts >"$d/first.out" 2>"$d/first.err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    done_now="$(grep -oE '^scan: [0-9,]+' "$d/first.err" | tail -1 | tr -dc '0-9' || true)"
    if [[ -n "$done_now" ]] && ((done_now >= kill_at && done_now < crash_size)); then
      kill -KILL "$pid"
      break
    fi
    sleep 0.2
  done
  wait "$pid" 2>/dev/null || true
  committed="$(sql "$d/db" "SELECT COUNT(*) FROM domain_result" | head -1 | tr -dc '0-9')"
  java "-Xmx$heap" $jvm_opts -jar target/mailsweep.jar restart 1 --db "jdbc:h2:file:$d/db" >"$d/second.out" 2>"$d/second.err" \
    || [[ $? == 3 ]] || die "restart failed; see $d/second.err"
  counts="$(sql "$d/db" "SELECT (SELECT COUNT(*) FROM input_row WHERE disposition = 'ACCEPTED') AS a,
    (SELECT COUNT(*) FROM domain_result) AS b, (SELECT COUNT(DISTINCT input_row_id) FROM domain_result) AS c" \
    | head -1)"
  # The CSV reports of the two runs must be equal once the columns that name the run are dropped.
  same="different"
  # Each run probes one random DKIM selector (ms-<16 hex>) to detect wildcard answers: masked.
  # Domains under hang.test never get an answer; how many of their lookups failed before the
  # domain deadline cut them off depends on timing, so their lines are compared apart.
  masked() { sed -E 's/\bms-[0-9a-f]{16}\b/ms-#/g' "$1" | grep -v '\.hang\.test,' | sort; }
  a="$(ls "$work/scan-$crash_size"/out/*.csv 2>/dev/null | grep -v -- '-findings.csv$' | head -1)"
  b="$(ls "$d"/out/*.csv 2>/dev/null | grep -v -- '-findings.csv$' | head -1)"
  if [[ -n "$a" && -n "$b" ]] && cmp -s <(masked "$a") <(masked "$b") \
    && cmp -s <(masked "${a%.csv}-findings.csv") <(masked "${b%.csv}-findings.csv"); then
    same="identical"
  fi
  crash_line="crash run of $crash_size: killed after $committed committed results; after restart accepted | results | distinct = $counts; CSV reports $same to the uninterrupted run's (domains under hang.test, never answered, compared apart: all INCONCLUSIVE in both: $(grep -c '\.hang\.test,.*INCONCLUSIVE' "$b") of $(grep -c '\.hang\.test,' "$b"))"
fi

# --- table -----------------------------------------------------------------------------------
echo
echo "== scale benchmark, $(nproc) cores, JDK $(java -version 2>&1 | awk -F'"' '/version/ {print $2}'), -Xmx$heap, checks $checks"
echo "world: $(cat "$world/mix.txt")"
echo "dnsperf ceiling on the recorded mix of $(wc -l <"$work/queries-$mix_size.txt") questions: $ceiling q/s through dnsdist (the scanner's path; median of ${ceilings[*]}, three runs before the scans and three after), $direct q/s straight to NSD"
echo
echo "| run | domains | import s | scan s | report s | wall s | domains/s (scan) | DNS q/s on the wire (% of ceiling) | peak RSS MiB | heap live / peak MiB |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
((${#medians[@]} > 0)) && { echo; printf '%s\n' "${medians[@]}"; }
[[ -n "$crash_line" ]] && { echo; echo "$crash_line"; }
echo
echo "formats: $formats (csv added at the crash size); extra options: ${extra_opts:-none}; JVM options: ${jvm_opts:-none}${baseline:+ (baseline runs: $baseline)}; latency run: ${latency_opts}"
