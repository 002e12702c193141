#!/usr/bin/env bash
# Runs the receipt and store benchmarks; writes docs/benchmarks-receipts.md and
# docs/benchmarks-store.md (takes a few minutes).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup-venv.sh" test
cd "$here"
.venv/bin/python benchmarks/bench_receipts.py --out docs/benchmarks-receipts.md
exec .venv/bin/python benchmarks/bench_store.py --out docs/benchmarks-store.md "$@"
