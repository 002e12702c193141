#!/usr/bin/env bash
# Runs the store benchmarks and writes docs/benchmarks-store.md (takes a few minutes).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup-venv.sh" test
cd "$here"
exec .venv/bin/python benchmarks/bench_store.py --out docs/benchmarks-store.md "$@"
