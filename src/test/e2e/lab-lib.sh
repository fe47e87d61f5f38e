# shellcheck shell=bash disable=SC2034
# Shared by the transport lab scripts (lab-pki.sh, dns-lab.sh, postfix-lab.sh, nginx-lab.sh,
# dovecot-lab.sh, transport-lab.sh); sourced, never run. Set LAB_NAME before sourcing: it prefixes
# every message.
#
# Every lab server writes its state under one run folder:
#   ${MAILSWEEP_LAB_RUN:-${TMPDIR:-/tmp}/mailsweep-lab}
# Every address the lab listens on or names is a loopback address: the transport cases live in
# 127.0.25.0/24, plus the single out-of-range target 127.0.99.1 (see samples/lab/tls.test.zone);
# the mail-access hosts (IMAP, POP3) in 127.0.31.0/24 (see the access-*.test names of test.zone).

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$E2E_DIR/../../.." && pwd)"
LAB_DIR="${MAILSWEEP_LAB_DIR:-$REPO_ROOT/samples/lab}"
LAB_RUN="${MAILSWEEP_LAB_RUN:-${TMPDIR:-/tmp}/mailsweep-lab}"
PKI_DIR="$LAB_RUN/pki"
LAB_CA="$LAB_RUN/ca.pem"

# Debian keeps daemons in /usr/sbin, which a non-login root shell may lack.
export PATH="$PATH:/usr/sbin:/sbin"

log() { echo "${LAB_NAME:-lab}: $*" >&2; }
die() { log "error: $*"; exit 1; }

# Prints the usage block: the comment lines of the calling script from line 2 to the first code.
usage() {
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0" >&2
  exit 2
}

is_loopback_ipv4() {
  local a="$1" o
  [[ "$a" =~ ^127\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]] || return 1
  for o in "${BASH_REMATCH[@]:1}"; do
    ((10#$o <= 255)) || return 1
  done
}

# ensure_packages BINARY:PACKAGE...: installs (root only) the Debian packages whose binary is
# missing. Keeps maintainer scripts from starting system-wide services (policy-rc.d, as
# nsd-lab.sh does) and preseeds Postfix with "No configuration", so no system MTA appears.
ensure_packages() {
  local pair missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  ((${#missing[@]} > 0)) || return 0
  [[ "$(id -u)" == 0 ]] || die "missing ${missing[*]}; installing needs root (apt-get install ${missing[*]})"
  log "installing ${missing[*]} (Debian packages)"
  local made_policy="" rc=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  {
    printf '%s\n' "postfix postfix/main_mailer_type select No configuration" \
      "postfix postfix/mailname string lab.invalid" | debconf-set-selections &&
      apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  } >&2 || rc=$?
  [[ -z "$made_policy" ]] || rm -f /usr/sbin/policy-rc.d
  ((rc == 0)) || die "apt-get install ${missing[*]} failed (exit $rc)"
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || die "${pair%%:*} still missing after installing ${pair#*:}"
  done
}

# runs_program PID COMM_PREFIX: whether PID runs a program whose name starts with COMM_PREFIX.
runs_program() {
  local comm
  comm="$(cat "/proc/$1/comm" 2>/dev/null)" || return 1
  [[ "$comm" == "$2"* ]]
}

# alive PID: whether PID exists and is not a zombie (an exited child its new parent has not yet
# reaped: it holds no socket and no file, and /proc no longer shows its environment).
alive() {
  local state
  state="$(awk '/^State:/ { print $2 }' "/proc/$1/status" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z ]]
}

# wait_gone SECONDS PID...: waits (bounded) until none of the pids is alive; returns 1 on timeout.
wait_gone() {
  local rounds=$(($1 * 10)) i p left
  shift
  for ((i = 0; i < rounds; i++)); do
    left=""
    for p in "$@"; do
      alive "$p" && left=1
    done
    [[ -n "$left" ]] || return 0
    sleep 0.1
  done
  return 1
}

# still_alive PID...: the pids among the arguments that are alive.
still_alive() {
  local p
  for p in "$@"; do
    alive "$p" && echo "$p"
  done
  return 0
}

# refused ADDR PORT: whether a TCP connection to ADDR:PORT fails (nothing accepts; 1 s bound).
refused() {
  is_loopback_ipv4 "$1" || die "refusing to connect to non-loopback $1"
  ! timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# listening ADDR PORT: whether a TCP socket listens on exactly ADDR:PORT (ss; no connection made,
# so no server logs a probe).
listening() {
  [[ -n "$(ss -Hltn "src $1 and sport = :$2" 2>/dev/null)" ]]
}

# wait_listening SECONDS ADDR:PORT...: waits (bounded) until every ADDR:PORT listens.
wait_listening() {
  local rounds=$(($1 * 10)) i ep ok
  shift
  for ((i = 0; i < rounds; i++)); do
    ok=1
    for ep in "$@"; do
      listening "${ep%:*}" "${ep##*:}" || { ok=""; break; }
    done
    [[ -z "$ok" ]] || return 0
    sleep 0.1
  done
  return 1
}

# Selftest bookkeeping: expect DESCRIPTION COMMAND... counts and prints ok/FAIL lines.
SELFTEST_PASSED=0
SELFTEST_FAILED=0
expect() {
  local what="$1"
  shift
  if "$@" >/dev/null 2>&1; then
    echo "ok   - $what"
    SELFTEST_PASSED=$((SELFTEST_PASSED + 1))
  else
    echo "FAIL - $what"
    SELFTEST_FAILED=$((SELFTEST_FAILED + 1))
  fi
}
# contains TEXT REGEX / lacks TEXT REGEX: grep -E on a value, for expect.
contains() { grep -Eq -- "$2" <<<"$1"; }
lacks() { ! grep -Eq -- "$2" <<<"$1"; }
selftest_verdict() {
  echo "${LAB_NAME}: selftest $SELFTEST_PASSED passed, $SELFTEST_FAILED failed"
  ((SELFTEST_FAILED == 0))
}
