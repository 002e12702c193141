"""Bulk intake from JSON Lines: paper forms typed up later, or another system's export.

Reading and validating a line costs about as much as saving it, so with a large file the
lines are validated in a second process while this one saves the previous batch: on two
cores that nearly doubles the rate. Receipt numbers are reported only after the batch
that holds them is committed, so what was reported saved is on disk.

A line without a region (발생 지역) takes the open visit's, as ``complaint add`` does
(issue 12; :func:`fieldbus.services.intake.draft.visit_region`); a line with one keeps it.
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.pool
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from sync.deadlines import KST
from fieldbus.domain.errors import ValidationError
from fieldbus.domain.records import Complaint, ComplaintDraft, IntakeWarning

BATCH = 1000
CHUNK = 250
WORKERS = 1
#: Below this a second process costs more to start than it saves.
WORKER_THRESHOLD_BYTES = 1 << 20


@dataclass
class LineResult:
    number: int
    draft: ComplaintDraft | None = None
    warnings: list[IntakeWarning] = field(default_factory=list)
    error: str | None = None
    took_visit_region: bool = False  # the line had no region and took the open visit's


def draft_from(data: object, *, base_dir: Path, now: datetime
               ) -> tuple[ComplaintDraft, list[IntakeWarning]]:
    """An intake object to a draft, with its attachments read (paths relative to base_dir)."""
    from fieldbus.services.intake import attachment_files
    from fieldbus.domain.intake import parse_complaint

    draft, warnings = parse_complaint(data, now=now)
    if isinstance(data, dict) and data.get("attachments"):
        draft = replace(draft, attachments=attachment_files.load(
            data["attachments"], base_dir=base_dir, warnings=warnings))
    return draft, warnings


def with_region(data: Any, region: str) -> tuple[Any, bool]:
    """An intake object without a region, given ``region`` (the open visit's; '' for
    none); anything else as it was. True when the region was given here."""
    if not region or not isinstance(data, dict):
        return data, False
    given = data.get("region")
    if given is not None and not (isinstance(given, str) and not given.strip()):
        return data, False
    return {**data, "region": region}, True


def parse_line(number: int, raw: bytes, *, base_dir: Path, now: datetime,
               region: str = "") -> LineResult | None:
    """One line to a draft or an error message; ``None`` for a blank line. ``region``:
    the open visit's, for a line without one."""
    try:
        text = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
    except UnicodeDecodeError:
        return LineResult(number, error="not UTF-8 text")
    if not text:
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return LineResult(number, error=f"not valid JSON (column {exc.colno}: {exc.msg})")
    except RecursionError:
        return LineResult(number, error="the JSON is nested too deeply")
    data, took_visit_region = with_region(data, region)
    try:
        draft, warnings = draft_from(data, base_dir=base_dir, now=now)
    except ValidationError as exc:
        return LineResult(number, error=str(exc))
    return LineResult(number, draft=draft, warnings=warnings,
                      took_visit_region=took_visit_region)


Chunk = tuple[list[tuple[int, bytes]], str, str]  # (numbered lines, base_dir, region)


def _parse_chunk(task: Chunk) -> list[LineResult]:
    lines, base_dir, region = task
    now = datetime.now(KST)
    results = (parse_line(n, raw, base_dir=Path(base_dir), now=now, region=region)
               for n, raw in lines)
    return [r for r in results if r is not None]


def _chunks(lines: Iterable[bytes], base_dir: Path, region: str) -> Iterator[Chunk]:
    numbered = enumerate(lines, start=1)
    while chunk := list(islice(numbered, CHUNK)):
        yield chunk, str(base_dir), region


def _warm_up() -> None:
    """Load the validators in the worker while the caller still signs in."""
    from fieldbus.domain.intake import _validator

    _validator("complaint-intake")


@contextmanager
def validation_worker(wanted: bool) -> Iterator[multiprocessing.pool.Pool | None]:
    """A worker process for :func:`parse_lines`, started early so that its start-up
    (a new interpreter, the schema compiled) overlaps the caller's sign-in."""
    if not wanted:
        yield None
        return
    # spawn: safe with threads and on every platform (fork is not on macOS or Windows)
    with multiprocessing.get_context("spawn").Pool(WORKERS, initializer=_warm_up) as pool:
        yield pool


def parse_lines(lines: Iterable[bytes], *, base_dir: Path,
                worker: multiprocessing.pool.Pool | None, region: str = ""
                ) -> Iterator[LineResult]:
    """Results in input order, validated here or in the worker process."""
    if worker is None:
        for chunk in _chunks(lines, base_dir, region):
            yield from _parse_chunk(chunk)
        return
    for results in worker.imap(_parse_chunk, _chunks(lines, base_dir, region)):
        yield from results


@dataclass
class ImportReport:
    saved: int = 0
    bad: int = 0
    region: str = ""        # the open visit's region, given to lines without one
    took_visit_region: int = 0   # how many saved lines took it


def import_lines(store, by, lines: Iterable[bytes], *, base_dir: Path,
                 worker: multiprocessing.pool.Pool | None,
                 on_saved: Callable[[list[Complaint]], None],
                 on_problem: Callable[[int, str], None]) -> ImportReport:
    """Save every valid line in batches; report bad lines and warnings by line number.
    A line without a region takes the open visit's (counted in the report, not warned of
    line by line); with no visit open such a line is refused as before."""
    from fieldbus.services.intake.draft import visit_region
    from fieldbus.store import complaints

    report, batch = ImportReport(region=visit_region(store)), []
    for result in parse_lines(lines, base_dir=base_dir, worker=worker, region=report.region):
        if result.error is not None:
            report.bad += 1
            on_problem(result.number, result.error)
            continue
        for warning in result.warnings:
            on_problem(result.number, f"warning: {warning.field}: {warning.message}")
        report.took_visit_region += result.took_visit_region
        batch.append(result.draft)
        if len(batch) >= BATCH:
            saved = complaints.add_many(store, batch, by)
            report.saved += len(saved)
            batch.clear()
            on_saved(saved)
    if batch:
        saved = complaints.add_many(store, batch, by)
        report.saved += len(saved)
        on_saved(saved)
    return report


def worth_a_worker(path: Path | None) -> bool:
    if path is None or (os.cpu_count() or 1) < 2:
        return False
    try:
        return path.stat().st_size >= WORKER_THRESHOLD_BYTES
    except OSError:
        return False
