"""Strict reading of the rule tables in ``resources/rules/`` (issue 11, "Bad input").

A rule table is law written down as data: a period, the article it comes from, the
sentence quoted from the statute, the mirror it was read in and the version read. A typo
in such a file must never turn into a silently wrong period on a receipt, so every table
is checked whole when it is first read, and :func:`check_all` reads them all at start-up
(the CLI's ``main`` and the window's start call it). What is refused, with one line that
names the file and the entry:

* an unknown key (``rules[3] (grievance): unknown key 'perod'``) — a misspelt optional
  key would otherwise be ignored, and its default used;
* a missing key, above all a missing ``basis`` — or, for an entry that is law, a missing
  ``text`` (the quoted sentence), ``source`` (mirror path and commit) or ``version``
  (공포번호 / 시행일 of the text read);
* a value of the wrong type, a non-positive period, an unparseable date or time.

This module holds the checker and the shape of every table; the modules that use a table
(:mod:`sync.deadlines`, which also merges ``holidays-extra.json``,
:mod:`fieldbus.store.retention`) turn the checked data into their own records. It reads
files only through :mod:`sync.resources` and imports nothing heavy, so
:func:`check_all` costs a few milliseconds (``fieldbus --version`` never calls it).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, time
from functools import cache
from pathlib import Path
from typing import Any

from sync.errors import FieldbusError
from sync.resources import resource_path, resources_root

__all__ = [
    "Entry",
    "Law",
    "RuleTableError",
    "check_all",
    "deadlines_table",
    "display_path",
    "holidays_extra_table",
    "hub_retention_table",
    "notices_table",
    "read",
    "retention_table",
]


class RuleTableError(FieldbusError):
    """A rule table is malformed: an installation fault, never a user error.

    ``str()`` is the one line for the user: ``<file>: <entry>: <problem>``.
    """

    code = "rule_table_invalid"

    def __init__(self, file: str, entry: str, problem: str) -> None:
        super().__init__(f"{file}: {entry}: {problem}")
        self.file = file
        self.entry = entry
        self.problem = problem


def display_path(path: Path) -> str:
    """``resources/rules/deadlines.json`` for a packaged table; the path itself otherwise."""
    try:
        return str(Path("resources") / path.resolve().relative_to(resources_root().resolve()))
    except (ValueError, FileNotFoundError):
        return str(path)


def read(path: Path) -> Any:
    """The parsed JSON of ``path``; a missing or broken file is a :class:`RuleTableError`."""
    name = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleTableError(name, "file", "is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleTableError(name, "file", f"cannot be read ({exc})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RuleTableError(name, f"line {exc.lineno}", f"not valid JSON: {exc.msg}") from None


@dataclass(frozen=True)
class Law:
    """Where a rule comes from: the citation, the quoted sentence(s), the mirror file and
    commit it was read in, the version read, and how a dropped 의N was restored."""

    basis: str
    text: str  # several quoted sentences are joined by newlines
    source: str  # several files are joined by "; "
    version: str
    restored: str | None = None
    note: str | None = None


#: The keys that make an entry law (and the two optional notes every such entry may carry).
LAW_KEYS = ("basis", "text", "source", "version")
LAW_NOTES = ("restored", "note")


class Entry:
    """One object of a table, with the path that names it in an error."""

    def __init__(self, file: str, where: str, value: Any) -> None:
        self.file = file
        self.where = where
        if not isinstance(value, dict):
            self.fail(f"must be an object, not {type(value).__name__}")
        self.value: dict[str, Any] = value

    def fail(self, problem: str) -> Any:
        raise RuleTableError(self.file, self.where or "top level", problem)

    def keys(self, required: Iterable[str], optional: Iterable[str] = ()) -> None:
        required, optional = tuple(required), tuple(optional)
        for key in self.value:
            if key not in required and key not in optional:
                self.fail(f"unknown key {key!r}")
        for key in required:
            if key not in self.value:
                self.fail(f"missing {key!r}")

    def has(self, key: str) -> bool:
        return key in self.value

    def text(self, key: str) -> str:
        value = self.value.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key!r} must be a non-empty text")
        return str(value)

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if key in self.value else None

    def texts(self, key: str) -> tuple[str, ...]:
        """A text, or a non-empty list of texts (several quoted sentences or files)."""
        value = self.value.get(key)
        items = value if isinstance(value, list) else [value]
        if not items or not all(isinstance(v, str) and v.strip() for v in items):
            self.fail(f"{key!r} must be a non-empty text or a list of them")
        return tuple(items)

    def integer(self, key: str, *, minimum: int = 1) -> int:
        value = self.value.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            self.fail(f"{key!r} must be an integer of at least {minimum}, not {value!r}")
        return int(value)

    def boolean(self, key: str, default: bool | None = None) -> bool:
        if key not in self.value and default is not None:
            return default
        value = self.value.get(key)
        if not isinstance(value, bool):
            self.fail(f"{key!r} must be true or false, not {value!r}")
        return bool(value)

    def choice(self, key: str, allowed: Iterable[Any]) -> Any:
        allowed = tuple(allowed)
        value = self.value.get(key)
        if value not in allowed:
            self.fail(f"{key!r} must be one of {', '.join(map(repr, allowed))}, not {value!r}")
        return value

    def date(self, key: str) -> date:
        value = self.value.get(key)
        try:
            if not isinstance(value, str):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            return self.fail(f"unparseable date {value!r} in {key!r} (YYYY-MM-DD)")

    def hhmm(self, value: Any, key: str) -> time:
        try:
            if not isinstance(value, str) or len(value) != 5 or value[2] != ":":
                raise ValueError
            return time(int(value[:2]), int(value[3:]))
        except ValueError:
            return self.fail(f"unparseable time {value!r} in {key!r} (HH:MM)")

    def child(self, key: str) -> Entry:
        return Entry(self.file, f"{self.where}.{key}" if self.where else key,
                     self.value.get(key))

    def items(self, key: str, label: str | None = None) -> Iterator[Entry]:
        """The objects of a list; ``label`` names the key whose value labels each one."""
        value = self.value.get(key)
        if not isinstance(value, list):
            self.fail(f"{key!r} must be a list")
        prefix = f"{self.where}.{key}" if self.where else key
        for i, item in enumerate(value):
            name = f"{prefix}[{i}]"
            if label and isinstance(item, dict) and isinstance(item.get(label), str):
                name += f" ({item[label]})"
            yield Entry(self.file, name, item)

    def law(self) -> Law:
        """The entry's law fields, every one required (:data:`LAW_KEYS`)."""
        for key in LAW_KEYS:
            if key not in self.value:
                self.fail(f"missing {key!r}")
        return Law(basis=self.text("basis"), text="\n".join(self.texts("text")),
                   source="; ".join(self.texts("source")),
                   version="; ".join(self.texts("version")),
                   restored=self.optional_text("restored"), note=self.optional_text("note"))


