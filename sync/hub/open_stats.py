"""The outreach bus's open statistics (issue 14 §4): what ``/stats``, ``/stats.json`` and
``/stats.csv`` publish — the same numbers in each.

Counts of complaints (counsel sessions are not published) by month received, 시·도 and
시·군·구, kind, on-site outcome, review stage and the agency a case was forwarded to, and
per visit; the share settled on the spot and the median days to forward; and each month's
most frequent nouns in the titles of cases the citizen made public (kiwipiepy).

**Small cells.** A count under :data:`MINIMUM` (5) is published as ``"<5"`` — primary
suppression — and, because every table's cells add up to the total published beside them
(and a 시·군·구's to its 시·도), one suppressed cell alone could be worked out by
subtraction: so within each table (and each 시·도's 시·군·구) more cells, the smallest first,
are hidden (``"x"``: 5 or more) until no small one can be pinned down to one value from
what is published and what the marks say (:func:`pinned`) — secondary suppression; the
시·군·구 of a hidden 시·도 are hidden too. A median over fewer than :data:`MINIMUM` cases is
not published either.

**Cached.** Recomputed when the cases changed: the key is the number of cases, the newest
arrival and the newest history entry, three indexed lookups.
"""

from __future__ import annotations

import csv
import io
import statistics
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from sync.deadlines import KST
from sync.hub.case_summary import visit_labels
from sync.hub.db import reader
from sync.hub.migrations import case_events, record_visits, records

MINIMUM = 5
TOP_WORDS = 10
SUPPRESSED = "<5"
#: A cell of 5 or more hidden so that a small one cannot be worked out from the total.
ALSO_HIDDEN = "x"
ON_THE_SPOT = ("resolved_on_site", "settlement")
#: The review states in the public's words (the status page's stages).
STAGES = {None: "접수", "received": "검토", "has_issues": "보완 요청", "edited": "보완됨",
          "approved": "검토 완료", "forwarded": "기관 이송", "rejected": "반려",
          "closed": "처리 완료"}
KINDS = {"inquiry": "질의", "suggestion": "건의", "grievance": "고충민원", "report": "신고",
         "passive_admin": "소극행정 신고", "other": "기타"}
OUTCOMES = {"resolved_on_site": "현장에서 해결", "settlement": "합의서 작성",
            "filed": "조사를 위해 접수", "referred": "이송"}
TABLES = (("month", "접수 월"), ("province", "시·도"), ("region", "시·군·구"),
          ("kind", "민원 종류"), ("outcome", "현장 처리 결과"), ("stage", "검토 단계"),
          ("agency", "처리 기관"), ("visit", "방문"))


@dataclass(frozen=True)
class Cell:
    key: str
    label: str
    count: int | None          # None: suppressed
    group: str | None = None   # a 시·군·구's 시·도
    small: bool = True         # when suppressed: under 5 (else hidden to protect another)

    @property
    def shown(self) -> str:
        if self.count is None:
            return SUPPRESSED if self.small else ALSO_HIDDEN
        return str(self.count)


def pinned(small: int, also: int, held: int) -> bool:
    """Whether a reader could pin a small hidden cell down to one value: ``small`` hidden
    cells of 1–4, ``also`` hidden cells of 5 or more (they are marked so), ``held`` cases
    in them together (the total minus what is published)."""
    if small == 0:
        return False
    high = min(MINIMUM - 1, held - (small - 1) - also * MINIMUM)
    low = 1 if also else max(1, held - (small - 1) * (MINIMUM - 1))
    return high - low < 1


def protect(cells: list[tuple[str, str, int]], total: int | None, *,
            group: str | None = None) -> list[Cell]:
    """Primary and secondary suppression of one table whose cells add up to ``total``
    (None: no total is published beside them, so nothing can be subtracted): more cells,
    the smallest first, are hidden until no small one can be worked out (:func:`pinned`)."""
    hidden = {key for key, _label, count in cells if count < MINIMUM}
    if total is not None and hidden:
        by_size = sorted(cells, key=lambda c: (c[2], c[0]))
        while True:
            kept = [count for key, _label, count in cells if key in hidden]
            small = sum(1 for count in kept if count < MINIMUM)
            if len(hidden) > 1 and not pinned(small, len(kept) - small, sum(kept)):
                break
            more = next((c for c in by_size if c[0] not in hidden), None)
            if more is None:
                break
            hidden.add(more[0])
    return [Cell(key, label, None if key in hidden else count, group, count < MINIMUM)
            for key, label, count in cells]


