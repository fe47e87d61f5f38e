#!/usr/bin/env bash
# The whole transport lab: fresh certificates, NSD (test. + signed tls.test.), Postfix, nginx.
#
#   transport-lab.sh start      mint a fresh lab PKI, then (re)start DNS, Postfix and nginx
#   transport-lab.sh stop       stop all three and check that none of their processes is left
#   transport-lab.sh status     status of each server; exit 1 unless all three run
#   transport-lab.sh selftest   each server's selftest, then checks across them: DANE with
#                               openssl s_client against the TLSA records NSD serves
#
# The scan of this lab: src/test/e2e/run-transport-e2e.sh. Files in the run folder
# ${MAILSWEEP_LAB_RUN:-${TMPDIR:-/tmp}/mailsweep-lab}: ca.pem (--trust-ca), tls.test.anchor
# (--dnssec-trust-anchor), postfix/maillog, nginx/access.log, dns/, pki/.
set -euo pipefail
LAB_NAME="transport-lab"
# shellcheck source=lab-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lab-lib.sh"

SERVERS=(dns-lab postfix-lab nginx-lab)

do_start() {
  do_stop
  bash "$E2E_DIR/lab-pki.sh" start
  local s
  for s in "${SERVERS[@]}"; do
    bash "$E2E_DIR/$s.sh" start >/dev/null || { do_stop; die "$s.sh start failed"; }
  done
  log "up: DNS $(bash "$E2E_DIR/dns-lab.sh" status), Postfix, nginx; CA $LAB_CA, anchor $LAB_RUN/tls.test.anchor"
}

# Live processes left by any lab server: NSD of nsd-lab.sh's config, Postfix of ours, nginx of ours.
leftovers() {
  local d cmdline comm env_has
  for d in /proc/[0-9]*; do
    alive "${d#/proc/}" || continue
    comm="$(cat "$d/comm" 2>/dev/null)" || continue
    cmdline="$({ tr '\0' ' ' <"$d/cmdline"; } 2>/dev/null)" || continue
    case "$comm" in
      nsd*) [[ "$cmdline" == *"${MAILSWEEP_NSD_RUN:-${TMPDIR:-/tmp}/mailsweep-nsd}/nsd.conf"* ]] ;;
      nginx) [[ "$cmdline" == *"$LAB_RUN/nginx/nginx.conf"* ]] ;;
      *)
        env_has="$({ tr '\0' '\n' <"$d/environ"; } 2>/dev/null | grep -x "MAIL_CONFIG=$LAB_RUN/postfix/etc")" || true
        [[ -n "$env_has" ]]
        ;;
    esac && echo "${d#/proc/} $comm"
  done
  return 0
}

do_stop() {
  local s left
  for s in nginx-lab postfix-lab dns-lab; do
    bash "$E2E_DIR/$s.sh" stop || log "$s.sh stop failed"
  done
  left="$(leftovers)"
  [[ -z "$left" ]] || die "processes left after stop: $(paste -sd, <<<"$left")"
}

do_status() {
  local s rc=0
  for s in "${SERVERS[@]}"; do
    echo "== $s"
    bash "$E2E_DIR/$s.sh" status || rc=1
  done
  return "$rc"
}

# dane_check HOST ADDR: STARTTLS to ADDR:25 verified by DANE only, against the TLSA records of
# _25._tcp.HOST that NSD serves (openssl's RFC 7671 verifier; no CA file given).
dane_check() {
  local at rr args=()
  at="$(bash "$E2E_DIR/dns-lab.sh" status)"
  while read -r rr; do
    [[ -n "$rr" ]] && args+=(-dane_tlsa_rrdata "$rr")
  done < <(timeout 10 drill -p "${at##*:}" TLSA "_25._tcp.$1" "@${at%:*}" |
    awk '/^;; ANSWER SECTION/ { a = 1; next } /^$/ { a = 0 } a && $4 == "TLSA" { print $5, $6, $7, $8 }')
  ((${#args[@]} > 0)) || { echo "no TLSA record for $1"; return 0; }
  timeout 10 openssl s_client -starttls smtp -connect "$2:25" -brief -verify_return_error \
    -dane_tlsa_domain "$1" "${args[@]}" </dev/null 2>&1 || true
}

# address_of NAME: the A record NSD serves for NAME.
address_of() {
  local at
  at="$(bash "$E2E_DIR/dns-lab.sh" status)"
  timeout 10 drill -p "${at##*:}" A "$1" "@${at%:*}" |
    awk '/^;; ANSWER SECTION/ { a = 1; next } /^$/ { a = 0 } a && $4 == "A" { print $5 }'
}

do_selftest() {
  do_status >/dev/null || die "not running (transport-lab.sh start first)"
  local s rc=0 out
  for s in "${SERVERS[@]}"; do
    echo "== $s selftest"
    bash "$E2E_DIR/$s.sh" selftest || rc=1
  done
  echo "== across servers"
  out="$(dane_check mx1.tls.test 127.0.25.25)"
  expect "DANE: mx1's certificate matches its TLSA record (openssl -dane_tlsa_rrdata)" \
    contains "$out" "Verification: OK"
  expect "DANE: ... as a DANE-EE(3) SPKI(1) SHA-256(1) match" contains "$out" "DANE TLSA 3 1 1 .*matched EE"
  out="$(dane_check mx-dane-bad.tls.test 127.0.25.31)"
  expect "DANE: mx-dane-bad's certificate matches no TLSA record" contains "$out" "no matching DANE TLSA records"
  local h a
  for h in mx1 mx-nostarttls mx-expired mx-wrongname mx-selfsigned mx-dane-bad mx-private; do
    a="$(address_of "$h.tls.test")"
    expect "DNS: $h.tls.test is $a, where Postfix listens on port 25" listening "$a" 25
  done
  a="$(address_of mx-refused.tls.test)"
  expect "DNS: mx-refused.tls.test is $a, where nothing listens on port 25" test "$a" == 127.0.25.29 -a \
    -z "$(ss -Hltn "src $a")"
  for h in good testing redirect missing badcert; do
    a="$(address_of "mta-sts.$h.tls.test")"
    expect "DNS: mta-sts.$h.tls.test is $a, where nginx listens on port 443" listening "$a" 443
  done
  selftest_verdict || rc=1
  return "$rc"
}

case "${1:-}" in
  start) (($# == 1)) || usage; do_start ;;
  stop) (($# == 1)) || usage; do_stop ;;
  status) (($# == 1)) || usage; do_status ;;
  selftest) (($# == 1)) || usage; do_selftest ;;
  *) usage ;;
esac
