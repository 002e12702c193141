#!/usr/bin/env bash
# Runs the receipt, store, desktop app and hub benchmarks; writes docs/benchmarks-receipts.md,
# docs/benchmarks-store.md, docs/benchmarks-ui.md, docs/benchmarks-sync.md and
# docs/benchmarks-open.md (opening the store with a PIN) and docs/benchmarks-review.md (the
# supervisors' queue and steps on a full hub) and docs/benchmarks-review-ui.md (the queue in
# the app: opening it, scrolling 100,000 cases) (takes several minutes).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/scripts/setup-venv.sh" test
cd "$here"
.venv/bin/python benchmarks/bench_receipts.py --out docs/benchmarks-receipts.md
.venv/bin/python -m benchmarks.ui --out docs/benchmarks-ui.md
.venv/bin/python benchmarks/bench_sync_hub.py --out docs/benchmarks-sync.md
.venv/bin/python benchmarks/bench_open.py --out docs/benchmarks-open.md
.venv/bin/python benchmarks/bench_review.py --out docs/benchmarks-review.md
.venv/bin/python -m benchmarks.ui.review_queue --out docs/benchmarks-review-ui.md
exec .venv/bin/python benchmarks/bench_store.py --out docs/benchmarks-store.md "$@"
