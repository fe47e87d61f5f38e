#!/usr/bin/env bash
# Serve the mailsweep DNS lab (samples/lab/*.zone) with Debian's NSD on a loopback address.
#
#   nsd-lab.sh start [ADDR] [PORT]   (re)start NSD on ADDR:PORT, default 127.0.25.53:5353;
#                                    prints ADDR:PORT once NSD answers the canary name
#   nsd-lab.sh stop                  stop the NSD started by this script (pid file)
#   nsd-lab.sh status                print ADDR:PORT and exit 0 if it runs, else exit 1
#
# Installs the nsd package when the nsd binary is missing (root only). Everything it writes,
# configuration, zone copies, pid file and log, goes to a private run folder:
# ${MAILSWEEP_NSD_RUN:-${TMPDIR:-/tmp}/mailsweep-nsd}. Zones come from ${MAILSWEEP_LAB_DIR:-
# <repo>/samples/lab}; each NAME.zone file is served as zone "NAME.". NSD ignores faults.txt:
# fault injection is a feature of the in-process test server only. MAILSWEEP_NSD_EXTRA_ZONES
# (space-separated paths of more NAME.zone files) adds zones; an extra file named like a zone of
# the lab folder replaces it (dns-lab.sh serves its rendered, signed tls.test.zone this way).
#
# MAILSWEEP_NSD_START_WAIT (seconds, default 10) bounds the wait for NSD to answer; large zones
# (the scale benchmark's million domains) take longer to load.
#
# ADDR must be a loopback address (127.0.0.0/8): the lab never listens anywhere else.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../../.." && pwd)"
LAB_DIR="${MAILSWEEP_LAB_DIR:-$REPO_ROOT/samples/lab}"
RUN_DIR="${MAILSWEEP_NSD_RUN:-${TMPDIR:-/tmp}/mailsweep-nsd}"
CONF="$RUN_DIR/nsd.conf"
PIDFILE="$RUN_DIR/nsd.pid"
LOGFILE="$RUN_DIR/nsd.log"
ADDRFILE="$RUN_DIR/listen"
CANARY="canary.test"

DEFAULT_ADDR="127.0.25.53"
DEFAULT_PORT="5353"

# Debian puts nsd in /usr/sbin, which a non-login root shell may lack.
export PATH="$PATH:/usr/sbin:/sbin"

