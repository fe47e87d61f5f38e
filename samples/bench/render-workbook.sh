#!/usr/bin/env bash
# Renders a mailsweep workbook the way a reader receives it: LibreOffice headless prints every
# sheet to OUTDIR/NAME.pdf (print areas, landscape, header row repeated, page headers and
# footers), and each of the first MAX_PAGES pages becomes OUTDIR/NAME-page-N.png to look at.
#
#   bash samples/bench/render-workbook.sh REPORT.xlsx OUTDIR [MAX_PAGES=12]
#
# Needs soffice (Debian: libreoffice-calc-nogui) and pdftoppm (poppler-utils); as root it installs
# them when missing. LibreOffice runs with a private profile under OUTDIR, so it neither touches
# nor waits for another LibreOffice of the same user.
set -euo pipefail

log() { echo "render-workbook: $*" >&2; }
die() { log "error: $*"; exit 1; }

[ $# -ge 2 ] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
report="$1"
out="$2"
pages="${3:-12}"
[ -f "$report" ] || die "no such file: $report"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

need() {
  local tool="$1" package="$2"
  command -v "$tool" >/dev/null && return 0
  [ "$(id -u)" = 0 ] || die "$tool is missing: apt-get install -y $package"
  log "installing $package"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$package" >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$package" >/dev/null; }
}
need soffice libreoffice-calc-nogui
need pdftoppm poppler-utils

name="$(basename "${report%.*}")"
profile="$out/.lo-profile"
log "printing $report to $out/$name.pdf"
timeout 600 soffice --headless --norestore --nolockcheck "-env:UserInstallation=file://$profile" \
  --convert-to pdf --outdir "$out" "$report" >/dev/null 2>"$out/soffice.log" \
  || die "LibreOffice failed; see $out/soffice.log"
[ -s "$out/$name.pdf" ] || die "LibreOffice wrote no PDF; see $out/soffice.log"
rm -f "$out/$name"-page-*.png
pdftoppm -png -r 60 -f 1 -l "$pages" "$out/$name.pdf" "$out/$name-page"
total="$(pdfinfo "$out/$name.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
log "$total pages; PNGs of the first $(ls "$out/$name"-page-*.png | wc -l):"
ls "$out/$name"-page-*.png
