#!/usr/bin/env bash
# Creates a venv (if missing or stale) and installs Fieldbus with its whole dependency tree
# exactly as locked, hashes checked, from requirements/<set>.txt (scripts/lock.sh makes them).
# Usage: scripts/setup-venv.sh [SET [VENV]]   SET: base (default), hub, build or test;
#        VENV: the folder, .venv by default.   e.g. scripts/setup-venv.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
set_="${1:-base}"
venv="${2:-.venv}"
lockfile="requirements/$set_.txt"
if [ ! -f "$lockfile" ]; then
  echo "no lock file $lockfile (sets: $(cd requirements && ls *.txt | sed 's/\.txt$//' | tr '\n' ' '))" >&2
  exit 2
fi
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Fieldbus needs Python 3.11 or newer (found: $("$python" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x "$venv/bin/python" ]; then
  if ! "$python" -m venv "$venv" 2>/dev/null; then
    # Debian/Ubuntu ship venv separately; as root we can install it, else say how.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
      rm -rf "$venv" && "$python" -m venv "$venv"
    else
      echo "python3 -m venv failed: install your distribution's python3-venv package" >&2
      exit 1
    fi
  fi
fi
# An install of the test set (which holds every other but the hub's) also serves a start.
fresh() { [ -f "$1" ] && [ "$1" -nt pyproject.toml ] && [ "$1" -nt "$lockfile" ]; }
if fresh "$venv/.installed-$set_" || { [ "$set_" = base ] && fresh "$venv/.installed-test"; }; then
  exit 0
fi
echo "Installing Fieldbus and its locked dependencies ($lockfile) into $venv …" >&2
# The lock first, every file checked against its hash and nothing resolved beyond it; then
# Fieldbus itself, editable, adding no dependency of its own.
pip=("$venv/bin/python" -m pip --disable-pip-version-check)
if ! { "${pip[@]}" install --require-hashes --no-deps -r "$lockfile" &&
       "${pip[@]}" install --no-deps -e . &&
       "${pip[@]}" check; } > "$venv/install.log" 2>&1; then
  cat "$venv/install.log" >&2
  echo "installation failed (log above, also in $venv/install.log)" >&2
  exit 1
fi
touch "$venv/.installed-$set_"
