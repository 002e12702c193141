#!/usr/bin/env bash
# Screenshots of the app on a real X server (Xvfb) with a window manager (openbox), so
# the pictures show the window as an officer sees it: frame, title bar, real xcb platform.
#   bash scripts/screenshot-desktop.sh [OUT_DIR] [day]   (default docs/images)
# With "day": an officer's whole day (scripts/screenshot-day.py) on a 1366x768 screen,
# the bus laptops' size; without: the README's desktop shots (screenshot-desktop.py).
# Needs: xvfb openbox libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0, and fonts-nanum for the
# window manager's title bar (the app draws with its own bundled font) (installed as root).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/images}"
script=scripts/screenshot-desktop.py
screen=1366x800x24
if [ "${2:-}" = day ]; then script=scripts/screenshot-day.py; screen=1366x768x24; fi
mkdir -p "$out"
if ! command -v Xvfb >/dev/null || ! command -v openbox >/dev/null ||
   ! fc-list 2>/dev/null | grep -qi nanum; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      xvfb openbox libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 fonts-nanum >/dev/null
  else
    echo "needs: sudo apt-get install xvfb openbox libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 fonts-nanum" >&2
    exit 1
  fi
fi
bash scripts/setup-venv.sh
# Xvfb picks a free display itself and writes its number to fd 3 (no clash with another).
number_file="$(mktemp)"
Xvfb -displayfd 3 -screen 0 "$screen" -nolisten tcp 3>"$number_file" >/dev/null 2>&1 &
xvfb=$!
wm=""
trap 'kill $wm $xvfb 2>/dev/null || true; rm -f "$number_file"' EXIT
for _ in $(seq 50); do [ -s "$number_file" ] && break; sleep 0.1; done
display=":$(head -n1 "$number_file")"
DISPLAY="$display" openbox >/dev/null 2>&1 &
wm=$!
sleep 1
DISPLAY="$display" QT_QPA_PLATFORM=xcb .venv/bin/python "$script" "$out"