log() { echo "nsd-lab: $*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

is_loopback_ipv4() {
  local a="$1" o
  [[ "$a" =~ ^127\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$ ]] || return 1
  for o in "${BASH_REMATCH[@]:1}"; do
    ((10#$o <= 255)) || return 1
  done
}

ensure_nsd() {
  if command -v nsd >/dev/null 2>&1 && command -v nsd-checkconf >/dev/null 2>&1; then
    return 0
  fi
  [[ "$(id -u)" == 0 ]] || die "nsd is not installed and installing it needs root (apt-get install nsd)"
  log "installing nsd (Debian package)"
  local made_policy=""
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    # Keep the package's maintainer scripts from starting a system-wide nsd service.
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  local rc=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nsd; } >&2 || rc=$?
  if [[ -n "$made_policy" ]]; then
    rm -f /usr/sbin/policy-rc.d
  fi
  ((rc == 0)) || die "apt-get install nsd failed (exit $rc)"
  command -v nsd >/dev/null 2>&1 || die "nsd still missing after install"
}

# Pid of our running nsd, or nothing. Only trusts a pid whose process is really our nsd.
running_pid() {
  [[ -s "$PIDFILE" ]] || return 0
  local pid
  pid="$(tr -dc '0-9' <"$PIDFILE")"
  [[ -n "$pid" ]] || return 0
  # NSD renames its processes ("nsd: xfrd", "nsd: main", ...); the pid file holds the first
  # process of the daemon, which stops all of them on SIGTERM. Require our config on its
  # command line so that a recycled pid never gets killed.
  local comm cmdline
  comm="$(cat "/proc/$pid/comm" 2>/dev/null)" || return 0
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 0
  if [[ "$comm" == nsd* && " $cmdline" == *" $CONF "* ]]; then
    echo "$pid"
  fi
}

# Pids of every process of our nsd (xfrd, main, servers): those whose command line names our
# config file. Used to wait until all of them are gone after stopping the daemon.
our_pids() {
  local d comm cmdline
  for d in /proc/[0-9]*; do
    comm="$(cat "$d/comm" 2>/dev/null)" || continue
    [[ "$comm" == nsd* ]] || continue
    cmdline="$(tr '\0' ' ' <"$d/cmdline" 2>/dev/null)" || continue
    [[ " $cmdline" == *" -c $CONF "* ]] && echo "${d#/proc/}"
  done
  return 0
}

do_stop() {
  local pid i left
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    kill -TERM "$pid" 2>/dev/null || true
  fi
  left="$(our_pids)"
  for ((i = 0; i < 50 && ${#left} > 0; i++)); do
    sleep 0.1
    left="$(our_pids)"
  done
  if [[ -n "$left" ]]; then
    log "nsd did not stop on SIGTERM within 5 s; sending SIGKILL to ${left//$'\n'/ }"
    # shellcheck disable=SC2086
    kill -KILL $left 2>/dev/null || true
    sleep 0.2
  fi
  rm -f "$PIDFILE" "$ADDRFILE"
  if [[ -n "$pid" ]]; then
    log "stopped nsd (pid $pid)"
  fi
}

# One bounded UDP query for NAME/A; exit 0 when the server answers NOERROR with records.
probe() {
  local addr="$1" port="$2" name="$3"
  python3 - "$addr" "$port" "$name" <<'PY'
import random, socket, struct, sys
addr, port, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
assert addr.startswith("127."), "lab queries go to loopback only"
qid = random.randrange(65536)
q = struct.pack(">HHHHHH", qid, 0x0000, 1, 0, 0, 0)
for label in name.rstrip(".").split("."):
    q += bytes([len(label)]) + label.encode("ascii")
q += b"\x00" + struct.pack(">HH", 1, 1)  # A, IN
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(0.3)
try:
    s.sendto(q, (addr, port))
    data, _ = s.recvfrom(4096)
except OSError:
    sys.exit(1)
rid, flags, _, an = struct.unpack(">HHHH", data[:8])
sys.exit(0 if rid == qid and flags & 0x8000 and flags & 0x000F == 0 and an > 0 else 1)
PY
}

write_config() {
  local addr="$1" port="$2" zone z name
  rm -rf "$RUN_DIR/zones"
  mkdir -p "$RUN_DIR/zones"
  chmod 755 "$RUN_DIR" "$RUN_DIR/zones"
  {
    cat <<EOF
# Generated by src/test/e2e/nsd-lab.sh: mailsweep DNS lab. Do not edit; rerun the script.
server:
    ip-address: ${addr}@${port}
    port: ${port}
    do-ip4: yes
    do-ip6: no
    reuseport: no
    server-count: 1
    username: ""
    chroot: ""
    zonesdir: "${RUN_DIR}/zones"
    pidfile: "${PIDFILE}"
    database: ""
    zonelistfile: "${RUN_DIR}/zone.list"
    xfrdfile: "${RUN_DIR}/xfrd.state"
    xfrdir: "${RUN_DIR}"
    logfile: "${LOGFILE}"
    verbosity: 1
    hide-version: yes
    identity: "mailsweep-lab"
    rrl-ratelimit: 0
    rrl-whitelist-ratelimit: 0

remote-control:
    control-enable: no
EOF
    shopt -s nullglob
    local zones=("$LAB_DIR"/*.zone)
    ((${#zones[@]} > 0)) || die "no *.zone file in $LAB_DIR"
    local -A file_of=()
    for zone in "${zones[@]}" ${MAILSWEEP_NSD_EXTRA_ZONES:-}; do
      [[ "$zone" == *.zone && -f "$zone" ]] || die "extra zone $zone is not a NAME.zone file"
      file_of["$(basename "$zone")"]="$zone"
    done
    for z in $(printf "%s\n" "${!file_of[@]}" | sort); do
      zone="${file_of[$z]}"
      name="${z%.zone}."
      install -m 644 "$zone" "$RUN_DIR/zones/$z"
      printf '\nzone:\n    name: "%s"\n    zonefile: "%s"\n' "$name" "$z"
    done
  } >"$CONF"
}

check_config() {
  local z name
  nsd-checkconf "$CONF" || die "nsd-checkconf rejected $CONF"
  for z in "$RUN_DIR"/zones/*.zone; do
    name="$(basename "$z" .zone)."
    nsd-checkzone "$name" "$z" >&2 || die "nsd-checkzone rejected $z"
  done
}

do_start() {
  local addr="${1:-$DEFAULT_ADDR}" port="${2:-$DEFAULT_PORT}" i pid
  is_loopback_ipv4 "$addr" || die "ADDR must be a loopback IPv4 address (127.x.y.z), got '$addr'"
  if ! [[ "$port" =~ ^[0-9]{1,5}$ ]] || ((10#$port < 1 || 10#$port > 65535)); then
    die "bad PORT '$port'"
  fi
  command -v python3 >/dev/null 2>&1 || die "python3 is needed to probe the server"

  ensure_nsd
  mkdir -p "$RUN_DIR"
  do_stop
  write_config "$addr" "$port"
  check_config
  : >"$LOGFILE"

  nsd -c "$CONF" || die "nsd failed to start; log: $(tail -n 20 "$LOGFILE" 2>/dev/null)"
  # Bounded wait: about MAILSWEEP_NSD_START_WAIT seconds (rounds of <= 0.3 s query timeout + 0.1 s pause).
  local rounds=$(( ${MAILSWEEP_NSD_START_WAIT:-10} * 5 ))
  for ((i = 0; i < rounds; i++)); do
    if probe "$addr" "$port" "$CANARY"; then
      pid="$(running_pid)"
      [[ -n "$pid" ]] || die "nsd answers on $addr:$port but $PIDFILE names no nsd process"
      echo "$addr:$port" >"$ADDRFILE"
      log "nsd (pid $pid) serves $(basename -a "$RUN_DIR"/zones/*.zone | tr '\n' ' ')on $addr:$port; log $LOGFILE"
      echo "$addr:$port"
      return 0
    fi
    sleep 0.1
  done
  log "nsd did not answer $CANARY on $addr:$port; last log lines:"
  tail -n 20 "$LOGFILE" >&2 || true
  do_stop
  exit 1
}

do_status() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    cat "$ADDRFILE" 2>/dev/null || echo "running (pid $pid)"
    return 0
  fi
  log "not running"
  return 1
}

case "${1:-}" in
  start) shift; (($# <= 2)) || usage; do_start "$@" ;;
  stop) (($# == 1)) || usage; do_stop ;;
  status) (($# == 1)) || usage; do_status ;;
  *) usage ;;
esac
