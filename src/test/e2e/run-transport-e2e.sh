#!/usr/bin/env bash
# End-to-end for the transport checks (mx, starttls, mtasts, tlsrpt, dane) and the mail-access
# check (access): the packaged jar scans samples/lab/vendors-transport.csv and
# samples/lab/vendors-access.csv against the transport lab (transport-lab.sh: NSD with test. and a
# signed tls.test., Postfix, nginx, Dovecot, all on loopback), then the workbooks, the exit codes
# and the servers' own logs are checked: statuses per domain and check, and the finding or detail
# that names the reason, matched loosely (case-insensitive regular expressions).
#
#   run-transport-e2e.sh              lab start + selftest, the scans and their expectations, lab stop
#   run-transport-e2e.sh --lab-only   lab start + selftest + stop only (no jar needed)
#
# Needs target/mailsweep.jar (mvn package) for the scans. Loopback traffic only.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../../.." && pwd)"
cd "$ROOT"
JAR="$ROOT/target/mailsweep.jar"
WORK="$ROOT/target/transport-e2e"
export MAILSWEEP_LAB_RUN="${MAILSWEEP_LAB_RUN:-${TMPDIR:-/tmp}/mailsweep-lab}"
RUN="$MAILSWEEP_LAB_RUN"
LAB_ONLY=""
case "${1:-}" in
  "") ;;
  --lab-only) LAB_ONLY=1 ;;
  *) echo "usage: run-transport-e2e.sh [--lab-only]" >&2; exit 2 ;;
esac

failures=0
passes=0
check() { # description, command...
  local what="$1"; shift
  if "$@"; then echo "ok   - $what"; passes=$((passes + 1)); else echo "FAIL - $what"; failures=$((failures + 1)); fi
}

# cell SHEET KEY_COLUMN KEY COLUMN: the COLUMN value of every row of SHEET whose KEY_COLUMN is KEY,
# one per line; the header row is the first row holding both column names.
# cell SHEET --rows VALUE: every row of SHEET with a cell equal to VALUE, cells joined by '|'.
cell() {
  python3 - "$REPORT" "$@" <<'PY'
import re, sys, zipfile
import xml.etree.ElementTree as ET
path, sheet, key_col, key = sys.argv[1:5]
M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
z = zipfile.ZipFile(path)
rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
ids = [s.get(R + "id") for s in ET.fromstring(z.read("xl/workbook.xml")).iter(M + "sheet") if s.get("name") == sheet]
if not ids:
    sys.exit("no sheet named " + sheet)
target = rels[ids[0]].lstrip("/")
xml = ET.fromstring(z.read(target if target.startswith("xl/") else "xl/" + target))
shared = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si"):
        shared.append("".join(t.text or "" for t in si.iter(M + "t")))
def value(c):
    if c.get("t") == "inlineStr":
        return "".join(t.text or "" for t in c.iter(M + "t"))
    v = c.find(M + "v")
    if v is None:
        return ""
    return shared[int(v.text)] if c.get("t") == "s" else v.text
rows = [{re.sub(r"\d", "", c.get("r")): value(c) for c in row.iter(M + "c")} for row in xml.iter(M + "row")]
if key_col == "--rows":
    for cells in rows:
        if key in cells.values():
            print("|" + "|".join(cells.values()) + "|")
    sys.exit(0)
col = sys.argv[5]
header = None
for cells in rows:
    if header is None:
        names = {v: k for k, v in cells.items()}
        if key_col in names and col in names:
            header = (names[key_col], names[col])
    elif cells.get(header[0]) == key:
        print(cells.get(header[1], ""))
PY
}

