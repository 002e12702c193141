#!/usr/bin/env bash
# Sets up everything the tests need (venv, test dependencies) and runs the whole suite.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

# System packages the tests need beyond Python (Debian/Ubuntu names): Qt's offscreen
# platform (PySide6 links libEGL, libGL, libX11, libxkbcommon, fontconfig + freetype, glib
# and D-Bus; mesa and a font come in as their dependencies), CUPS for Qt's print support,
# poppler-utils to read PDFs back (pdfinfo, pdftoppm, pdfimages), and Debian's Chromium with
# its driver to open the hub's public pages in a real browser, and desktop-file-utils to
# check the .deb's menu entry and binutils' readelf to read the bundled libraries
# (tests/frozen; dpkg-deb is on every Debian). Each is "package:what shows
# it is there". Keep this the one list: add a package here, not a second apt block.
needs=(libegl1:libEGL.so.1 libgl1:libGL.so.1 libx11-6:libX11.so.6 libxkbcommon0:libxkbcommon.so.0
       libfontconfig1:libfontconfig.so.1 libfreetype6:libfreetype.so.6
       libglib2.0-0:libglib-2.0.so.0 libdbus-1-3:libdbus-1.so.3 libcups2:libcups.so.2
       poppler-utils:pdftoppm chromium:chromium chromium-driver:chromedriver
       desktop-file-utils:desktop-file-validate binutils:readelf)
# The hub's PostgreSQL tests start a real server with initdb/pg_ctl (Debian keeps them in
# /usr/lib/postgresql/*/bin). Elsewhere they are skipped with a loud reason when it is
# missing; in CI it is installed and FIELDBUS_REQUIRE_POSTGRES turns that skip into a failure.
if [ "${CI:-}" = true ]; then
  needs+=(postgresql:initdb)
  export FIELDBUS_REQUIRE_POSTGRES=1
fi
# Looked up by library or command rather than package name, which differs between
# releases (libglib2.0-0t64, libcups2t64 on newer ones; apt picks those by itself).
libs="$( { ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null | awk '{print $1}' || true)"
missing=()
for need in "${needs[@]}"; do
  package="${need%%:*}" what="${need#*:}"
  case "$what" in
    *.so.*) grep -qxF "$what" <<<"$libs" || missing+=("$package") ;;
    *) command -v "$what" >/dev/null || compgen -G "/usr/lib/postgresql/*/bin/$what" >/dev/null ||
         missing+=("$package") ;;
  esac
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages for the tests: ${missing[*]} …" >&2
    log="$(mktemp)"
    if ! { apt-get update -qq &&
           DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
             "${missing[@]}"; } >"$log" 2>&1; then
      cat "$log" >&2; rm -f "$log"
      echo "installing system packages failed (log above)" >&2
      exit 1
    fi
    rm -f "$log"
  else
    echo "warning: missing system packages, some tests will fail:" \
         "sudo apt-get install ${missing[*]}" >&2
  fi
fi

"$here/scripts/setup-venv.sh" test
cd "$here"
exec .venv/bin/python -m pytest "$@"
