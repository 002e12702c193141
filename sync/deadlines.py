"""Statutory processing periods of complaints, and the working-day calendar they count in.

Why this module exists: a receipt (접수증) must state the processing period and the
expected completion date, and an officer on the bus must be able to tell a petitioner how
long they have left to file an administrative appeal (:mod:`fieldbus.domain.appeal`, which
counts in this calendar). Both are legal facts, so:

* the periods and their legal bases live as data in ``resources/rules/deadlines.json``
  (read once, cached, checked strictly by :mod:`sync.rule_tables`) — every rule
  carries the quoted sentence of the statute, the mirror it was read in and the version
  read, and a change of law is a data change;
* a period that is not law (소극행정신고's internal target) is marked ``statutory: false``,
  and a request without name and address (not a 민원 under 민원처리법 제2조) has no
  deadline at all (:func:`complaint_deadline` returns None);
* the counting follows 민원 처리에 관한 법률 제19조 (processing periods) and 행정심판법
  제27조 with 민법 제157조·제161조 (appeal periods);
* Korean public holidays, lunar and substitute ones included, come from the ``holidays``
  package rather than a hand-written list that would silently go stale, plus the days
  the government designates later (임시공휴일, ``resources/rules/holidays-extra.json``).

Everything here is pure: no clock is read (callers pass ``received_at`` / ``today``), so
the same inputs give the same receipt on every laptop.
"""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import cache, lru_cache
from typing import Any, Literal

from sync import rule_tables
from sync.errors import ValidationError
from sync.rule_tables import Law, RuleTableError

