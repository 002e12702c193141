"""Receipt benchmarks (issue 3): each figure beside a floor measured in the same run.

Run: ``bash scripts/bench.sh`` (writes docs/benchmarks-receipts.md, then the store's). Not
a test: nothing here asserts a time; the numbers are for people to read next to their
floors.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import report  # noqa: E402

from fieldbus.domain.intake import parse_complaint, parse_counsel  # noqa: E402
from fieldbus.store import complaints, counsel, handler, visits  # noqa: E402
from fieldbus.store.prints import Issue  # noqa: E402
from fieldbus.store.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "samples"
RUNS = 200


def median_ms(action, runs: int = RUNS) -> float:
    action()  # the first is not counted: fonts, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def floor_one_line() -> bytes:
    """A reportlab canvas with one line of text in the same embedded (subset) font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from fieldbus.receipts.fonts import REGULAR
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setFont(REGULAR, 11)
    canvas.drawString(72, 720, "민원 접수증 B07A-261126-0001-K")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def floor_qr() -> bytes:
    """The same, with only a QR code of a status URL."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from fieldbus.receipts.layout import _draw_qr
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    _draw_qr(canvas, "https://hub.example.go.kr/r/B07A-261126-0001-K?c=M3Q7ZK2D5A", 72, 720, 96)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def first_receipt_in_a_new_process() -> tuple[float, float]:
    """Milliseconds for the first print in a new process, once signed in (importing
    reportlab, registering the fonts, rendering, committing), and for ``python -c pass``."""
    code = "import benchmarks.bench_receipts as b; print(b.first_print())"
    times, bare = [], []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                             text=True, check=True)
        times.append(float(out.stdout.split()[-1]))
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), statistics.median(bare)


def _store(tmp: Path) -> Store:
    os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    store = Store.create(tmp / "store", device="B07A", officer="홍길동", pin="482193")
    visits.open_visit(store, store.officer, venue="선산읍 행정복지센터", region="경상북도 구미시")
    return store


def _sample(name: str) -> dict:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


def _receipt_document(store: Store, receipt_no: str, copy: str = "citizen"):
    from fieldbus.receipts import documents

    complaint = complaints.get(store, receipt_no)
    now = store.clock()
    return documents.complaint_receipt(
        complaint, copy=copy, issue=Issue(number=1, at=now, first_at=now),
        handler=handler.get(store), received_by="홍길동", code="M3Q7ZK2D5A",
        qr=f"{receipt_no} M3Q7ZK2D5A", signature=None, enrolled=False)


def first_print() -> float:
    with tempfile.TemporaryDirectory() as name:
        store = _store(Path(name))
        draft, _ = parse_complaint(_sample("complaint-01.json"), now=store.clock())
        number = complaints.add(store, draft, store.officer).receipt_no
        start = time.perf_counter()
        from fieldbus.receipts.issue import print_complaint

        print_complaint(store, store.officer, number, deliver=lambda pdf: None)
        elapsed = (time.perf_counter() - start) * 1000
        store.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    from fieldbus.receipts import documents
    from fieldbus.receipts.fonts import fonts
    from fieldbus.receipts.issue import print_complaint
    from fieldbus.receipts.layout import render

    fonts()
    rows = []
    with tempfile.TemporaryDirectory(prefix="fieldbus-bench-") as name:
        store = _store(Path(name))
        draft, _ = parse_complaint(_sample("complaint-01.json"), now=store.clock())
        number = complaints.add(store, draft, store.officer).receipt_no
        session_draft, _ = parse_counsel(_sample("counsel-01.json"), now=store.clock())
        session = counsel.add(store, session_draft, store.officer)
        doc = _receipt_document(store, number)
        body = "\n".join(f"{i:04d}번째 줄: 마을 진입로가 비만 오면 진흙탕이 됩니다." for i in range(580))
        draft, _ = parse_complaint(_sample("complaint-01.json") | {"body": body},
                                   now=store.clock())
        long_doc = _receipt_document(store, complaints.add(store, draft, store.officer).receipt_no)

        one_line = median_ms(floor_one_line)
        qr = median_ms(floor_qr)
        a4 = median_ms(lambda: render(doc, "a4"))
        roll = median_ms(lambda: render(doc, "roll80"))
        longest = median_ms(lambda: render(long_doc, "a4"), runs=20)
        whole = median_ms(lambda: print_complaint(store, store.officer, number,
                                                  deliver=lambda pdf: None), runs=50)
        counsel_ms = median_ms(lambda: render(documents.counsel_confirmation(
            session, issue=Issue(number=1, at=store.clock(), first_at=store.clock()),
            today=store.clock().date()), "a4"))
        store.close()
    first, bare = first_receipt_in_a_new_process()
    floors = f"canvas with one line of text {one_line:.1f} ms; with one QR code {qr:.1f} ms"
    rows += [
        ("render an A4 citizen receipt (complaint-01; median after the first)",
         f"{a4:.1f} ms", floors, "<= 30 ms"),
        ("render an 80 mm roll receipt (same)", f"{roll:.1f} ms", "same floors", "<= 30 ms"),
        ("render a counsel confirmation (A4)", f"{counsel_ms:.1f} ms", "same floors", "-"),
        ("print in process: read the case, render, count, audit, durable commit",
         f"{whole:.1f} ms", "same floors", "-"),
        ("the longest complaint on A4: a 19,700-character body, 12 pages",
         f"{longest:.0f} ms", "same floors", "-"),
        ("first print in a new process, signed in (import reportlab, register the fonts, "
         "render, commit)",
         f"{first:.0f} ms", f"`python -c pass` {bare:.0f} ms", "-"),
    ]
    lines = [
        "# Receipt benchmarks", "",
        "Written by `bash scripts/bench.sh` (`benchmarks/bench_receipts.py`): every figure "
        "beside a floor measured in the same run. Not a test: nothing asserts a time.", "",
        report.measured_on(), "",
        "| what | figure | floor, same run | target |", "|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows], "",
        "Notes:",
        "- The floors are what reportlab itself costs for a page with the embedded, "
        "subset Korean font and for a QR code; a receipt adds line breaking in two fonts, "
        "about forty lines of text and the QR code.",
        "- The fonts are registered once per process (the first receipt pays for reading "
        "about 10 MB of TrueType); later receipts reuse them.",
        "- A print in process also reads the case, writes the print count and the audit "
        "entry and commits durably (fsync).",
    ]
    report.write(lines, args.out)


if __name__ == "__main__":
    main()
