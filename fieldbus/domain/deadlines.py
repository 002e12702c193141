"""Statutory processing periods and administrative-appeal deadlines.

Why this module exists: a receipt (접수증) must state the processing period and the
expected completion date, and an officer on the bus must be able to tell a petitioner how
long they have left to file an administrative appeal. Both are legal facts, so:

* the periods and their legal bases live as data in ``resources/rules/deadlines.json``
  (read once, cached) — a change of law is a data change, reviewed against law.go.kr;
* the counting follows 민원 처리에 관한 법률 제19조 (processing periods) and 행정심판법
  제27조 with 민법 제157조·제161조 (appeal periods);
* Korean public holidays, lunar and substitute ones included, come from the ``holidays``
  package rather than a hand-written list that would silently go stale.

Everything here is pure: no clock is read (callers pass ``received_at`` / ``today``), so
the same inputs give the same receipt on every laptop.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import cache, lru_cache
from typing import Any, Literal

from fieldbus.domain.errors import FieldbusError, ValidationError
from fieldbus.domain.resources import resource_path

__all__ = [
    "KST",
    "AppealDeadline",
    "Deadline",
    "DeadlineRule",
    "all_rules",
    "appeal_deadline",
    "holidays_covered_until",
    "is_working_day",
    "planned_deadline",
    "rule_for",
    "statutory_deadline",
]

KST: tzinfo = timezone(timedelta(hours=9), "KST")
"""Korea Standard Time. Korea has no daylight saving, so a fixed offset is exact."""


def kst_today() -> date:
    """Today on the Korean calendar, whatever zone the laptop's clock is set to: the store
    stamps cases in KST, so "today", "overdue" and default dates must agree with it."""
    return datetime.now(KST).date()


Unit = Literal["hours", "days"]


@dataclass(frozen=True)
class DeadlineRule:
    """One row of the rule table: how long a kind of complaint may take, and why.

    ``basis`` is the Korean legal citation printed on receipts, so that a petitioner (or
    an auditor) can check the period against the law itself.
    """

    rule: str
    period: int
    unit: Unit
    basis: str
    label_ko: str


@dataclass(frozen=True)
class Deadline:
    """The processing deadline of one complaint, fixed at the moment of receipt."""

    rule: DeadlineRule
    received_at: datetime  # aware, KST
    due: datetime  # aware, KST

    @property
    def date(self) -> date:
        """The due day in Korea, for lists and reminders that do not care about the hour."""
        return self.due.date()

    @property
    def text(self) -> str:
        """What the receipt prints: a day for day-counted periods, day and time otherwise.

        A period counted in working hours (every ``hours`` rule, and a ``days`` rule of
        5 days or less) can end in the middle of a day, so the time is part of the answer.
        """
        if _counts_in_hours(self.rule):
            return self.due.strftime("%Y-%m-%d %H:%M")
        return self.due.strftime("%Y-%m-%d")


@dataclass(frozen=True)
class AppealDeadline:
    """Last day to file an administrative appeal (행정심판) against a disposition.

    ``from_learning`` and ``from_disposition`` are the two statutory limits, each already
    moved past a closing Saturday, Sunday or public holiday; ``due`` is the earlier one,
    because the appeal is barred as soon as either has run out.
    """

    due: date
    from_learning: date | None
    from_disposition: date
    basis: str
    warn_days: int = 14

    def days_left(self, today: date) -> int:
        """Whole days from ``today`` to ``due``: 0 on the last day, negative once past."""
        return (self.due - today).days

    def status(self, today: date) -> Literal["ok", "near", "past"]:
        """``near`` while at most ``warn_days`` remain, so the officer warns the petitioner."""
        left = self.days_left(today)
        if left < 0:
            return "past"
        if left <= self.warn_days:
            return "near"
        return "ok"


# --------------------------------------------------------------------------- rule table


@dataclass(frozen=True)
class _Counting:
    hours_threshold_days: int
    hours_per_day: int
    work_periods: tuple[tuple[time, time], ...]


@dataclass(frozen=True)
class _Appeal:
    from_learning_days: int
    from_disposition_days: int
    warn_days: int
    basis: str


@dataclass(frozen=True)
class _Table:
    version: str
    counting: _Counting
    rules: dict[str, DeadlineRule]  # insertion order = file order
    kinds: dict[str, str]
    appeal: _Appeal


class RuleTableError(FieldbusError):
    """The shipped rule table is malformed: an installation fault, not a user error."""

    code = "rule_table_invalid"


def _parse_hhmm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _parse_table(raw: dict[str, Any]) -> _Table:
    """Check the table's shape up front, so a bad edit fails at start-up, not on a receipt."""
    try:
        counting_raw = raw["counting"]
        if int(counting_raw["timezone_offset_hours"]) != 9:
            raise RuleTableError("counting.timezone_offset_hours must be 9 (KST)")
        periods = tuple(
            (_parse_hhmm(start), _parse_hhmm(end)) for start, end in counting_raw["work_periods"]
        )
        for (start, end), nxt in zip(periods, periods[1:] + ((None, None),)):
            if not start < end or (nxt[0] is not None and not end <= nxt[0]):
                raise RuleTableError("counting.work_periods must be ordered and disjoint")
        counting = _Counting(
            hours_threshold_days=int(counting_raw["hours_threshold_days"]),
            hours_per_day=int(counting_raw["hours_per_day"]),
            work_periods=periods,
        )
        minutes_per_day = sum(_minutes(s, e) for s, e in periods)
        if minutes_per_day != counting.hours_per_day * 60:
            raise RuleTableError("counting.work_periods do not add up to hours_per_day")

        rules: dict[str, DeadlineRule] = {}
        for item in raw["rules"]:
            unit = item["unit"]
            period = item["period"]
            if unit not in ("hours", "days"):
                raise RuleTableError(f"rule {item['rule']!r}: unit must be 'hours' or 'days'")
            if not isinstance(period, int) or isinstance(period, bool) or period <= 0:
                raise RuleTableError(f"rule {item['rule']!r}: period must be a positive integer")
            if item["rule"] in rules:
                raise RuleTableError(f"rule {item['rule']!r} is defined twice")
            rules[item["rule"]] = DeadlineRule(
                rule=str(item["rule"]),
                period=period,
                unit=unit,
                basis=str(item["basis"]),
                label_ko=str(item["label_ko"]),
            )

        kinds = {str(k): str(v) for k, v in raw["kinds"].items()}
        for kind, rule in kinds.items():
            if rule not in rules:
                raise RuleTableError(f"kind {kind!r} points at unknown rule {rule!r}")

        appeal_raw = raw["appeal"]
        appeal = _Appeal(
            from_learning_days=int(appeal_raw["from_learning_days"]),
            from_disposition_days=int(appeal_raw["from_disposition_days"]),
            warn_days=int(appeal_raw["warn_days"]),
            basis=str(appeal_raw["basis"]),
        )
        return _Table(
            version=str(raw["version"]),
            counting=counting,
            rules=rules,
            kinds=kinds,
            appeal=appeal,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleTableError(f"deadlines.json is malformed: {exc!r}") from exc


@cache
def _table() -> _Table:
    """The rule table, read once per process: it is part of the installation, not user data."""
    path = resource_path("rules", "deadlines.json")
    with path.open(encoding="utf-8") as fh:
        return _parse_table(json.load(fh))


def rule_for(kind_or_rule: str) -> DeadlineRule:
    """The rule for a complaint kind (its default rule) or for an explicit rule id.

    Both are accepted because intake stores the kind, while an officer may override the
    default (for example an inquiry that asks for a legal interpretation, ``inquiry_legal``).
    """
    table = _table()
    rule_id = table.kinds.get(kind_or_rule, kind_or_rule)
    rule = table.rules.get(rule_id)
    if rule is None:
        raise ValidationError(
            "kind", f"unknown complaint kind or rule: {kind_or_rule!r}", code="unknown_kind"
        )
    return rule


def all_rules() -> list[DeadlineRule]:
    """Every rule in table order, for pickers and for printing the rule sheet."""
    return list(_table().rules.values())


# --------------------------------------------------------------------------- calendar


@cache
def _korean_calendar() -> Any:
    """The ``holidays`` package's Korean calendar class (``holidays.KR``), loaded when a
    deadline is first counted rather than at import.

    ``holidays.country_holidays("KR")`` and ``import holidays.countries.south_korea`` both
    import every country's module first (about 0.1 s, on the desktop app's start-up path
    before), so the one module is loaded from its file. Should the package's layout ever
    change, the ordinary (slower) way gives the same calendar.
    """
    import holidays

    if "holidays.countries" in sys.modules:  # every country is loaded already
        return holidays.country_holidays("KR").__class__
    try:
        spec = importlib.util.spec_from_file_location(
            "fieldbus_holidays_south_korea",
            f"{holidays.__path__[0]}/countries/south_korea.py")
        if spec is None or spec.loader is None:
            raise ImportError("holidays.countries.south_korea")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.SouthKorea
    except (OSError, ImportError, AttributeError):
        return holidays.country_holidays("KR").__class__


@cache
def _holidays_of(year: int) -> frozenset[date]:
    """Korean public holidays of one year, lunar and substitute days included.

    Cached per year because deadline arithmetic asks about the same few years over and
    over, and building the calendar (lunar conversion) is the expensive part.
    """
    return frozenset(_korean_calendar()(years=year).keys())


def holidays_covered() -> tuple[date, date]:
    """The first and last day the holiday tables answer for: the years the ``holidays``
    package's Korean calendar knows (its lunar tables included). Outside them it knows no
    holiday at all, and every weekday would silently count as a working day."""
    calendar = _korean_calendar()
    return date(calendar.start_year, 1, 1), date(calendar.end_year, 12, 31)


def holidays_covered_until() -> date:
    return holidays_covered()[1]


def is_working_day(day: date) -> bool:
    """A day that counts: not Saturday or Sunday, and not a Korean public holiday."""
    if isinstance(day, datetime):
        day = day.date()
    return day.weekday() < 5 and day not in _holidays_of(day.year)


def _next_working_day_on_or_after(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def _minutes(start: time, end: time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def _counts_in_hours(rule: DeadlineRule) -> bool:
    """제19조: every hours rule, and a days rule of at most 5 days, runs in working hours."""
    return rule.unit == "hours" or rule.period <= _table().counting.hours_threshold_days


def _to_kst(moment: datetime) -> datetime:
    """Naive times are taken as KST (the bus is always in Korea); aware ones are converted."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=KST)
    return moment.astimezone(KST)


# --------------------------------------------------------------------------- processing period


def _add_working_time(start: datetime, amount: timedelta) -> datetime:
    """``start`` plus ``amount`` of working time (working periods of working days only).

    Time before the first working period, during lunch, after hours or on a non-working
    day does not count: the clock starts at the next working period.
    """
    periods = _table().counting.work_periods
    remaining = amount
    day = start.date()
    cursor = start
    while True:
        if is_working_day(day):
            for p_start, p_end in periods:
                seg_start = datetime.combine(day, p_start, tzinfo=KST)
                seg_end = datetime.combine(day, p_end, tzinfo=KST)
                seg_start = max(seg_start, cursor)
                if seg_start >= seg_end:
                    continue
                available = seg_end - seg_start
                if remaining <= available:
                    return seg_start + remaining
                remaining -= available
        day += timedelta(days=1)
        cursor = datetime.combine(day, time(0), tzinfo=KST)


@lru_cache(maxsize=1024)  # an import numbers thousands of cases received on a few days
def _add_working_days(start: date, count: int) -> date:
    """The ``count``-th working day counting ``start`` itself as the first (if working)."""
    day = start
    counted = 0
    while True:
        if is_working_day(day):
            counted += 1
            if counted == count:
                return day
        day += timedelta(days=1)


def statutory_deadline(kind_or_rule: str, received_at: datetime) -> Deadline:
    """The processing deadline the receipt must print (민원 처리에 관한 법률 제19조).

    Periods of 5 days or less, and hours rules, run in working hours from the moment of
    receipt (8 a day). Longer periods run in working days with the day of receipt counted
    (if it is a working day) and end at the close of business, 18:00 KST, of the last one.
    """
    if not isinstance(received_at, datetime):
        raise ValidationError(
            "received_at", "received_at must be a date and time", code="invalid_datetime"
        )
    rule = rule_for(kind_or_rule)
    received = _to_kst(received_at)
    counting = _table().counting
    if _counts_in_hours(rule):
        hours = rule.period if rule.unit == "hours" else rule.period * counting.hours_per_day
        due = _add_working_time(received, timedelta(hours=hours))
    else:
        last_day = _add_working_days(received.date(), rule.period)
        close = counting.work_periods[-1][1]
        due = datetime.combine(last_day, close, tzinfo=KST)
    return Deadline(rule=rule, received_at=received, due=due)


def planned_deadline(kind_or_rule: str, start: datetime) -> Deadline:
    """The deadline a case received at ``start`` would get — a planned visit's, in the
    future as readily as in the past — counted exactly as :func:`statutory_deadline`,
    but only where the holiday tables cover the whole period: beyond them the count
    would be wrong without saying so, so it is refused with the last day they cover.
    (Holidays the government declares later, such as a one-off 임시공휴일, are not in
    any table yet: a planned answer is as good as the tables of this release.)"""
    first, last = holidays_covered()
    received = _to_kst(start)
    if received.date() < first:
        raise ValidationError("from", f"is before {first.isoformat()}, the first day the "
                              "holiday tables cover", code="before_holiday_tables")
    if received.date() <= last:
        deadline = statutory_deadline(kind_or_rule, received)
        if deadline.due.date() <= last:
            return deadline
    raise ValidationError("from", f"the holiday tables answer for deadlines up to "
                          f"{last.isoformat()}; choose an earlier day",
                          code="beyond_holiday_tables")


# --------------------------------------------------------------------------- appeal period


def _period_end(start: date, days: int) -> date:
    """민법 제157조·제161조: first day not counted; a closing non-working day rolls forward."""
    return _next_working_day_on_or_after(start + timedelta(days=days))


def appeal_deadline(*, disposed_on: date, learned_on: date | None) -> AppealDeadline:
    """Last day to file 행정심판 (행정심판법 제27조): 90 days from learning of the disposition,
    180 days from the disposition, whichever ends first.

    ``learned_on`` may be unknown (None), in which case only the 180-day limit applies.
    """
    if learned_on is not None and learned_on < disposed_on:
        raise ValidationError(
            "disposition.learned_on",
            "the day the petitioner learned of the disposition cannot precede the disposition",
            code="learned_before_disposition",
        )
    appeal = _table().appeal
    from_disposition = _period_end(disposed_on, appeal.from_disposition_days)
    from_learning = (
        _period_end(learned_on, appeal.from_learning_days) if learned_on is not None else None
    )
    due = from_disposition if from_learning is None else min(from_learning, from_disposition)
    return AppealDeadline(
        due=due,
        from_learning=from_learning,
        from_disposition=from_disposition,
        basis=appeal.basis,
        warn_days=appeal.warn_days,
    )
