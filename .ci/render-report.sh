#!/usr/bin/env bash
# Renders the full example department report with headless Chromium to PDF
# and PNG, as a manager's browser would open and print it, and checks the
# PDF: it exists and has at least two pages. Usage: render-report.sh BIN OUT_DIR
set -euo pipefail
bin=$1 out=$2
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
fi
"$bin" --today 2026-11-26 report --metrics examples/q3.csv --metrics examples/q2.csv \
  --risks examples/risks.csv --conflicts examples/conflicts.csv --assessments examples/assessments.csv \
  --period 2026-Q3 --compare 2026-Q2 -o "$out/report.html"
# The flags keep Chromium off the network (the sandbox has none) and out of
# the user's profile.
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" "$@" >/dev/null 2>&1
}
chrome --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "file://$out/report.html"
chrome --hide-scrollbars --window-size=1200,2400 --screenshot="$out/report.png" "file://$out/report.html"
python3 - "$out/report.pdf" "$out/report.png" <<'PY'
import re, sys
pdf = open(sys.argv[1], "rb").read()
pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
png = open(sys.argv[2], "rb").read(8)
assert png == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG"
assert pages >= 2, f"the report printed to {pages} page(s)"
print(f"report: {pages} A4 pages, PNG written")
PY