def _province(region: str | None) -> str:
    return (region or "").split(" ")[0] or "미상"


def _town(region: str | None) -> str:
    return " ".join((region or "").split()[:2]) or "미상"


def _cache_key(conn: sa.Connection) -> tuple[Any, ...]:
    return (conn.execute(sa.select(sa.func.count()).select_from(records)).scalar(),
            conn.execute(sa.select(sa.func.max(records.c.synced_at))).scalar(),
            conn.execute(sa.select(sa.func.max(case_events.c.id))).scalar())


_cache: dict[int, tuple[tuple[Any, ...], dict[str, Any]]] = {}
_lock = threading.Lock()


def statistics_of(engine: sa.Engine) -> dict[str, Any]:
    """The published statistics (cached until the cases change)."""
    with reader(engine).connect() as conn:
        key = _cache_key(conn)
        with _lock:
            held = _cache.get(id(engine))
        if held is not None and held[0] == key:
            return held[1]
        computed = _compute(conn)
    with _lock:
        _cache[id(engine)] = (key, computed)
    return computed


def _compute(conn: sa.Connection) -> dict[str, Any]:
    complaint = records.c.type == "complaint"
    month = sa.func.substr(records.c.received_at, 1, 7)

    def grouped(column: sa.ColumnElement[Any]) -> list[tuple[Any, int]]:
        return [(k, n) for k, n in conn.execute(
            sa.select(column, sa.func.count()).where(complaint).group_by(column)).all()]

    total = conn.execute(sa.select(sa.func.count()).where(complaint)).scalar_one()
    regions = grouped(records.c.region)
    towns: dict[str, int] = {}
    provinces: dict[str, int] = {}
    for region, n in regions:
        towns[_town(region)] = towns.get(_town(region), 0) + n
        provinces[_province(region)] = provinces.get(_province(region), 0) + n

    def labelled(pairs, names=None, missing="미상") -> list[tuple[str, str, int]]:
        out = [(str(k) if k is not None else "", (names or {}).get(k, k) or missing, n)
               for k, n in pairs]
        return sorted(out, key=lambda c: (-c[2], c[0]))

    tables: dict[str, list[Cell]] = {
        "month": protect(sorted(labelled(grouped(month)), key=lambda c: c[0]), total),
        "province": protect(labelled(provinces.items()), total),
        "kind": protect(labelled(grouped(records.c.kind), KINDS), total),
        "outcome": protect(labelled(grouped(records.c.outcome), OUTCOMES), total),
        "stage": protect(labelled(grouped(records.c.review_state), STAGES), total),
        "agency": protect(labelled(grouped(records.c.agency), missing="기관 이송 전"), total),
    }
    published = {c.key: c.count for c in tables["province"]}
    region_cells: list[Cell] = []
    for province in sorted(provinces):
        inside = labelled((t, n) for t, n in towns.items() if _province(t) == province)
        if published.get(province) is None:  # a hidden 시·도 is not told by its 시·군·구
            region_cells += [Cell(k, label, None, province, n < MINIMUM)
                             for k, label, n in inside]
        else:
            region_cells += protect(inside, published[province], group=province)
    tables["region"] = region_cells
    visits = conn.execute(
        sa.select(record_visits.c.visit_id, sa.func.count())
        .select_from(records.join(record_visits, record_visits.c.record_id == records.c.id))
        .where(complaint).group_by(record_visits.c.visit_id)).all()
    in_visits = sum(n for _v, n in visits)
    labels = visit_labels(conn, [v for v, _n in visits])
    tables["visit"] = protect(sorted(((v, labels.get(v) or "방문", n) for v, n in visits),
                                     key=lambda c: c[1]), in_visits)
    settled = conn.execute(sa.select(sa.func.count()).where(
        complaint, records.c.outcome.in_(ON_THE_SPOT))).scalar_one()
    return {"total": total, "minimum": MINIMUM, "tables": tables, "words": _words(conn),
            "settled_on_the_spot": round(settled / total, 3) if total >= MINIMUM else None,
            "median_days_to_forward": _median_days(conn),
            "computed_at": datetime.now(KST).isoformat(timespec="seconds")}