def _root(path: Path) -> Entry:
    return Entry(display_path(path), "", read(path))


# --------------------------------------------------------------------------- deadlines.json

_RULE_KEYS = ("rule", "label_ko", "unit", "basis", "text", "source", "version")
_RULE_OPTIONAL = ("period", "target", "statutory", "extension", "progress_notice",
                  "target_source", *LAW_NOTES)
_EXTENSION_KEYS = ("max", "times", "consent_for_second", "notice", *LAW_KEYS)
_NOTICE_KEYS = ("after_days", "repeats", "on_request", "online_waiver", *LAW_KEYS)


def check_deadlines(raw: Any, file: str = "resources/rules/deadlines.json") -> dict[str, Any]:
    """Check the processing-period table's shape and cross-references; return it as read."""
    top = Entry(file, "", raw)
    top.keys(("version", "counting", "rules", "kinds", "anonymous", "progress_notices",
              "steps"))
    top.text("version")
    _check_steps(top.child("steps"))

    counting = top.child("counting")
    counting.keys(("hours_threshold_days", "hours_per_day", "work_periods",
                   "timezone_offset_hours", "working_hours", "office_hours", *LAW_KEYS),
                  LAW_NOTES)
    counting.law()
    if counting.value["timezone_offset_hours"] != 9:
        counting.fail("'timezone_offset_hours' must be 9 (KST)")
    counting.integer("hours_threshold_days")
    per_day = counting.integer("hours_per_day")
    periods = counting.value["work_periods"]
    if not isinstance(periods, list) or not periods or not all(
            isinstance(p, list) and len(p) == 2 for p in periods):
        counting.fail("'work_periods' must be a list of [start, end] pairs")
    parsed = [(counting.hhmm(s, "work_periods"), counting.hhmm(e, "work_periods"))
              for s, e in periods]
    for (start, end), nxt in zip(parsed, [*parsed[1:], None], strict=True):
        if not start < end or (nxt is not None and not end <= nxt[0]):
            counting.fail("'work_periods' must be ordered and disjoint")
    minutes = sum((e.hour * 60 + e.minute) - (s.hour * 60 + s.minute) for s, e in parsed)
    if minutes != per_day * 60:
        counting.fail(f"'work_periods' add up to {minutes / 60:g} hours, not "
                      f"hours_per_day ({per_day})")
    for key in ("working_hours", "office_hours"):
        part = counting.child(key)
        part.keys(LAW_KEYS, LAW_NOTES)
        part.law()

    notices = top.child("progress_notices")
    for name in notices.value:
        notice = notices.child(name)
        notice.keys(_NOTICE_KEYS, LAW_NOTES)
        notice.integer("after_days")
        for flag in ("repeats", "on_request", "online_waiver"):
            notice.boolean(flag)
        notice.law()

    anonymous = top.child("anonymous")
    anonymous.keys(LAW_KEYS, LAW_NOTES)
    anonymous.law()

    seen: set[str] = set()
    for item in top.items("rules", label="rule"):
        item.keys(_RULE_KEYS, _RULE_OPTIONAL)
        rule_id = item.text("rule")
        if rule_id in seen:
            item.fail(f"rule {rule_id!r} is defined twice")
        seen.add(rule_id)
        item.text("label_ko")
        item.choice("unit", ("hours", "days"))
        item.law()
        statutory = item.boolean("statutory", default=True)
        if statutory:
            if item.has("target") or item.has("target_source"):
                item.fail("'target' and 'target_source' are for rules with "
                          "\"statutory\": false; a statutory rule has a 'period'")
            if not item.has("period"):
                item.fail("missing 'period'")
            item.integer("period")
        else:
            if item.has("period"):
                item.fail("a rule with \"statutory\": false has no legal 'period': give "
                          "its internal 'target' instead")
            if not item.has("target"):
                item.fail("missing 'target'")
            item.integer("target")
            item.text("target_source")
        if item.has("extension"):
            ext = item.child("extension")
            ext.keys(_EXTENSION_KEYS, LAW_NOTES)
            if ext.value["max"] != "period":
                ext.integer("max")
            if ext.value["times"] is not None:
                ext.integer("times")
            ext.boolean("consent_for_second")
            ext.boolean("notice")
            ext.law()
        notice_id = item.value.get("progress_notice")
        if notice_id is not None and notice_id not in notices.value:
            item.fail(f"'progress_notice' names no entry of progress_notices: {notice_id!r}")

    kinds = top.value["kinds"]
    if not isinstance(kinds, dict):
        top.fail("'kinds' must be an object")
    for kind, rule_id in kinds.items():
        if rule_id not in seen:
            top.child("kinds").fail(f"kind {kind!r} points at unknown rule {rule_id!r}")
    return raw  # type: ignore[no-any-return]


