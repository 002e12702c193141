#!/usr/bin/env bash
# Sets up everything the tests need (venv, test dependencies) and runs the whole suite.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup-venv.sh" test
cd "$here"
exec .venv/bin/python -m pytest "$@"
