#!/usr/bin/env bash
# The whole transport lab: fresh certificates, NSD (test. + signed tls.test.), Postfix, nginx,
# Dovecot.
#
#   transport-lab.sh start      mint a fresh lab PKI, then (re)start DNS, Postfix, nginx, Dovecot
#   transport-lab.sh stop       stop all four and check that none of their processes is left
#   transport-lab.sh status     status of each server; exit 1 unless all four run
#   transport-lab.sh selftest   each server's selftest, then checks across them: DANE with
#                               openssl s_client against the TLSA records NSD serves, and every
#                               MX, MTA-STS and mail-access SRV name leading to its server
#
# The scan of this lab: src/test/e2e/run-transport-e2e.sh. Files in the run folder
# ${MAILSWEEP_LAB_RUN:-${TMPDIR:-/tmp}/mailsweep-lab}: ca.pem (--trust-ca), tls.test.anchor
# (--dnssec-trust-anchor), postfix/maillog, nginx/access.log, dovecot/dovecot.log, dns/, pki/.
set -euo pipefail
LAB_NAME="transport-lab"
# shellcheck source=lab-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lab-lib.sh"

SERVERS=(dns-lab postfix-lab nginx-lab dovecot-lab)

do_start() {
  do_stop
  bash "$E2E_DIR/lab-pki.sh" start
  local s
  for s in "${SERVERS[@]}"; do
    bash "$E2E_DIR/$s.sh" start >/dev/null || { do_stop; die "$s.sh start failed"; }
  done
  log "up: DNS $(bash "$E2E_DIR/dns-lab.sh" status), Postfix, nginx, Dovecot; CA $LAB_CA, anchor $LAB_RUN/tls.test.anchor"
}

# Live processes left by any lab server: NSD of nsd-lab.sh's config, Postfix of ours, nginx of ours,
# Dovecot of ours (the master names our config; its children, titled "dovecot-mailsweep-lab/...",
# work in our base_dir or a chroot below it: see dovecot-lab.sh).
leftovers() {
  local d cmdline comm env_has dc_base
  dc_base="$(readlink -m "$LAB_RUN/dovecot/run")"
  for d in /proc/[0-9]*; do
    alive "${d#/proc/}" || continue
    comm="$(cat "$d/comm" 2>/dev/null)" || continue
    cmdline="$({ tr '\0' ' ' <"$d/cmdline"; } 2>/dev/null)" || continue
    case "$comm" in
      nsd*) [[ "$cmdline" == *"${MAILSWEEP_NSD_RUN:-${TMPDIR:-/tmp}/mailsweep-nsd}/nsd.conf"* ]] ;;
      nginx) [[ "$cmdline" == *"$LAB_RUN/nginx/nginx.conf"* ]] ;;
      dovecot) [[ "$cmdline" == *" -c $LAB_RUN/dovecot/dovecot.conf "* ]] ;;
      *)
        if [[ "$cmdline" == "dovecot-mailsweep-lab/"* ]]; then
          [[ "$(readlink "$d/cwd" 2>/dev/null)" == "$dc_base"* ]]
        else
          env_has="$({ tr '\0' '\n' <"$d/environ"; } 2>/dev/null | grep -x "MAIL_CONFIG=$LAB_RUN/postfix/etc")" || true
          [[ -n "$env_has" ]]
        fi
        ;;
    esac && echo "${d#/proc/} $comm"
  done
  return 0
}

do_stop() {
  local s left
  for s in dovecot-lab nginx-lab postfix-lab dns-lab; do
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

# srv_of NAME: the SRV records NSD serves for NAME, "priority weight port target" per line.
srv_of() {
  local at
  at="$(bash "$E2E_DIR/dns-lab.sh" status)"
  timeout 10 drill -p "${at##*:}" SRV "$1" "@${at%:*}" |
    awk '/^;; ANSWER SECTION/ { a = 1; next } /^$/ { a = 0 } a && $4 == "SRV" { print $5, $6, $7, $8 }'
}

# RFC 6186 services of the mail-access domains that point at a Dovecot host, "domain service".
ACCESS_SRV=(
  "access-good _imaps" "access-good _imap" "access-good _pop3s" "access-good _pop3"
  "access-lax _imap" "access-lax _pop3" "access-cleartext _imap" "access-cleartext _pop3"
  "access-badcert _imaps" "access-badcert _imap" "access-badcert _pop3s" "access-badcert _pop3"
  "access-expired _imaps" "access-expired _imap" "access-expired _pop3s" "access-expired _pop3"
)

# dovecot_at ADDR PORT: whether a Dovecot listens on exactly ADDR:PORT.
dovecot_at() {
  [[ -n "$1" ]] && ss -Hltnp "src $1 and sport = :$2" 2>/dev/null | grep -q '"dovecot"'
}

# access_dns_checks: every SRV name of ACCESS_SRV leads to an address and port where Dovecot
# listens; the special cases (target ".", no SRV, no address, nothing listening) are as published.
access_dns_checks() {
  local e domain service port target a
  for e in "${ACCESS_SRV[@]}"; do
    read -r domain service <<<"$e"
    port="" target=""
    read -r _ _ port target < <(srv_of "$service._tcp.$domain.test") || true
    a=""
    [[ -z "${target:-}" ]] || a="$(address_of "$target")"
    expect "DNS: $service._tcp.$domain.test is ${target:-missing} port ${port:-?}, $a, where Dovecot listens" \
      dovecot_at "$a" "${port:-0}"
  done
  for service in _submissions _submission; do
    expect "DNS: $service._tcp.access-good.test is 0 0 0 . (not offered)" \
      test "$(srv_of "$service._tcp.access-good.test")" == "0 0 0 ."
  done
  for service in _imaps _pop3s; do
    expect "DNS: $service._tcp.access-lax.test is 0 0 0 . (not offered)" \
      test "$(srv_of "$service._tcp.access-lax.test")" == "0 0 0 ."
  done
  for service in _imaps _imap _pop3s _pop3 _submissions _submission; do
    expect "DNS: access-nosrv.test has no $service._tcp record" test -z "$(srv_of "$service._tcp.access-nosrv.test")"
  done
  expect "DNS: _imaps._tcp.access-dangling.test names mail.access-dangling.test" \
    test "$(srv_of _imaps._tcp.access-dangling.test)" == "0 1 993 mail.access-dangling.test."
  expect "DNS: mail.access-dangling.test has no address record" test -z "$(address_of mail.access-dangling.test)"
  a="$(address_of mail.access-refused.test)"
  expect "DNS: mail.access-refused.test is $a, where nothing listens" test "$a" == 127.0.31.6 -a \
    -z "$(ss -Hltn "src $a")"
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
  access_dns_checks
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