def _check_steps(steps: Entry) -> None:
    """The review steps that move a deadline at the centre (sync/hub/workflow.py)."""
    steps.keys(("supplement", "transfer", "handler", "extension_in_time"))
    supplement = steps.child("supplement")
    supplement.keys(("counting", *LAW_KEYS), LAW_NOTES)
    supplement.law()
    counting = supplement.child("counting")
    counting.keys(("includes_both_days", *LAW_KEYS), LAW_NOTES)
    counting.boolean("includes_both_days")
    counting.law()
    transfer = steps.child("transfer")
    transfer.keys(("within_working_hours", *LAW_KEYS), LAW_NOTES)
    transfer.integer("within_working_hours")
    transfer.law()
    for name in ("handler", "extension_in_time"):
        entry = steps.child(name)
        entry.keys(LAW_KEYS, LAW_NOTES)
        entry.law()


def _checked(name: str, check: Callable[[Any, str], dict[str, Any]]) -> dict[str, Any]:
    """``resources/rules/<name>`` read and put through ``check`` (which names the file)."""
    path = resource_path("rules", name)
    return check(read(path), display_path(path))


@cache
def deadlines_table() -> dict[str, Any]:
    """``resources/rules/deadlines.json``, checked; read once per process."""
    return _checked("deadlines.json", check_deadlines)


# --------------------------------------------------------------------------- holidays-extra.json

_EXTRA_TOP = ("version", "basis", "text", "source", "holidays")
_EXTRA_ITEM = ("date", "name", "basis", "text", "source")


def check_holidays_extra(raw: Any, file: str) -> dict[str, Any]:
    """The days the government designated after the ``holidays`` package was released."""
    top = Entry(file, "", raw)
    top.keys(_EXTRA_TOP, ("note", "example", *LAW_NOTES, "law_version"))
    top.text("version")
    top.text("basis")
    top.texts("text")
    top.texts("source")
    days: set[date] = set()
    for item in top.items("holidays", label="date"):
        item.keys(_EXTRA_ITEM, ("version", *LAW_NOTES))
        day = item.date("date")
        if day in days:
            item.fail(f"{day.isoformat()} is listed twice")
        days.add(day)
        item.text("name")
        item.text("basis")
        item.texts("text")
        item.texts("source")
    return raw  # type: ignore[no-any-return]


