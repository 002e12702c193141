#!/usr/bin/env bash
# Renders the Mermaid diagram of docs/architecture.md (its one ```mermaid block, the source)
# to docs/images/architecture.png. Needs Node (npx) and a Chromium; mermaid-cli is fetched
# by npx into its cache on first use. On Debian: apt-get install chromium.
#   MMDC=/path/to/mmdc      use an installed mermaid-cli instead of npx
#   CHROMIUM=/path/to/it    the browser (default: chromium on the PATH)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

awk '/^```mermaid$/ {on = 1; next} on && /^```$/ {exit} on' \
    "$here/docs/architecture.md" >"$work/architecture.mmd"
[ -s "$work/architecture.mmd" ] || { echo "no mermaid block in docs/architecture.md" >&2; exit 1; }

chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$chromium" ] || { echo "no Chromium found: apt-get install chromium, or set CHROMIUM" >&2; exit 1; }
# --no-sandbox: Chromium's sandbox refuses to start as root (containers, CI).
printf '{"executablePath": "%s", "args": ["--no-sandbox"]}\n' "$chromium" >"$work/puppeteer.json"
printf '{"theme": "default", "flowchart": {"htmlLabels": true, "wrappingWidth": 300}}\n' >"$work/config.json"

if [ -n "${MMDC:-}" ]; then
  mmdc=("$MMDC")
else
  mmdc=(env PUPPETEER_SKIP_DOWNLOAD=1 npx --yes @mermaid-js/mermaid-cli@11.17.0)
fi
# -s 2: twice the pixels, so the labels stay sharp on a high-density screen.
"${mmdc[@]}" -i "$work/architecture.mmd" -o "$here/docs/images/architecture.png" \
    -p "$work/puppeteer.json" -c "$work/config.json" -b white -w 1100 -s 2
echo "wrote docs/images/architecture.png" >&2
