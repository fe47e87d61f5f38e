#!/usr/bin/env bash
# End-to-end: the packaged jar scans the lab list against NSD from Debian on a loopback address,
# and the results are checked in its output, its exit codes and the workbook's XML.
# Needs target/mailsweep.jar (mvn verify or mvn package). Loopback traffic only.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../../.." && pwd)"
cd "$ROOT"
JAR="$ROOT/target/mailsweep.jar"
WORK="$ROOT/target/e2e"
ADDR=127.0.25.53
PORT=5353
failures=0

passes=0
check() { # description, command...
  local what="$1"; shift
  if "$@"; then echo "ok   - $what"; passes=$((passes + 1)); else echo "FAIL - $what"; failures=$((failures + 1)); fi
}

# Prints the cells of the Domains-sheet row of a domain, joined by '|'.
domain_row() {
  python3 - "$1" "$2" <<'PY'
import re, sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet2.xml").decode()
for row in re.findall(r"<row[^>]*>(.*?)</row>", xml, re.S):
    cells = re.findall(r"<c [^>]*>(?:<is><t>|<v>)(.*?)(?:</t></is>|</v>)</c>", row, re.S)
    if len(cells) > 1 and cells[1] == sys.argv[2]:
        print("|" + "|".join(cells) + "|")
PY
}
export -f domain_row

[ -f "$JAR" ] || { echo "run-e2e: $JAR is missing; run mvn verify first" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK"

bash "$SCRIPT_DIR/nsd-lab.sh" start "$ADDR" "$PORT"
trap 'bash "$SCRIPT_DIR/nsd-lab.sh" stop || true' EXIT

echo "== lab list against NSD (job file)"
set +e
rm -rf target/lab-data target/lab-report
java -jar "$JAR" run jobs/lab.yml >"$WORK/lab.out" 2>"$WORK/lab.err"
code=$?
set -e
cat "$WORK/lab.out"
check "lab scan exits 0 (every lab domain conclusive under NSD)" test "$code" -eq 0
check "input counted: 17 accepted, 3 duplicate, 5 rejected" \
  grep -q "25 rows: 17 accepted, 3 duplicate, 5 rejected" "$WORK/lab.out"
check "resolver trusted via the canary" grep -q "resolver: OK" "$WORK/lab.out"
report=$(ls target/lab-report/mailsweep-report-*.xlsx)
check "workbook has its six sheets" bash -c "unzip -p '$report' xl/workbook.xml | grep -q \
  'name=\"Summary\".*name=\"Domains\".*name=\"Findings\".*name=\"Evidence\".*name=\"Rejected input\".*name=\"Run info\"'"
check "Summary has its two charts" bash -c "unzip -l '$report' | grep -c 'xl/charts/chart[0-9]*.xml' | grep -qx 2"
check "Evidence shows the DNS answers" bash -c "unzip -p '$report' xl/worksheets/sheet4.xml | grep -q 'v=DMARC1; p=reject'"
check "Run info lists the job parameters" bash -c "unzip -p '$report' xl/sharedStrings.xml xl/worksheets/sheet7.xml \
  | grep -q 'dns.timeout.ms'"
check "no formula anywhere in the workbook" bash -c "! unzip -p '$report' 'xl/worksheets/*.xml' | grep -q '<f>'"
check "formula-looking vendor name kept as text" bash -c "unzip -p '$report' xl/worksheets/sheet2.xml \
  | grep -q '=HYPERLINK(&quot;http://127.0.0.1/&quot;,&quot;x&quot;)'"
check "IDN domain scanned as its A-label" bash -c "unzip -p '$report' xl/worksheets/sheet2.xml | grep -q 'xn--bcher-kva.test'"
check "split SPF record (two strings) is valid" bash -c "domain_row '$report' split.test | grep -q '|valid; -all; 0 lookups|'"
check "long SPF record read over TCP and flagged" bash -c "domain_row '$report' longspf.test | grep -q '|WARN|valid; -all'"
check "two SPF records are a permerror" bash -c "domain_row '$report' twospf.test | grep -q 'permerror: 2 SPF records'"
check "SPF_NEEDS_TCP finding listed" bash -c "unzip -p '$report' xl/worksheets/sheet3.xml | grep -q 'SPF_NEEDS_TCP'"
check "DKIM key found with its real size" bash -c "domain_row '$report' good.test | grep -q 'selector1: rsa 2048'"
check "1024-bit testing DKIM key reported" bash -c "domain_row '$report' quarantine.test | grep -q 'google: rsa 1024 (t=y)'"
check "BIMI without DMARC enforcement reported" bash -c "domain_row '$report' monitor.test | grep -q 'DMARC not at enforcement'"
check "DMARC strength and reporting shown" bash -c "domain_row '$report' good.test | grep -q 'p=reject; pct=100; rua ok'"
check "missing DMARC reported as a finding" bash -c "unzip -p '$report' xl/worksheets/sheet3.xml | grep -q 'DMARC_MISSING'"
check "rejected rows listed with reasons" bash -c "unzip -p '$report' xl/worksheets/sheet6.xml | grep -q 'IP address, not a domain'"
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then
  check "LibreOffice prints the workbook" bash samples/bench/render-workbook.sh "$report" "$WORK/render" 2
fi

echo "== a domain NSD refuses is inconclusive, never missing"
printf 'domain\ngood.test\nvendor.example\n' >"$WORK/refused.csv"
set +e
java -jar "$JAR" scan "$WORK/refused.csv" --resolver "$ADDR:$PORT" --canary canary.test \
  --dns-timeout 1s --dns-retries 0 --progress 0s --out "$WORK/refused" \
  --db "jdbc:h2:file:$WORK/db/mailsweep" >"$WORK/refused.out" 2>"$WORK/refused.err"
code=$?
set -e
cat "$WORK/refused.out"
check "exit code 3 when a domain is inconclusive" test "$code" -eq 3
check "the REFUSED answer is the reason" bash -c "unzip -p \$(ls '$WORK'/refused/*.xlsx) xl/worksheets/sheet2.xml | grep -q 'REFUSED'"

echo "== bad input is a usage error, not a stack trace"
set +e
java -jar "$JAR" scan "$WORK/no-such-file.csv" >"$WORK/missing.out" 2>"$WORK/missing.err"
code=$?
set -e
check "missing input exits 2" test "$code" -eq 2
check "missing input explained in one line" bash -c "grep -q 'does not exist' '$WORK/missing.err' && ! grep -q 'Exception' '$WORK/missing.err'"

echo "e2e: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