__all__ = [
    "ANONYMOUS",
    "KST",
    "CalendarDay",
    "Counting",
    "Deadline",
    "DeadlineRule",
    "Extension",
    "Law",
    "ProgressNotice",
    "RuleTableError",
    "all_rules",
    "anonymous_basis",
    "calendar_month",
    "complaint_deadline",
    "counting",
    "extend",
    "holiday_name",
    "holidays_covered_until",
    "is_working_day",
    "planned_deadline",
    "progress_notice",
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

#: ``Complaint.deadline_rule`` of a case with no deadline: a request without name and
#: address is not a 민원 (민원처리법 제2조제1호·제2호, 시행령 제2조①3; :func:`anonymous_basis`).
ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class Extension:
    """How far a rule's period may be extended, and on what basis (data, not code).

    ``max`` is in the rule's unit, per extension; ``times`` is how many extensions the
    text allows (None: the text limits only their total, ``max``); with
    ``consent_for_second`` the second one needs the petitioner's consent (민원처리법
    시행령 제21조①); ``notice``: the petitioner must be told (in writing, 제21조②).
    """

    max: int
    times: int | None
    consent_for_second: bool
    notice: bool
    law: Law


@dataclass(frozen=True)
class ProgressNotice:
    """The duty to tell the petitioner how the case stands (issue 14 sends it).

    ``after_days`` from receipt (or at once ``on_request``); ``repeats``: every
    ``after_days`` again (민원처리법 시행령 제23조②) or once (부패방지권익위법 시행령
    제50조②); ``online_waiver``: may be left out when the petitioner was told in advance
    that progress is published online (제23조③) — the receipt must then say so.
    """

    id: str
    after_days: int
    repeats: bool
    on_request: bool
    online_waiver: bool
    law: Law


@dataclass(frozen=True)
class DeadlineRule:
    """One row of the rule table: how long a kind of complaint may take, and why.

    ``basis`` is the Korean legal citation printed on receipts, so that a petitioner (or
    an auditor) can check the period against the law itself; ``law`` adds the quoted
    sentence, the mirror and the version it was read in.

    ``statutory`` False: ``period`` is an internal target, not a legal period (소극행정신고,
    적극행정 운영규정 제18조의3 sets none); receipts and screens must say so
    (``basis`` says "내부 처리 목표 … 법정 처리기간이 아님").
    """

    rule: str
    period: int
    unit: Unit
    basis: str
    label_ko: str
    statutory: bool = True
    law: Law | None = None
    extension: Extension | None = None
    progress_notice: str | None = None  # an id of the table's progress_notices
    target_source: str | None = None  # where a non-statutory target comes from


@dataclass(frozen=True)
class Deadline:
    """The processing deadline of one complaint, fixed at the moment of receipt."""

    rule: DeadlineRule
    received_at: datetime  # aware, KST
    due: datetime  # aware, KST
    extended_by: int = 0  # in the rule's unit, every extension together

    @property
    def statutory(self) -> bool:
        """True for a legal processing period; False for an internal target (print it as
        "내부 처리 목표", never as the law's period)."""
        return self.rule.statutory

    @property
    def basis(self) -> str:
        return self.rule.basis

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


# --------------------------------------------------------------------------- rule table


@dataclass(frozen=True)
class Counting:
    """How periods are counted (민원처리법 제19조) and the working hours they count in.

    ``law`` is 제19조; ``working_hours`` 국가공무원 복무규정 제9조② (09:00–18:00, lunch
    12:00–13:00: the 8 hours of 제19조①); ``office_hours`` 시행령 제8조의3① (the 민원실's
    opening hours, a restored number)."""

    hours_threshold_days: int
    hours_per_day: int
    work_periods: tuple[tuple[time, time], ...]
    law: Law | None = None
    working_hours: Law | None = None
    office_hours: Law | None = None


_Counting = Counting


@dataclass(frozen=True)
class _Table:
    version: str
    counting: _Counting
    rules: dict[str, DeadlineRule]  # insertion order = file order
    kinds: dict[str, str]
    anonymous: Law | None = None
    notices: dict[str, ProgressNotice] | None = None


_FILE = "resources/rules/deadlines.json"


def _law(entry: dict[str, Any], where: str, file: str) -> Law:
    return rule_tables.Entry(file, where, entry).law()


def _parse_table(raw: dict[str, Any], file: str = _FILE) -> _Table:
    """Check the table whole up front (:func:`rule_tables.check_deadlines`: unknown keys,
    missing basis/text/source/version, bad values name the file and the entry), so a bad
    edit fails at start-up, never on a receipt; then build its records."""
    rule_tables.check_deadlines(raw, file)
    try:
        counting_raw = raw["counting"]
        periods = tuple(
            (_parse_hhmm(start), _parse_hhmm(end)) for start, end in counting_raw["work_periods"]
        )
        counting = Counting(
            hours_threshold_days=int(counting_raw["hours_threshold_days"]),
            hours_per_day=int(counting_raw["hours_per_day"]),
            work_periods=periods,
            law=_law(counting_raw, "counting", file),
            working_hours=_law(counting_raw["working_hours"], "counting.working_hours", file),
            office_hours=_law(counting_raw["office_hours"], "counting.office_hours", file),
        )
        notices = {
            name: ProgressNotice(
                id=name, after_days=int(item["after_days"]), repeats=bool(item["repeats"]),
                on_request=bool(item["on_request"]),
                online_waiver=bool(item["online_waiver"]),
                law=_law(item, f"progress_notices.{name}", file))
            for name, item in raw["progress_notices"].items()
        }

        rules: dict[str, DeadlineRule] = {}
        for i, item in enumerate(raw["rules"]):
            where = f"rules[{i}] ({item['rule']})"
            statutory = bool(item.get("statutory", True))
            period = int(item["period"] if statutory else item["target"])
            extension = None
            if "extension" in item:
                ext = item["extension"]
                extension = Extension(
                    max=period if ext["max"] == "period" else int(ext["max"]),
                    times=None if ext["times"] is None else int(ext["times"]),
                    consent_for_second=bool(ext["consent_for_second"]),
                    notice=bool(ext["notice"]),
                    law=_law(ext, f"{where}.extension", file))
            rules[item["rule"]] = DeadlineRule(
                rule=str(item["rule"]),
                period=period,
                unit=item["unit"],
                basis=str(item["basis"]),
                label_ko=str(item["label_ko"]),
                statutory=statutory,
                law=_law(item, where, file),
                extension=extension,
                progress_notice=item.get("progress_notice"),
                target_source=item.get("target_source"),
            )

        kinds = {str(k): str(v) for k, v in raw["kinds"].items()}

        return _Table(
            version=str(raw["version"]),
            counting=counting,
            rules=rules,
            kinds=kinds,
            anonymous=_law(raw["anonymous"], "anonymous", file),
            notices=notices,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise RuleTableError(file, "table", f"malformed: {exc!r}") from exc


def _parse_hhmm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


@cache
def _table() -> _Table:
    """The rule table, read once per process: it is part of the installation, not user data."""
    return _parse_table(rule_tables.deadlines_table())


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


def counting() -> Counting:
    """How periods are counted and the working hours (with their laws), for the calendar
    command and for receipts that explain the count."""
    return _table().counting


def anonymous_basis() -> Law:
    """Why a request without name and address has no processing period: 민원처리법
    제2조제1호·제2호 and 시행령 제2조①3 (not a 민원인, so not a 민원). Receipts print
    its ``basis`` where the deadline would be."""
    law = _table().anonymous
    assert law is not None  # the table requires it
    return law


def progress_notice(kind_or_rule: str) -> ProgressNotice | None:
    """The progress-notice duty for a kind or rule (시행령 제23조 or, for the ACRC's own
    grievances, 부패방지권익위법 시행령 제50조②); None where the table names none
    (reports, 소극행정신고: no such rule was read for them)."""
    rule = rule_for(kind_or_rule)
    notices = _table().notices or {}
    return notices.get(rule.progress_notice) if rule.progress_notice else None


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


@dataclass(frozen=True)
class ExtraHoliday:
    """A day of ``resources/rules/holidays-extra.json``: one the government designated
    (임시공휴일, 관공서의 공휴일에 관한 규정 제2조제11호) after the package was released."""

    day: date
    name: str
    basis: str
    text: str
    source: str


@cache
def _extra_holidays() -> dict[date, ExtraHoliday]:
    table = rule_tables.holidays_extra_table()
    return _parse_extra(table)


def _parse_extra(table: dict[str, Any]) -> dict[date, ExtraHoliday]:
    extra: dict[date, ExtraHoliday] = {}
    for item in table["holidays"]:
        day = date.fromisoformat(item["date"])
        text = item["text"] if isinstance(item["text"], str) else "\n".join(item["text"])
        source = item["source"] if isinstance(item["source"], str) else "; ".join(item["source"])
        extra[day] = ExtraHoliday(day=day, name=item["name"], basis=item["basis"], text=text,
                                  source=source)
    return extra


@cache
def _package_holidays(year: int) -> dict[date, str]:
    """The ``holidays`` package's Korean holidays of one year, with their Korean names."""
    calendar = _korean_calendar()
    try:
        found = calendar(years=year, language="ko")
    except (TypeError, ValueError, NotImplementedError):  # a release without Korean names
        found = calendar(years=year)
    return dict(found.items())


@cache
def _holidays_of(year: int) -> frozenset[date]:
    """Korean public holidays of one year, lunar and substitute days included, and the
    days of ``holidays-extra.json`` in that year.

    Cached per year because deadline arithmetic asks about the same few years over and
    over, and building the calendar (lunar conversion) is the expensive part.
    """
    extra = {d for d in _extra_holidays() if d.year == year}
    return frozenset(_korean_calendar()(years=year).keys()) | extra


def holiday_name(day: date) -> tuple[str, str] | None:
    """``(name, source)`` of a public holiday, ``source`` being ``"holidays"`` (the
    package) or ``"holidays-extra"`` (the table); None on any other day (Saturdays and
    Sundays that are no holiday included)."""
    extra = _extra_holidays().get(day)
    if extra is not None:
        return extra.name, "holidays-extra"
    if day in _holidays_of(day.year):
        names = _package_holidays(day.year)
        return names.get(day, ""), "holidays"
    return None


@dataclass(frozen=True)
class CalendarDay:
    """One day as the calculator sees it (``fieldbus calendar``)."""

    day: date
    working: bool
    holiday: str | None  # the holiday's name
    source: str | None  # "holidays" (the package) or "holidays-extra"
    weekend: bool


def calendar_month(year: int, month: int) -> list[CalendarDay]:
    """Every day of a month: working day or not, and which holiday from which table."""
    first = date(year, month, 1)
    days = []
    day = first
    while day.month == month:
        found = holiday_name(day)
        days.append(CalendarDay(day=day, working=is_working_day(day),
                                holiday=found[0] if found else None,
                                source=found[1] if found else None,
                                weekend=day.weekday() >= 5))
        day += timedelta(days=1)
    return days


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


def complaint_deadline(kind_or_rule: str, received_at: datetime, *,
                       anonymous: bool) -> Deadline | None:
    """A complaint's deadline: None for a request without name and address (``anonymous``:
    not a 민원 under 민원처리법 제2조제1호·제2호 and 시행령 제2조①3 — :func:`anonymous_basis`
    says why), :func:`statutory_deadline` otherwise. A kind that is not a 민원 under that
    Act (a report) is counted all the same: its own law sets a period (법 제59조⑧ …)."""
    if anonymous:
        rule_for(kind_or_rule)  # an unknown kind is still refused
        return None
    return statutory_deadline(kind_or_rule, received_at)


def extend(deadline: Deadline, amount: int, *, earlier: int = 0,
           consent: bool = False) -> Deadline:
    """The deadline extended by ``amount`` (in the rule's unit), within the table's limits.

    ``earlier`` is how many times it was extended before (``deadline`` already includes
    them). Refused (ValidationError on ``extension``) when the rule has no extension, when
    ``amount`` is not positive or goes over ``max`` — for a rule whose text limits only the
    total (``times`` None, e.g. ACRC grievances "60일의 범위에서") the total so far
    counts — when the text allows no further extension, or when the second one needs the
    petitioner's consent (민원처리법 시행령 제21조①) and ``consent`` is False. The
    extension is counted like the period: working days after the last day (18:00), or
    working hours from the current due moment.
    """
    ext = deadline.rule.extension
    if ext is None:
        raise ValidationError("extension", f"rule {deadline.rule.rule!r} has no extension "
                              "in the rule table", code="extension_none")
    if amount <= 0:
        raise ValidationError("extension", "must be at least 1", code="extension_amount")
    if ext.times is None:
        if deadline.extended_by + amount > ext.max:
            raise ValidationError(
                "extension", f"at most {ext.max} in all ({ext.law.basis}); "
                f"{deadline.extended_by} used", code="extension_over_limit")
    else:
        if amount > ext.max:
            raise ValidationError("extension", f"at most {ext.max} each time "
                                  f"({ext.law.basis})", code="extension_over_limit")
        if earlier >= ext.times:
            raise ValidationError("extension", f"at most {ext.times} extensions "
                                  f"({ext.law.basis})", code="extension_too_many")
        if earlier >= 1 and ext.consent_for_second and not consent:
            raise ValidationError("extension", "a second extension needs the petitioner's "
                                  f"consent ({ext.law.basis})", code="extension_consent")
    table = _table().counting
    if _counts_in_hours(deadline.rule):
        hours = amount if deadline.rule.unit == "hours" else amount * table.hours_per_day
        due = _add_working_time(deadline.due, timedelta(hours=hours))
    else:
        last = _add_working_days(deadline.due.date() + timedelta(days=1), amount)
        due = datetime.combine(last, table.work_periods[-1][1], tzinfo=KST)
    return Deadline(rule=deadline.rule, received_at=deadline.received_at, due=due,
                    extended_by=deadline.extended_by + amount)


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


# --------------------------------------------------------------------------- civil-law periods


def period_end(start: date, days: int) -> date:
    """민법 제157조·제161조: first day not counted; a closing non-working day rolls forward
    (the appeal periods of :mod:`fieldbus.domain.appeal` count this way)."""
    return _next_working_day_on_or_after(start + timedelta(days=days))


# --------------------------------------------------------------------------- steps at the centre


@dataclass(frozen=True)
class Steps:
    """The review steps that move a deadline (``steps`` of the rule table): a supplement's
    pause (민원처리법 시행령 제20조 → 행정절차법 시행령 제11조), a transfer's working hours
    (시행령 제13조③), the handler's name on every notice (제31조), and extensions only
    within the period (제21조①)."""

    supplement: Law
    supplement_counting: Law
    both_days: bool
    transfer: Law
    transfer_hours: int
    handler: Law
    extension_in_time: Law


@cache
def steps() -> Steps:
    raw = rule_tables.deadlines_table()["steps"]
    return Steps(
        supplement=_law(raw["supplement"], "steps.supplement", _FILE),
        supplement_counting=_law(raw["supplement"]["counting"], "steps.supplement.counting",
                                 _FILE),
        both_days=bool(raw["supplement"]["counting"]["includes_both_days"]),
        transfer=_law(raw["transfer"], "steps.transfer", _FILE),
        transfer_hours=int(raw["transfer"]["within_working_hours"]),
        handler=_law(raw["handler"], "steps.handler", _FILE),
        extension_in_time=_law(raw["extension_in_time"], "steps.extension_in_time", _FILE))


def deadline_of(rule: str, received_at: datetime, due: datetime, *,
                extended_by: int = 0) -> Deadline:
    """A deadline as the hub holds it (its rule, receipt time and current due moment)."""
    return Deadline(rule=rule_for(rule), received_at=_to_kst(received_at), due=_to_kst(due),
                    extended_by=extended_by)


def _working_time_between(start: datetime, end: datetime) -> timedelta:
    periods = _table().counting.work_periods
    total = timedelta()
    day = start.date()
    while day <= end.date():
        if is_working_day(day):
            for p_start, p_end in periods:
                seg_start = max(datetime.combine(day, p_start, tzinfo=KST), start)
                seg_end = min(datetime.combine(day, p_end, tzinfo=KST), end)
                if seg_end > seg_start:
                    total += seg_end - seg_start
        day += timedelta(days=1)
    return total


def _working_days_from_to(first: date, last: date) -> int:
    """Working days from ``first`` to ``last``, both included."""
    count, day = 0, first
    while day <= last:
        count += is_working_day(day)
        day += timedelta(days=1)
    return count


def resumed(deadline: Deadline, paused_at: datetime, resumed_at: datetime) -> Deadline:
    """The deadline after a case waited for the petitioner's supplement from ``paused_at``
    to ``resumed_at``: that time does not count (:func:`steps`). A period counted in days
    moves by the working days from the day the case was returned to the day the fix
    arrived, both included (행정절차법 시행령 제11조제1호); one counted in working hours by
    the working time in between."""
    since, until = _to_kst(paused_at), _to_kst(resumed_at)
    if until <= since:
        return deadline
    if _counts_in_hours(deadline.rule):
        due = _add_working_time(deadline.due, _working_time_between(since, until))
    else:
        last = since.date() if steps().both_days else since.date() + timedelta(days=1)
        days = _working_days_from_to(last, until.date())
        if days == 0:
            return deadline
        due = datetime.combine(_add_working_days(deadline.due.date() + timedelta(days=1), days),
                               _table().counting.work_periods[-1][1], tzinfo=KST)
    return Deadline(rule=deadline.rule, received_at=deadline.received_at, due=due,
                    extended_by=deadline.extended_by)


def extended_to(deadline: Deadline, new_day: date, *, now: datetime, earlier: int,
                consent: bool) -> Deadline:
    """The deadline extended so that it ends on ``new_day`` (what a supervisor chooses),
    checked by :func:`extend` against the table's limits. Refused (ValidationError on
    ``new_deadline``) when the deadline has already passed (:func:`steps`
    ``extension_in_time``), when ``new_day`` is not after the current due day, or when it
    is not a working day (a period never ends on one)."""
    if _to_kst(now) > deadline.due:
        raise ValidationError("new_deadline", "the deadline has passed: an extension is "
                              f"decided within the period ({steps().extension_in_time.basis})",
                              code="deadline_passed")
    if new_day <= deadline.due.date():
        raise ValidationError("new_deadline", f"must be after the current deadline "
                              f"({deadline.due.date().isoformat()})", code="not_later")
    if not is_working_day(new_day):
        raise ValidationError("new_deadline", f"{new_day.isoformat()} is not a working day",
                              code="not_working_day")
    days = _working_days_from_to(deadline.due.date() + timedelta(days=1), new_day)
    if _counts_in_hours(deadline.rule) and deadline.rule.unit == "hours":
        days *= _table().counting.hours_per_day
    return extend(deadline, days, earlier=earlier, consent=consent)


def transfer_due(arrived_at: datetime) -> datetime:
    """When a case the centre received at ``arrived_at`` must have been transferred, if it
    belongs to another agency (:func:`steps` ``transfer``: 8 working hours)."""
    return _add_working_time(_to_kst(arrived_at), timedelta(hours=steps().transfer_hours))
