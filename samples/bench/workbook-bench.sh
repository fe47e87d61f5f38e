#!/usr/bin/env bash
# Workbook cost at scale: fills file H2 databases with BASELINE and DOMAINS synthetic domains (eight
# checks each, DNS evidence, about three findings; WorkbookBench), writes each run's report in its
# own JVM at -Xmx512m ROUNDS times, and prints the medians of wall time, peak RSS (/usr/bin/time)
# and heap (peak, and the largest live set after a collection), with DOMAINS/BASELINE ratios.
# Then LibreOffice headless opens the DOMAINS workbook (Summary exported as CSV) to prove it opens.
#
#   bash samples/bench/workbook-bench.sh [DOMAINS=100000] [BASELINE=10000] [ROUNDS=3] [FORMATS=xlsx]
#
# Work files go to ${MAILSWEEP_BENCH_DIR:-target/workbook-bench} (about 0.5 GB for 100,000).
set -euo pipefail
cd "$(dirname "$0")/../.."
domains="${1:-100000}"
baseline="${2:-10000}"
rounds="${3:-3}"
formats="${4:-xlsx}"
heap="${MAILSWEEP_BENCH_HEAP:-512m}"
work="$(mkdir -p "${MAILSWEEP_BENCH_DIR:-target/workbook-bench}" && cd "${MAILSWEEP_BENCH_DIR:-target/workbook-bench}" && pwd)"
[ -x /usr/bin/time ] || { echo "workbook-bench: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 1; }

mvn -q -o test-compile 2>/dev/null || mvn -q test-compile
cp_file=target/bench.classpath
[ -f "$cp_file" ] || mvn -q dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
bench() { java "-Xmx$heap" -cp "target/classes:target/test-classes:$(cat "$cp_file")" io.mailsweep.bench.WorkbookBench "$@"; }
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

for n in "$baseline" "$domains"; do
  rm -f "$work/db$n".*
  echo "== fill $n domains"
  bench fill "jdbc:h2:file:$work/db$n" "$n" 2>/dev/null | grep '^filled'
done

declare -A wall rss peak live size
for n in "$baseline" "$domains"; do
  : >"$work/rounds-$n.txt"
  for r in $(seq 1 "$rounds"); do
    /usr/bin/time -v -o "$work/time-$n.txt" java "-Xmx$heap" \
      -cp "target/classes:target/test-classes:$(cat "$cp_file")" io.mailsweep.bench.WorkbookBench \
      write "jdbc:h2:file:$work/db$n" "$work/report-$n" "$formats" >"$work/write-$n.txt" 2>/dev/null
    line="$(grep '^wrote' "$work/write-$n.txt")"
    echo "   $n domains, round $r: $line"
    echo "$(sed -E 's/.* in ([0-9.]+) s;.*/\1/' <<<"$line") \
$(awk '/Maximum resident set size/ {printf "%d", $6/1024}' "$work/time-$n.txt") \
$(sed -E 's/.*heap peak ([0-9]+) MiB.*/\1/' <<<"$line") \
$(sed -E 's/.*after GC ([0-9]+) MiB.*/\1/' <<<"$line")" >>"$work/rounds-$n.txt"
  done
  wall[$n]=$(awk '{print $1}' "$work/rounds-$n.txt" | median)
  rss[$n]=$(awk '{print $2}' "$work/rounds-$n.txt" | median)
  peak[$n]=$(awk '{print $3}' "$work/rounds-$n.txt" | median)
  live[$n]=$(awk '{print $4}' "$work/rounds-$n.txt" | median)
  size[$n]=$(grep -E '^  ' "$work/write-$n.txt" | awk '{printf "%s %s MB; ", $1, $2}')
done

echo
echo "== report ($formats) at -Xmx$heap, JDK $(java -version 2>&1 | awk -F'"' '/version/ {print $2}'), medians of $rounds"
printf '| %-9s | %8s | %13s | %13s | %20s |\n' domains "wall s" "peak RSS MiB" "heap peak MiB" "live after GC MiB"
for n in "$baseline" "$domains"; do
  printf '| %9d | %8.1f | %13d | %13d | %20d |\n' "$n" "${wall[$n]}" "${rss[$n]}" "${peak[$n]}" "${live[$n]}"
done
awk -v d="$domains" -v b="$baseline" -v w1="${wall[$baseline]}" -v w2="${wall[$domains]}" \
  -v r1="${rss[$baseline]}" -v r2="${rss[$domains]}" -v l1="${live[$baseline]}" -v l2="${live[$domains]}" \
  'BEGIN {printf "ratios %d/%d: domains %.1fx, wall %.2fx, peak RSS %.2fx, live heap %.2fx\n", d, b, d/b, w2/w1, r2/r1, l2/l1}'
for n in "$baseline" "$domains"; do echo "files for $n: ${size[$n]}"; done

# The live heap above includes H2's page cache, which fills up to its limit on the larger database.
# With the cache held at 4 MB what remains is the writer's own memory; and the large run must
# also succeed in a quarter of the heap.
echo
echo "== the writer's own memory: H2 page cache at 4 MB; then $domains domains at -Xmx128m"
for n in "$baseline" "$domains"; do
  echo "   $n domains, CACHE_SIZE=4096: $(bench write "jdbc:h2:file:$work/db$n;CACHE_SIZE=4096" "$work/cache-$n" "$formats" \
    2>/dev/null | grep '^wrote')"
done
/usr/bin/time -v -o "$work/time-small.txt" java -Xmx128m -cp "target/classes:target/test-classes:$(cat "$cp_file")" \
  io.mailsweep.bench.WorkbookBench write "jdbc:h2:file:$work/db$domains" "$work/small-$domains" "$formats" \
  >"$work/write-small.txt" 2>&1 || { echo "failed at -Xmx128m; see $work/write-small.txt" >&2; exit 1; }
echo "   $domains domains at -Xmx128m: $(grep '^wrote' "$work/write-small.txt");" \
  "peak RSS $(awk '/Maximum resident set size/ {printf "%d", $6/1024}' "$work/time-small.txt") MiB"

if [[ ",$formats," == *,xlsx,* ]] && command -v soffice >/dev/null; then
  echo
  echo "== LibreOffice headless opens the $domains-domain workbook (Summary exported as CSV)"
  rm -rf "$work/lo" && mkdir -p "$work/lo"
  /usr/bin/time -v -o "$work/lo/time.txt" timeout 3600 soffice --headless --norestore --nolockcheck \
    "-env:UserInstallation=file://$work/lo/profile" --convert-to csv --outdir "$work/lo" \
    "$work/report-$domains.xlsx" >"$work/lo/soffice.log" 2>&1
  summary="$work/lo/report-$domains.csv"
  grep -q "mailsweep e-mail security compliance report" "$summary" \
    && grep -q "Domains scanned,$domains" "$summary" \
    && echo "opened: $(awk -F': ' '/Elapsed \(wall/ {print $2}' "$work/lo/time.txt") wall," \
      "peak RSS $(awk '/Maximum resident set size/ {printf "%d", $6/1024}' "$work/lo/time.txt") MiB;" \
      "Summary says: $(grep -m1 'Domains scanned' "$summary")" \
    || { echo "LibreOffice did not export the Summary; see $work/lo/soffice.log" >&2; exit 1; }
fi
