"""The export-batch connector: e-People has no public write API, so an operator registers
the forwarded cases by hand from one file a batch.

The batch is a ZIP (written 0600: it holds the citizens' details) with ``cases.csv`` (UTF-8
with a BOM so that Excel shows Hangul; the registration form's labels as the header),
``cases.json`` (the same, for a script) and ``attachments/<sha256>`` (the files the cases
name). A cell that a spreadsheet would run as a formula (starting with ``= + - @``, a tab
or a carriage return) is written with a leading ``'`` (OWASP's advice on CSV injection).
Every case in it is audited (``epeople_exported``, who and which receipt) and marked
``exported``, so the next batch does not hold it again; the operator then records each
신청번호 (``fieldbus-hub epeople record``: :func:`sync.hub.epeople.queue.record_number`).
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from sync.hub.auth import record_audit
from sync.hub.db import now
from sync.hub.epeople.fields import FIELDS, registration
from sync.hub.epeople.queue import files_in
from sync.hub.migrations import blobs, epeople_forwards, records

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any) -> str:
    """A CSV cell no spreadsheet runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(cases: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _key, label in FIELDS])
    for case in cases:
        row = []
        for key, _label in FIELDS:
            value = case[key]
            if key == "attachments":
                value = " ".join(f"{a['filename']} ({a['sha256']})" for a in value)
            row.append(neutralised(value))
        writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_batch(engine: sa.Engine, out_dir: Path, *, actor: str,
                 at: _dt.datetime | None = None) -> tuple[Path, int] | None:
    """Write the queued cases into one batch under ``out_dir``; its path and how many
    cases, or None when nothing waits."""
    moment = at or _dt.datetime.now(_dt.UTC)
    with engine.begin() as conn:
        rows = conn.execute(
            sa.select(records).select_from(records.join(
                epeople_forwards, epeople_forwards.c.record_id == records.c.id))
            .where(epeople_forwards.c.state == "queued", files_in())
            .order_by(records.c.receipt_no).with_for_update()).all()
        if not rows:
            return None
        cases = [registration(row) for row in rows]
        shas = sorted({a["sha256"] for case in cases for a in case["attachments"]
                       if isinstance(a.get("sha256"), str)})
        data = dict(conn.execute(sa.select(blobs.c.sha256, blobs.c.data)
                                 .where(blobs.c.sha256.in_(shas))).all()) if shas else {}
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / f"epeople-batch-{moment.strftime('%Y%m%d-%H%M%S')}.zip"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file, zipfile.ZipFile(file, "w",
                                                                   zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("cases.csv", _csv(cases))
            zf.writestr("cases.json", json.dumps(
                {"fields": dict(FIELDS), "cases": cases}, ensure_ascii=False, indent=2))
            for sha, blob in sorted(data.items()):
                zf.writestr(f"attachments/{sha}", bytes(blob))
        conn.execute(epeople_forwards.update()
                     .where(epeople_forwards.c.record_id.in_([row.id for row in rows]))
                     .values(state="exported", updated_at=now()))
        for row in rows:
            record_audit(conn, actor, "epeople_exported", row.receipt_no)
    return path, len(rows)