# status_is CHECK DOMAIN REGEX: the Domains-sheet status of CHECK for DOMAIN matches REGEX.
status_is() { [[ "$(cell Domains Domain "$2" "$1")" =~ ^($3)$ ]]; }
# detail_has CHECK DOMAIN REGEX: the CHECK detail cell of DOMAIN matches REGEX (case-insensitive).
detail_has() { cell Domains Domain "$2" "$1 detail" | grep -Eqi -- "$3"; }
# finding_has CHECK DOMAIN REGEX: a Findings-sheet row of DOMAIN for CHECK has a code matching REGEX.
finding_has() {
  paste <(cell Findings Domain "$2" Check) <(cell Findings Domain "$2" Code) |
    grep -Ei -- "^$1"$'\t'".*($3)" >/dev/null
}
# access_has ADDRESS PORT REGEX: the Mail access row of ADDRESS and PORT matches REGEX (case-insensitive).
access_has() { cell "Mail access" --rows "$1" | grep -E -- "\|$2(\.0)?\|" | grep -Eqi -- "$3"; }
# login_is DOMAIN VALUE: the Domains-sheet "Login before TLS" cell of DOMAIN is VALUE.
login_is() { [[ "$(cell Domains Domain "$1" "Login before TLS")" == "$2" ]]; }
# has_sheet NAME: the workbook has a sheet called NAME.
has_sheet() { python3 -c 'import sys, zipfile; sys.exit(0 if ("name=\"" + sys.argv[2] + "\"").encode() in zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml") else 1)' "$REPORT" "$1"; }
# server_has ADDRESS REGEX: a Mail servers row holding ADDRESS matches REGEX (case-insensitive).
server_has() { cell "Mail servers" --rows "$1" | grep -Eqi -- "$2"; }
# worst_tls_is DOMAIN VERSION: the Domains-sheet "Worst TLS" cell of DOMAIN is VERSION.
worst_tls_is() { [[ "$(cell Domains Domain "$1" "Worst TLS")" == "$2" ]]; }
# new_log FILE OFFSET: the lines FILE gained after byte OFFSET.
new_log() { tail -c +"$(($2 + 1))" "$1"; }

bash "$SCRIPT_DIR/transport-lab.sh" start
trap 'bash "$SCRIPT_DIR/transport-lab.sh" stop >/dev/null || true' EXIT

echo "== transport lab selftest (NSD, Postfix, nginx, Dovecot)"
set +e
bash "$SCRIPT_DIR/transport-lab.sh" selftest >"$RUN/selftest.out" 2>&1
code=$?
set -e
grep -E "^(FAIL|[a-z-]+: selftest)" "$RUN/selftest.out" || true
check "transport lab selftest passes (output: $RUN/selftest.out)" test "$code" -eq 0

