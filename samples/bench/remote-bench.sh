#!/usr/bin/env bash
# Remote partitioning benchmark: one scan run on this machine, its partitions executed by the
# manager's own threads (the baseline), by one worker, and by two workers, against the same
# synthetic world served by Debian's NSD on a loopback address, with the results in PostgreSQL
# and the partition requests through RabbitMQ (both on 127.0.0.1, as on every machine of this
# project).
#
#   bash samples/bench/remote-bench.sh [DOMAINS] [ROUNDS]     defaults 100000 and 3
#
# Each round runs the three modes one after the other (local, 1 worker, 2 workers) into fresh
# databases; the table shows each mode's median scan step time, domains/s and the ratio to the
# local baseline of the same rounds. Every run uses --threads 4 --partitions 16, and every worker
# --partitions-at-once 4, so one worker has the concurrency of the local run and two have twice
# it. Checks are the DNS-only ones (spf,dmarc,dkim,bimi,mx,mtasts,tlsrpt): nothing but DNS
# leaves the processes.
#
# Settings (environment): MAILSWEEP_BENCH_DIR (default target/remote-bench), MAILSWEEP_BENCH_HEAP
# (-Xmx of every JVM, default 512m), MAILSWEEP_BENCH_PGUSER (default postgres).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PATH:/usr/sbin:/sbin"

domains="${1:-100000}"
rounds="${2:-3}"
work="$(mkdir -p "${MAILSWEEP_BENCH_DIR:-target/remote-bench}" && cd "${MAILSWEEP_BENCH_DIR:-target/remote-bench}" && pwd)"
heap="${MAILSWEEP_BENCH_HEAP:-512m}"
pguser="${MAILSWEEP_BENCH_PGUSER:-postgres}"
checks="spf,dmarc,dkim,bimi,mx,mtasts,tlsrpt"
nsd_addr=127.0.54.1
nsd_port=5353
log() { echo "remote-bench: $*" >&2; }
die() { log "error: $*"; exit 1; }

[[ "$domains" =~ ^[0-9]+$ && "$domains" -ge 1000 ]] || die "DOMAINS must be a number of at least 1000"
[[ "$rounds" =~ ^[0-9]+$ && "$rounds" -ge 1 ]] || die "ROUNDS must be at least 1"
command -v psql >/dev/null || die "psql is missing (PostgreSQL client)"
psql -h 127.0.0.1 -U "$pguser" -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1 || die "no PostgreSQL on 127.0.0.1:5432"
(exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null || die "no RabbitMQ on 127.0.0.1:5672"

log "building"
mvn -q -DskipTests package >&2
mvn -q test-compile >&2
cp_file=target/bench.classpath
[[ -f "$cp_file" ]] || mvn -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
classpath="target/classes:target/test-classes:$(cat "$cp_file")"

world="$work/world"
if [[ "$(cat "$world/size" 2>/dev/null)" != "$domains" ]]; then
  log "writing a world of $domains domains"
  rm -rf "$world" && mkdir -p "$world"
  java -cp "$classpath" io.mailsweep.bench.ScaleWorld "$world" "$domains" >"$world/mix.txt"
  echo "$domains" >"$world/size"
fi

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  MAILSWEEP_NSD_RUN="$work/nsd" bash src/test/e2e/nsd-lab.sh stop 2>/dev/null || true
}
trap cleanup EXIT
log "starting NSD on $nsd_addr:$nsd_port"
MAILSWEEP_LAB_DIR="$world" MAILSWEEP_NSD_RUN="$work/nsd" MAILSWEEP_NSD_START_WAIT=600 \
  bash src/test/e2e/nsd-lab.sh start "$nsd_addr" "$nsd_port" >/dev/null