@cache
def holidays_extra_table() -> dict[str, Any]:
    return _checked("holidays-extra.json", check_holidays_extra)


# --------------------------------------------------------------------------- retention tables

_RETENTION_ENTRY = ("days", "counted_from", "destroyed", "kept", *LAW_KEYS)
_RECORDS_ENTRY = ("years", "verified", "why", "start", "applies_to", *LAW_KEYS)
#: What the laptop destroys and after how many days: cases, counsel sessions, intake
#: drafts, the supervisor's offline copies of the review queue, the audit's free text.
_RETENTION_KINDS = ("complaint", "counsel", "draft", "review_cache", "audit_details")


def check_retention(raw: Any, file: str) -> dict[str, Any]:
    """The laptop's retention: how long it keeps personal data once the hub holds it, and
    the records rule (공공기록물법 시행령 제26조) the centre's record follows."""
    top = Entry(file, "", raw)
    top.keys(("version", *_RETENTION_KINDS, "records"), ("note",))
    top.text("version")
    for name in _RETENTION_KINDS:
        entry = top.child(name)
        entry.keys(_RETENTION_ENTRY, LAW_NOTES)
        entry.integer("days")
        entry.text("counted_from")
        entry.law()
    records = top.child("records")
    records.keys(_RECORDS_ENTRY, LAW_NOTES)
    records.integer("years")
    records.boolean("verified")
    records.text("why")
    records.choice("start", ("next_january_1",))
    records.text("applies_to")
    records.law()
    return raw  # type: ignore[no-any-return]


@cache
def retention_table() -> dict[str, Any]:
    return _checked("retention.json", check_retention)


def check_hub_retention(raw: Any, file: str) -> dict[str, Any]:
    """The hub's table (read by ``sync.hub.retention``, which cannot import this): checked
    here so that a broken hub table fails the laptop's start-up test too."""
    top = Entry(file, "", raw)
    top.keys(("version", "complaint", "counsel"), ("verify", "note"))
    top.text("version")
    for name in ("complaint", "counsel"):
        entry = top.child(name)
        entry.keys(("years", "counted_from", "destroyed", "kept_content", "basis"),
                   ("text", "source", "law_version", "verified", "why", *LAW_NOTES))
        entry.integer("years")  # from 1 January after the finishing year (제26조③)
        entry.text("basis")
    return raw  # type: ignore[no-any-return]


@cache
def hub_retention_table() -> dict[str, Any]:
    return _checked("hub-retention.json", check_hub_retention)


NOTICE_KINDS = ("handler", "extension", "transfer", "progress", "result")
NOTICE_EVENTS = ("assign", "extend", "transfer", "progress", "close")


def check_notices(raw: Any, file: str) -> dict[str, Any]:
    """The notices the hub sends a petitioner (``sync.hub.notices``): which step makes
    which notice, each with its law; the channels; the retries."""
    top = Entry(file, "", raw)
    top.keys(("version", "notices", "channels", "retry"), ("note",))
    top.text("version")
    notices = top.child("notices")
    notices.keys(NOTICE_KINDS)
    for kind, event in zip(NOTICE_KINDS, NOTICE_EVENTS):
        entry = notices.child(kind)
        entry.keys(("event", *LAW_KEYS), LAW_NOTES)
        if entry.choice("event", NOTICE_EVENTS) != event:
            entry.fail(f"the {kind} notice follows the {event!r} step")
        entry.law()
    channels = raw.get("channels")
    if not isinstance(channels, list) or sorted(channels) != ["email", "post", "sms"]:
        top.fail("'channels' must be sms, email and post")
    retry = top.child("retry")
    retry.keys(("attempts", "base_seconds", "cap_seconds"))
    for key in ("attempts", "base_seconds", "cap_seconds"):
        retry.integer(key)
    return raw  # type: ignore[no-any-return]


@cache
def notices_table() -> dict[str, Any]:
    return _checked("notices.json", check_notices)


@cache
def check_all() -> None:
    """Read and check every rule table once: the start-up check of the CLI and the window.

    Raises :class:`RuleTableError` naming the file and the entry. Cheap (JSON only: the
    ``holidays`` package is not loaded) and cached, so calling it twice costs nothing.
    """
    deadlines_table()
    holidays_extra_table()
    retention_table()
    hub_retention_table()
    notices_table()