if [[ -z "$LAB_ONLY" ]]; then
  [ -f "$JAR" ] || { echo "run-transport-e2e: $JAR is missing; run mvn package first" >&2; exit 1; }
  rm -rf "$WORK" && mkdir -p "$WORK"
  maillog="$RUN/postfix/maillog"
  accesslog="$RUN/nginx/access.log"
  mail_at="$(stat -c %s "$maillog")"
  http_at="$(stat -c %s "$accesslog")"

  echo "== transport list against the lab"
  set +e
  java -jar "$JAR" scan samples/lab/vendors-transport.csv --resolver 127.0.25.53:5353 \
    --canary canary.test --checks mx,starttls,mtasts,tlsrpt,dane --allow-targets 127.0.25.0/24 \
    --trust-ca "$RUN/ca.pem" --dnssec-trust-anchor "$RUN/tls.test.anchor" --smtp-canary mx1.tls.test \
    --progress 0s --out "$WORK/out" --db "jdbc:h2:file:$WORK/db/mailsweep" >"$WORK/scan.out" 2>"$WORK/scan.err"
  code=$?
  set -e
  cat "$WORK/scan.out"
  [[ ! -s "$WORK/scan.err" ]] || { echo "-- stderr:"; head -n 20 "$WORK/scan.err"; }
  new_log "$maillog" "$mail_at" >"$WORK/maillog"
  new_log "$accesslog" "$http_at" >"$WORK/access.log"

  check "exit code 3: refused.tls.test and private.tls.test could not be tested" test "$code" -eq 3
  check "input counted: 13 accepted" grep -q "13 accepted" "$WORK/scan.out"
  check "resolver trusted via the canary" grep -q "resolver: OK" "$WORK/scan.out"
  REPORT="$(ls "$WORK"/out/*.xlsx 2>/dev/null | head -n 1)" || true
  check "a workbook was written" test -n "$REPORT"
  REPORT="${REPORT:-/nonexistent}"
  check "workbook has a Mail servers sheet" cell "Mail servers" --rows "no such cell"

  echo "-- MX, TLS-RPT"
  check "good: MX PASS" status_is MX good.tls.test PASS
  check "good: TLS-RPT PASS with its rua" status_is TLS-RPT good.tls.test PASS
  check "nostarttls: TLS-RPT WARN (no record)" status_is TLS-RPT nostarttls.tls.test WARN

  echo "-- STARTTLS"
  check "good: STARTTLS PASS" status_is STARTTLS good.tls.test PASS
  check "dane: STARTTLS PASS (same MX host as good)" status_is STARTTLS dane.tls.test PASS
  check "nostarttls: STARTTLS FAIL" status_is STARTTLS nostarttls.tls.test FAIL
  check "nostarttls: reason is STARTTLS not offered" \
    finding_has STARTTLS nostarttls.tls.test "NO_STARTTLS|NOT_OFFERED|MISSING"
  check "expired: STARTTLS WARN or FAIL" status_is STARTTLS expired.tls.test "WARN|FAIL"
  check "expired: certificate-expired finding" finding_has STARTTLS expired.tls.test "EXPIRED"
  check "wrongname: STARTTLS WARN or FAIL" status_is STARTTLS wrongname.tls.test "WARN|FAIL"
  check "wrongname: name-mismatch finding" finding_has STARTTLS wrongname.tls.test "NAME|MISMATCH"
  check "selfsigned: STARTTLS WARN or FAIL" status_is STARTTLS selfsigned.tls.test "WARN|FAIL"
  check "selfsigned: untrusted-certificate finding" finding_has STARTTLS selfsigned.tls.test "UNTRUSTED|SELF_SIGNED|CHAIN"
  check "dane-bad: STARTTLS PASS (its certificate is valid; only DANE fails)" \
    status_is STARTTLS dane-bad.tls.test PASS
  check "expired: Postfix defaults accept TLS 1.0 (worst version shown)" worst_tls_is expired.tls.test TLSv1
  check "expired: legacy-version finding (Postfix defaults)" finding_has STARTTLS expired.tls.test TLS_LEGACY_VERSION
  check "expired: weak-suite finding (Postfix defaults allow anonymous suites)" \
    finding_has STARTTLS expired.tls.test TLS_WEAK_CIPHER
  check "good: hardened mx1 accepts TLS 1.2 at worst" worst_tls_is good.tls.test TLSv1.2
  check "Mail servers: mx1 negotiated TLSv1.3, certificate valid" server_has 127.0.25.25 "TLSv1.3.*valid"
  check "refused: STARTTLS INCONCLUSIVE (could not test is never failed)" \
    status_is STARTTLS refused.tls.test INCONCLUSIVE
  check "refused: the reason names the refused connection" detail_has STARTTLS refused.tls.test "refused"
  check "refused: Mail servers row of 127.0.25.29 says refused" server_has 127.0.25.29 "refused"
  check "private: STARTTLS INCONCLUSIVE, not tested" status_is STARTTLS private.tls.test INCONCLUSIVE
  check "private: the reason is the target guard" detail_has STARTTLS private.tls.test "allow|not allowed|outside|refus"
  check "private: Mail servers row of 127.0.99.1 not contacted" server_has 127.0.99.1 "allow|not allowed|outside|not contacted"
  check "private: Postfix logged the scan's connections to mx1 (.25) but none to 127.0.99.1" \
    bash -c "grep -q 'lab-mx1/smtpd.*connect from' '$WORK/maillog' && ! grep -q 'lab-private/' '$WORK/maillog'"
  check "control: Postfix logged the scan's STARTTLS to mx1" grep -q "lab-mx1/smtpd.*TLS connection established" "$WORK/maillog"
  check "no mail was queued by the scan" bash -c "! grep -Eq '/(cleanup|qmgr)\\[' '$WORK/maillog'"

  echo "-- MTA-STS"
  check "good: MTA-STS PASS, mode enforce" status_is MTA-STS good.tls.test PASS
  check "good: detail shows enforce" detail_has MTA-STS good.tls.test "enforce"
  check "testing: MTA-STS WARN, mode testing" status_is MTA-STS testing.tls.test WARN
  check "testing: detail shows testing" detail_has MTA-STS testing.tls.test "testing"
  check "redirect: MTA-STS FAIL" status_is MTA-STS redirect.tls.test FAIL
  check "redirect: the reason is the HTTP redirect (301)" detail_has MTA-STS redirect.tls.test "301|redirect"
  good_gets="$(grep -c ' mta-sts.good.tls.test "GET' "$WORK/access.log" || true)"
  testing_gets="$(grep -c ' mta-sts.testing.tls.test "GET' "$WORK/access.log" || true)"
  check "redirect: the 301 was not followed (good's policy fetched as often as testing's, $good_gets vs $testing_gets)" \
    test "$good_gets" -ge 1 -a "$good_gets" -eq "$testing_gets"
  check "redirect: the redirecting URL was fetched" grep -q ' mta-sts.redirect.tls.test "GET .* 301$' "$WORK/access.log"
  check "missing: MTA-STS FAIL" status_is MTA-STS missing.tls.test FAIL
  check "missing: the reason is the 404" detail_has MTA-STS missing.tls.test "404"
  check "badcert: MTA-STS FAIL" status_is MTA-STS badcert.tls.test FAIL
  check "badcert: the reason is the policy host's certificate" detail_has MTA-STS badcert.tls.test "certificate|name"
  check "badcert: no policy was read over the bad certificate" \
    bash -c "! grep -q ' mta-sts.badcert.tls.test \"GET' '$WORK/access.log'"
  check "nostarttls: MTA-STS not PASS (no policy published)" status_is MTA-STS nostarttls.tls.test "WARN|FAIL|NOT_APPLICABLE"

  echo "-- DANE"
  check "dane: DANE PASS (DNSSEC-validated TLSA matches)" status_is DANE dane.tls.test PASS
  check "good: DANE PASS (same MX host mx1)" status_is DANE good.tls.test PASS
  check "dane-bad: DANE FAIL" status_is DANE dane-bad.tls.test FAIL
  check "dane-bad: TLSA-mismatch finding" finding_has DANE dane-bad.tls.test "MISMATCH|NO_MATCH|NOT_MATCH"
  check "nostarttls: DANE not PASS (no TLSA, denial validated)" status_is DANE nostarttls.tls.test "WARN|FAIL|NOT_APPLICABLE"

  echo "== mail-access list against the lab (Dovecot)"
  dovecotlog="$RUN/dovecot/dovecot.log"
  dovecot_at="$(stat -c %s "$dovecotlog")"
  set +e
  java -jar "$JAR" scan samples/lab/vendors-access.csv --resolver 127.0.25.53:5353 --canary canary.test \
    --checks access --allow-targets 127.0.31.0/24 --trust-ca "$RUN/ca.pem" --progress 0s \
    --out "$WORK/access-out" --db "jdbc:h2:file:$WORK/access-db/mailsweep" >"$WORK/access.out" 2>"$WORK/access.err"
  code=$?
  set -e
  cat "$WORK/access.out"
  [[ ! -s "$WORK/access.err" ]] || { echo "-- stderr:"; head -n 20 "$WORK/access.err"; }
  new_log "$dovecotlog" "$dovecot_at" >"$WORK/dovecot.log"

  check "exit code 0: every mail-access result is conclusive" test "$code" -eq 0
  check "input counted: 8 accepted" grep -q "8 accepted" "$WORK/access.out"
  REPORT="$(ls "$WORK"/access-out/*.xlsx 2>/dev/null | head -n 1)" || true
  check "a workbook was written" test -n "$REPORT"
  REPORT="${REPORT:-/nonexistent}"
  check "a Mail access sheet" has_sheet "Mail access"
  check "no Mail servers sheet without an MX check" eval '! has_sheet "Mail servers"'

  echo "-- Mail access"
  check "good: PASS (implicit TLS and STARTTLS, login only after TLS)" status_is "Mail access" access-good.test PASS
  check "good: IMAP and POP3 both ways, submission declared not offered" \
    detail_has "Mail access" access-good.test "^imaps TLSv1\.[23]; imap STARTTLS TLSv1\.[23]; pop3s TLSv1\.[23]; pop3 STARTTLS TLSv1\.[23]; submissions not offered; submission not offered$"
  check "good: no login before TLS (LOGINDISABLED; POP3's bare SASL line offers no mechanism)" \
    login_is access-good.test no
  check "good: Mail access row of 127.0.31.1:993 implicit TLS, certificate valid" access_has 127.0.31.1 993 "implicit TLS.*valid"
  check "good: Mail access row of 127.0.31.1:110 STARTTLS, no login before TLS" access_has 127.0.31.1 110 "\|pop3\|STARTTLS\|no\|"
  check "lax: FAIL" status_is "Mail access" access-lax.test FAIL
  check "lax: login-before-TLS finding" finding_has "Mail access" access-lax.test ACCESS_LOGIN_BEFORE_TLS
  check "lax: STARTTLS-only finding (implicit TLS declared not offered)" finding_has "Mail access" access-lax.test ACCESS_STARTTLS_ONLY
  check "lax: Login before TLS names imap and pop3" login_is access-lax.test "yes: imap, pop3"
  check "lax: the IMAP row lists the mechanisms offered (AUTH=PLAIN)" access_has 127.0.31.2 143 "yes: .*AUTH=PLAIN"
  check "lax: the POP3 row lists USER" access_has 127.0.31.2 110 "yes: .*USER"
  check "cleartext: FAIL" status_is "Mail access" access-cleartext.test FAIL
  check "cleartext: cleartext-only finding" finding_has "Mail access" access-cleartext.test ACCESS_CLEARTEXT_ONLY
  check "cleartext: detail says cleartext for both" detail_has "Mail access" access-cleartext.test "imap cleartext.*pop3 cleartext"
  check "badcert: FAIL" status_is "Mail access" access-badcert.test FAIL
  check "badcert: invalid-certificate finding" finding_has "Mail access" access-badcert.test ACCESS_CERTIFICATE_INVALID
  check "badcert: the row says the certificate is not valid for the host" access_has 127.0.31.4 993 "not valid for mail.access-badcert.test"
  check "expired: FAIL with the invalid-certificate finding" finding_has "Mail access" access-expired.test ACCESS_CERTIFICATE_INVALID
  check "expired: the row says expired" access_has 127.0.31.5 995 "expired"
  check "refused: WARN, unreachable" finding_has "Mail access" access-refused.test ACCESS_UNREACHABLE
  check "nosrv: NOT_APPLICABLE" status_is "Mail access" access-nosrv.test NOT_APPLICABLE
  check "nosrv: none-published finding" finding_has "Mail access" access-nosrv.test ACCESS_NONE_PUBLISHED
  check "dangling: WARN, SRV target without address" finding_has "Mail access" access-dangling.test ACCESS_SRV_NO_ADDRESS
  check "Dovecot saw the scan's connections" grep -q "imap-login: .*rip=127.0.0.1" "$WORK/dovecot.log"
  check "Dovecot: no authentication was ever attempted" \
    bash -c "! grep -Eqi 'auth failed|Login: user=|auth-worker|passdb' '$WORK/dovecot.log'"
  check "Dovecot: every closed session says no auth attempts" \
    bash -c "! grep -E 'Disconnected' '$WORK/dovecot.log' | grep -v 'no auth attempts' | grep -q ."
fi

echo "== transport lab stop"
trap - EXIT
check "stop leaves no NSD, Postfix, nginx or Dovecot process of the lab" bash "$SCRIPT_DIR/transport-lab.sh" stop
check "nothing listens on 127.0.25.0/24, 127.0.31.0/24 or 127.0.99.1 any more" \
  bash -c "! ss -Hltn | awk '{print \$4}' | grep -Eq '^127\\.0\\.(25|31|99)\\.'"

echo "transport e2e: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
