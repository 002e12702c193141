"""Korean search inside words.

Korean attaches particles to nouns (진입로가, 진입로를), so a word-based index misses most
matches. The trigram index finds any run of three or more characters anywhere. Most
Korean words are two syllables (도로, 소음), too short for a trigram: such a term is
looked up in the index's own term list — every trigram that starts with it (values are
indexed with two trailing spaces, so one always does) — and the case must contain one of
them. A term no trigram starts with answers "nothing" at once, without reading a row.
Text is NFC-normalised on the way in and in the query, so composed and decomposed Hangul
find each other; the index folds case.

A returning citizen (issue 12) is found by a phone number's digits: a term of 4 or more
digits (hyphens, dots and brackets as typed are dropped) also matches the digits of the
phone numbers (``complaint_phones``, a trigram index of the digits alone, never a sealed
reporter's), so 6789, 2345-6789 and 01023456789 all find 010-2345-6789. A receipt number
typed without hyphens or in lower case is searched in its printed form. Counsel sessions
have an index of their own (``counsel_fts``: number, appellant, disposition title and
agency, the appellant's phone digits; never the advice notes), searched the same way.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.receipt_numbers import parse_receipt_no
from fieldbus.domain.records import Complaint, CounselSession, Officer
from fieldbus.store import complaints, counsel
from fieldbus.store.store import Store

MAX_QUERY = 200
#: Past this many trigrams starting with a short term, a LIKE scan is cheaper than an OR.
MAX_EXPANSION = 2000
SCAN = ""
_COLUMNS = ("receipt_no", "title", "body", "agency", "petitioner_name")
#: A term this many digits long or longer also looks for them in phone numbers.
PHONE_DIGITS_MIN = 4
_PHONE_TYPED = re.compile(r"[0-9()\-.]+", re.ASCII)


@dataclass(frozen=True)
class _Index:
    """One trigram index: its FTS5 table, its term list, its text columns (a scan's),
    and where the phone digits are (a table of their own, or a column of this one)."""

    fts: str
    terms: str
    text: tuple[str, ...]
    phones_table: str | None = None
    phone_column: str | None = None

    @property
    def only_text(self) -> str:
        """An FTS5 column filter keeping a phrase to the text columns ('' if all are)."""
        return "{" + " ".join(self.text) + "} : " if self.phone_column else ""


COMPLAINTS = _Index("complaints_fts", "complaints_terms", _COLUMNS,
                    phones_table="complaint_phones")
COUNSEL = _Index("counsel_fts", "counsel_terms", ("number", "appellant", "title", "agency"),
                 phone_column="phone")


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def phone_digits(term: str) -> str | None:
    """The digits of ``term`` if it is a piece of a phone number as typed (4 or more digits,
    maybe hyphens: ``6789``, ``2345-6789``, ``01023456789``), else None."""
    if not _PHONE_TYPED.fullmatch(term):
        return None
    digits = re.sub(r"[^0-9]", "", term)
    return digits if len(digits) >= PHONE_DIGITS_MIN else None


def _as_printed(term: str) -> str:
    """A receipt (or session) number typed compact or in lower case, as it is printed
    (``b07a2612050001g`` → ``B07A-261205-0001-G``); any other term as typed."""
    try:
        return parse_receipt_no(term, field="query").text
    except ValidationError:
        return term


def _short_term_expression(store: Store, term: str, index: _Index = COMPLAINTS) -> str | None:
    """An FTS5 expression matching cases that contain ``term`` (one or two characters);
    None when no indexed text contains it; :data:`SCAN` when it is too common to expand."""
    start = term.lower()  # the trigram index folds case; its terms are lower case
    trigrams = [row[0] for row in store.db.execute(
        f"SELECT term FROM {index.terms} WHERE term >= ? AND term < ? LIMIT ?",
        (start, start + "\U0010ffff", MAX_EXPANSION + 1)).fetchall()]
    if not trigrams:
        return None
    if len(trigrams) > MAX_EXPANSION:  # a very common letter: a scan is cheaper
        return SCAN
    return "(" + " OR ".join(_phrase(t) for t in trigrams) + ")"


def terms_of(query: str) -> list[str]:
    if not isinstance(query, str):
        raise ValidationError("query", "must be text", code="type")
    text = unicodedata.normalize("NFC", query).strip()
    if not text:
        raise ValidationError("query", "is empty", code="required")
    if len(text) > MAX_QUERY:
        raise ValidationError("query", f"is longer than {MAX_QUERY} characters", code="too_long")
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise ValidationError("query", "contains control characters", code="control_char")
    return text.split()


def matching_rowids(store: Store, query: str, *, limit: int = 50) -> list[int]:
    """Row ids of complaints matching every term, newest first."""
    return _matching(store, COMPLAINTS, query, limit=limit)


def matching_counsel_rowids(store: Store, query: str, *, limit: int = 50) -> list[int]:
    """Row ids of counsel sessions matching every term, newest first."""
    return _matching(store, COUNSEL, query, limit=limit)


def _matching(store: Store, index: _Index, query: str, *, limit: int) -> list[int]:
    parts: list[str] = []
    scans: list[str] = []
    phones: list[tuple[str, str]] = []
    for term in map(_as_printed, terms_of(query)):
        digits = phone_digits(term)
        if digits is not None and index.phone_column:
            parts.append(f"({index.only_text}{_phrase(term)} OR "
                         f"{index.phone_column} : {_phrase(digits)})")
            continue
        if digits is not None:
            phones.append((term, digits))
            continue
        if len(term) >= 3:
            parts.append(index.only_text + _phrase(term))
            continue
        expression = _short_term_expression(store, term, index)
        if expression is None:
            return []  # no case contains this term
        if expression == SCAN:
            scans.append(term)
        else:
            parts.append(index.only_text + expression)
    candidates = _phone_candidates(store, index, phones)
    if candidates is not None and not candidates:
        return []
    if candidates is not None and not parts and not scans:
        return sorted(candidates, reverse=True)[:limit]
    where, params = [], []
    if parts:
        where.append(f"{index.fts} MATCH ?")
        params.append(" AND ".join(parts))
    for term in scans:
        where.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in index.text) + ")")
        params.extend([_like_escape(term)] * len(index.text))
    if candidates is not None:
        where.append("rowid IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(candidates)))
    # Newest first: what an officer looks for is usually recent, and FTS5 walks rowids in
    # order, so LIMIT stops early instead of ranking every match (bm25 over a common
    # word's thousands of matches took 30 ms at 100,000 cases).
    sql = (f"SELECT rowid FROM {index.fts} WHERE {' AND '.join(where)} "
           "ORDER BY rowid DESC LIMIT ?")
    return [row[0] for row in store.db.execute(sql, [*params, limit]).fetchall()]


def _phone_candidates(store: Store, index: _Index,
                      phones: list[tuple[str, str]]) -> set[int] | None:
    """The rows every phone-like term matches, in the text (as typed) or in a phone's
    digits; None without such terms. Few rows: 4 digits are in about 1 phone in 1,000."""
    found: set[int] | None = None
    for term, digits in phones:
        rows = {row[0] for row in store.db.execute(
            f"SELECT rowid FROM {index.fts} WHERE {index.fts} MATCH ? UNION "
            f"SELECT rowid FROM {index.phones_table} WHERE {index.phones_table} MATCH ?",
            (_phrase(term), _phrase(digits))).fetchall()}
        found = rows if found is None else found & rows
        if not found:
            return set()
    return found


def _like_escape(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(store: Store, query: str, by: Officer, *, limit: int = 50) -> list[Complaint]:
    """Search complaints. Audited with the query: names are searchable, and an auditor
    must be able to see who looked for whom."""
    rowids = matching_rowids(store, query, limit=limit)
    found = complaints.by_rowids(store, rowids)
    store.audit(by, "searched", details={"query": unicodedata.normalize("NFC", query.strip()),
                                         "results": len(found)})
    return found


@dataclass(frozen=True)
class Found:
    """What one search found: complaints (민원) and counsel sessions (상담), each newest
    first. A session's advice notes are in it: whoever shows the results leaves them out."""

    complaints: list[Complaint]
    counsel: list[CounselSession]


def search_all(store: Store, query: str, by: Officer, *, limit: int = 50) -> Found:
    """Search complaints and counsel sessions (up to ``limit`` of each), audited once like
    :func:`search`, with the number of sessions found beside the complaints'."""
    found = Found(
        complaints=complaints.by_rowids(store, matching_rowids(store, query, limit=limit)),
        counsel=counsel.by_rowids(store, matching_counsel_rowids(store, query, limit=limit)))
    store.audit(by, "searched", details={"query": unicodedata.normalize("NFC", query.strip()),
                                         "results": len(found.complaints),
                                         "counsel": len(found.counsel)})
    return found