_kiwi: Any = None


def _nouns(title: str) -> set[str]:
    """The nouns of a title (kiwipiepy's NNG and NNP, two letters or more)."""
    global _kiwi
    if _kiwi is None:
        from kiwipiepy import Kiwi

        _kiwi = Kiwi()
    return {t.form for t in _kiwi.tokenize(title) if t.tag in ("NNG", "NNP")
            and len(t.form) >= 2}


def _words(conn: sa.Connection) -> dict[str, list[dict[str, Any]]]:
    """Each month's most frequent nouns in the titles of cases the citizen made public:
    counted once a case, only those in :data:`MINIMUM` cases or more (a rare word can
    point at one person), never a word that holds a petitioner's name — anyone's, not
    only that case's."""
    import json

    rows = conn.execute(sa.select(records.c.received_at, records.c.content).where(
        records.c.type == "complaint")).all()
    names: set[str] = set()
    titles: dict[str, list[str]] = {}
    for received_at, content_text in rows:
        content = json.loads(content_text)
        person = content.get("petitioner")
        if isinstance(person, dict) and isinstance(person.get("name"), str):
            name = person["name"].strip()
            if len(name) >= 2:
                names.add(name)
                names.add(name[1:])  # the given name alone (김영수 → 영수)
        if content.get("disclosure") == "public" and isinstance(content.get("title"), str):
            titles.setdefault(str(received_at or "")[:7], []).append(content["title"])
    months: dict[str, list[dict[str, Any]]] = {}
    for month, found in sorted(titles.items()):
        counts: dict[str, int] = {}
        for title in found:
            for noun in _nouns(title):
                if not any(name in noun or noun in name for name in names if len(name) >= 2):
                    counts[noun] = counts.get(noun, 0) + 1
        top = sorted(((n, w) for w, n in counts.items() if n >= MINIMUM),
                     key=lambda nw: (-nw[0], nw[1]))[:TOP_WORDS]
        months[month] = [{"word": w, "count": n} for n, w in top]
    return months


def _median_days(conn: sa.Connection) -> float | None:
    pairs = conn.execute(sa.select(records.c.received_at, records.c.forwarded_at).where(
        records.c.type == "complaint", records.c.forwarded_at.is_not(None),
        records.c.received_at.is_not(None))).all()
    days = []
    for received, forwarded in pairs:
        try:
            days.append((datetime.fromisoformat(forwarded)
                         - datetime.fromisoformat(received)).total_seconds() / 86400)
        except (TypeError, ValueError):
            continue
    return round(statistics.median(days), 1) if len(days) >= MINIMUM else None


# -- the formats ----------------------------------------------------------------------------

def as_json(stats: dict[str, Any]) -> dict[str, Any]:
    return {**{k: v for k, v in stats.items() if k != "tables"},
            "tables": {name: [{"key": c.key, "label": c.label, "count": c.shown,
                               **({"province": c.group} if c.group else {})}
                              for c in stats["tables"][name]] for name, _title in TABLES}}


def _safe(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text starting = + - @ is quoted."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value


def as_csv(stats: dict[str, Any]) -> str:
    """One row per cell: table, key, label, 시·도 (for a 시·군·구), count ("<5" hidden);
    then the figures."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["table", "key", "label", "province", "count"])
    writer.writerow(["total", "", "전체", "", stats["total"]])
    for name, _title in TABLES:
        for cell in stats["tables"][name]:
            writer.writerow([name, _safe(cell.key), _safe(cell.label), _safe(cell.group or ""),
                             cell.shown])
    for month, words in stats["words"].items():
        for entry in words:
            writer.writerow(["word", month, _safe(entry["word"]), "", entry["count"]])
    for figure in ("settled_on_the_spot", "median_days_to_forward"):
        value = stats[figure]
        writer.writerow([figure, "", "", "", SUPPRESSED if value is None else value])
    return out.getvalue()