export SPRING_DATASOURCE_USERNAME="$pguser"
# run MODE ROUND: one scan into a database of its own; prints the scan step's seconds.
run() {
  local mode="$1" round="$2" name="$1-$2" workers=0 i
  local db="mailsweep_bench_${mode//-/_}_$round"
  [[ "$mode" == worker-* ]] && workers="${mode#worker-}"
  psql -h 127.0.0.1 -U "$pguser" -d postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  local url="jdbc:postgresql://127.0.0.1:5432/$db"
  rm -rf "$work/$name" && mkdir -p "$work/$name"
  export MAILSWEEP_REMOTE_QUEUE="mailsweep.bench.$name.$$"
  pids=()
  for ((i = 1; i <= workers; i++)); do
    java "-Xmx$heap" -jar target/mailsweep.jar worker --db "$url" --partitions-at-once 4 \
      >"$work/$name/worker-$i.log" 2>&1 &
    pids+=($!)
  done
  for ((i = 1; i <= workers; i++)); do
    until grep -q "taking partitions" "$work/$name/worker-$i.log"; do
      kill -0 "${pids[$((i - 1))]}" 2>/dev/null || die "worker $i of $name did not start; see $work/$name/worker-$i.log"
      sleep 0.2
    done
  done
  java "-Xmx$heap" -jar target/mailsweep.jar scan "$world/vendors.csv" --resolver "$nsd_addr:$nsd_port" \
    --canary canary.test --smtp-canary none --checks "$checks" --db "$url" --out "$work/$name/out" \
    --format csv --progress 30s --threads 4 --partitions 16 --workers "$([[ $workers == 0 ]] && echo local || echo amqp)" \
    >"$work/$name/scan.out" 2>"$work/$name/scan.err" || [[ $? == 3 ]] || die "scan $name failed; see $work/$name/scan.err"
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  pids=()
  psql -h 127.0.0.1 -U "$pguser" -d "$db" -Atc "SELECT EXTRACT(EPOCH FROM END_TIME - START_TIME)
    FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = 'scanDomains'"
  local got
  got="$(psql -h 127.0.0.1 -U "$pguser" -d "$db" -Atc "SELECT COUNT(*) FROM domain_result")"
  [[ "$got" -gt 0 ]] || die "$name stored no results"
  if ((workers > 0)); then
    for ((i = 1; i <= workers; i++)); do
      log "$name: worker $i executed $(grep -c 'completed:' "$work/$name/worker-$i.log" || true) partitions"
    done
  fi
  psql -h 127.0.0.1 -U "$pguser" -d postgres -qc "DROP DATABASE $db" >/dev/null
  # The run's queue is empty now; the broker keeps durable queues until they are deleted.
  rabbitmqctl delete_queue -q "$MAILSWEEP_REMOTE_QUEUE" >/dev/null 2>&1 || log "queue $MAILSWEEP_REMOTE_QUEUE left on the broker"
}

declare -A times
modes=(local worker-1 worker-2)
for ((r = 1; r <= rounds; r++)); do
  for m in "${modes[@]}"; do
    log "round $r: $m"
    times[$m]+="$(run "$m" "$r") "
  done
done

median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
base="$(median <<<"${times[local]}")"
echo
echo "== remote partitioning benchmark, $domains domains, $rounds round(s), $(nproc) cores, JDK $(java -version 2>&1 | awk -F'"' '/version/ {print $2}'), -Xmx$heap each"
echo "world: $(cat "$world/mix.txt")"
echo
echo "| partitions executed by | scan step s (median; all rounds) | domains/s | × local |"
echo "| --- | --- | --- | --- |"
for m in "${modes[@]}"; do
  med="$(median <<<"${times[$m]}")"
  label="$m"
  [[ "$m" == local ]] && label="the manager's 4 threads (baseline)"
  [[ "$m" == worker-1 ]] && label="1 worker, 4 partitions at once"
  [[ "$m" == worker-2 ]] && label="2 workers, 4 partitions at once each"
  printf '| %s | %.1f (%s) | %.0f | %.2f |\n' "$label" "$med" "$(echo ${times[$m]})" \
    "$(awk -v n="$domains" -v s="$med" 'BEGIN {print n / s}')" "$(awk -v b="$base" -v s="$med" 'BEGIN {print b / s}')"
done
