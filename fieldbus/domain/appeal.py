"""The administrative appeal (행정심판) rules a counsel session applies: the appeal deadline
of 행정심판법 제27조 with all its sub-rules, and free counsel (국선대리인, 법 제18조의2,
시행령 제16조의2): who may apply, until when, and which proof the committee needs.

Why this module exists: the officer on the bus must tell an appellant how long they have
left, and say which rule of 제27조 gave that date — 90 days from learning of the
disposition (①), 180 days from it (③), 14 or 30 days after a force majeure ended (②), the
longer period the agency wrongly announced (⑤), 180 days when it announced none (⑥), or no
limit at all for 무효등확인 and 부작위 appeals (⑦). The rules and the sentences they rest on
(quoted verbatim, with the version read) live in ``resources/rules/appeal.json``; a table
with an unknown key, a missing basis or quote, or a bad number fails at start-up, naming
the file and the entry.

Counting (행정기본법 제6조① → 민법 제157조·제159조·제161조): the first day is not counted,
the period ends at the end of its last day, and a last day on a Saturday or public holiday
moves to the next day (again, while that one is a Saturday or holiday too). The calendar
is the one the processing periods use (:func:`sync.deadlines.is_working_day`).

A session that answers none of the newer questions (type, notice, force majeure) gets what
it got before: the earlier of ① and ③. Pure: no clock is read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any, Literal

from sync.deadlines import period_end
from fieldbus.domain.errors import ValidationError
from fieldbus.domain.records import APPEAL_KINDS, PERIOD_NOTICES, AppealFacts
from sync.resources import resource_path
from sync.rule_tables import LAW_KEYS, LAW_NOTES, Entry, Law, display_path, read

__all__ = [
    "APPEAL_KINDS",
    "NOTICES",
    "AppealDeadline",
    "AppealFacts",
    "Category",
    "CounselRules",
    "appeal_deadline",
    "counsel_rules",
    "facts_from_json",
    "facts_json",
    "proof_needed",
]

#: 심판의 종류 (행정심판법 제5조); the last two have no deadline (제27조⑦). Did the agency
#: tell the appellant the appeal period (제27조⑤⑥)? None = not asked.
NOTICES = PERIOD_NOTICES

Rule = Literal["from_learning", "from_disposition", "force_majeure", "force_majeure_abroad",
               "wrong_notice", "no_notice", "no_limit"]
Proof = Literal["documents", "shared_check", "shared_check_refused", "none"]



@dataclass(frozen=True)
class PeriodRule:
    law: Law
    cited: str              # what the form and the confirmation print
    days: int | None        # None: no fixed length (⑤ takes the announced one; ⑦ none)


@dataclass(frozen=True)
class Category:
    """One eligibility category of 시행령 제16조의2①."""

    code: str
    item: int
    label_ko: str
    proof: Literal["documents", "shared_check"]
    law: Law


@dataclass(frozen=True)
class CounselRules:
    version: str
    warn_days: int
    counting: dict[str, Law]
    counting_basis: str
    rules: dict[str, PeriodRule]
    kinds: dict[str, tuple[str, bool]]   # code → (label_ko, limited)
    free_counsel: dict[str, Law]     # right, decision, application, shared_check
    application_when_ko: str
    categories: dict[str, Category]


def facts_json(facts: AppealFacts) -> dict[str, Any]:
    """The answers as stored (in the disposition's JSON) and printed by the CLI."""
    return {"kind": facts.kind, "notice": facts.notice, "announced_days": facts.announced_days,
            "force_majeure_ended_on": facts.force_majeure_ended_on.isoformat()
            if facts.force_majeure_ended_on else None, "abroad": facts.abroad}


def facts_from_json(data: dict[str, Any] | None) -> AppealFacts:
    if not data:
        return AppealFacts()
    ended = data.get("force_majeure_ended_on")
    return AppealFacts(kind=data.get("kind"), notice=data.get("notice"),
                       announced_days=data.get("announced_days"),
                       force_majeure_ended_on=date.fromisoformat(ended) if ended else None,
                       abroad=bool(data.get("abroad")))


@dataclass(frozen=True)
class AppealDeadline:
    """Last day to file 행정심판, and the rule of 제27조 that gave it.

    ``due`` is None when no period applies (⑦). ``from_learning`` and ``from_disposition``
    are the ① and ③ limits (each past a closing Saturday or holiday); ``moved_from`` is
    the last day before 민법 제161조 moved it, when it did.
    """

    due: date | None
    rule: Rule
    cited: str
    basis: str
    from_learning: date | None
    from_disposition: date | None
    moved_from: date | None = None
    warn_days: int = 14

    @property
    def limited(self) -> bool:
        return self.due is not None

    @property
    def rule_text(self) -> str:
        """The rule, and the 민법 제161조 move when there was one."""
        if self.moved_from is None:
            return self.cited
        return (f"{self.cited}; 민법 제161조: 말일 {self.moved_from.isoformat()}이 "
                f"토요일·공휴일이라 다음 근무일에 만료")

    def days_left(self, today: date) -> int | None:
        """Whole days from ``today`` to ``due``: 0 on the last day, negative once past;
        None without a deadline."""
        return None if self.due is None else (self.due - today).days

    def status(self, today: date) -> Literal["ok", "near", "past", "none"]:
        """``near`` while at most ``warn_days`` remain; ``none`` when no period applies."""
        left = self.days_left(today)
        if left is None:
            return "none"
        if left < 0:
            return "past"
        if left <= self.warn_days:
            return "near"
        return "ok"


# --------------------------------------------------------------------------- the table


_RULES = ("from_learning", "force_majeure", "force_majeure_abroad", "from_disposition",
          "wrong_notice", "no_notice", "no_limit")
_WITH_DAYS = ("from_learning", "force_majeure", "force_majeure_abroad", "from_disposition",
              "no_notice")
_STARTS = ("learned_on", "disposed_on", "force_majeure_ended_on")
_COUNTING = ("link", "first_day", "last_day", "holiday")
_FREE = ("right", "decision", "application", "shared_check")


def parse_rules(raw: Any, file: str = "resources/rules/appeal.json") -> CounselRules:
    """Check the table whole (unknown or missing keys, a missing basis or quote, a bad
    number) and turn it into :class:`CounselRules`; a fault is a
    :class:`~sync.rule_tables.RuleTableError` naming the file and the entry."""
    top = Entry(file, "", raw)
    top.keys(("version", "warn_days", "counting", "rules", "kinds", "free_counsel"))
    version = top.text("version")
    warn_days = top.integer("warn_days", minimum=0)

    counting_entry = top.child("counting")
    counting_entry.keys((*_COUNTING, "basis_ko"))
    counting = {}
    for name in _COUNTING:
        entry = counting_entry.child(name)
        entry.keys(LAW_KEYS, LAW_NOTES)
        counting[name] = _law(entry)

    rules_entry = top.child("rules")
    rules_entry.keys(_RULES)
    rules = {}
    for name in _RULES:
        entry = rules_entry.child(name)
        entry.keys((*LAW_KEYS, "cited", *(("days",) if name in _WITH_DAYS else ())),
                   ("start", *LAW_NOTES))
        if entry.has("start"):
            entry.choice("start", _STARTS)
        rules[name] = PeriodRule(law=_law(entry), cited=entry.text("cited"),
                                 days=entry.integer("days") if name in _WITH_DAYS else None)

    kinds_entry = top.child("kinds")
    kinds_entry.keys(APPEAL_KINDS)
    kinds = {}
    for code in APPEAL_KINDS:
        entry = kinds_entry.child(code)
        entry.keys(("label_ko", "limited"))
        kinds[code] = (entry.text("label_ko"), entry.boolean("limited"))

    free_entry = top.child("free_counsel")
    free_entry.keys((*_FREE, "categories"))
    free = {}
    for name in _FREE:
        entry = free_entry.child(name)
        entry.keys(LAW_KEYS, (*LAW_NOTES, *(("when_ko",) if name == "application" else ())))
        free[name] = _law(entry)
    when = free_entry.child("application").text("when_ko")
    cats_entry = free_entry.child("categories")
    if not cats_entry.value:
        cats_entry.fail("must name the categories of 시행령 제16조의2제1항")
    categories = {}
    for code in cats_entry.value:
        entry = cats_entry.child(code)
        entry.keys((*LAW_KEYS, "item", "label_ko", "proof"), LAW_NOTES)
        categories[code] = Category(code=code, item=entry.integer("item"),
                                    label_ko=entry.text("label_ko"),
                                    proof=entry.choice("proof", ("documents", "shared_check")),
                                    law=_law(entry))
    return CounselRules(version=version, warn_days=warn_days, counting=counting,
                        counting_basis=counting_entry.text("basis_ko"), rules=rules,
                        kinds=kinds, free_counsel=free, application_when_ko=when,
                        categories=categories)


def _law(entry: Entry) -> Law:
    law = entry.law()
    if any("verify" in (value or "").lower() for value in
           (law.basis, law.text, law.source, law.version, law.restored, law.note)):
        entry.fail("says 'verify': quote the text read, or say what could not be found "
                   "and where it was looked for")
    return law


@cache
def counsel_rules() -> CounselRules:
    """``resources/rules/appeal.json``, checked; read once per process (part of the
    installation, not user data)."""
    path = resource_path("rules", "appeal.json")
    return parse_rules(read(path), display_path(path))


# --------------------------------------------------------------------------- deadline


def _end(start: date, days: int) -> tuple[date, date | None]:
    """민법 제157조·제161조: (the last day, the day it was moved from or None)."""
    plain = start + timedelta(days=days)
    moved = period_end(start, days)
    return moved, (plain if moved != plain else None)


def appeal_deadline(*, disposed_on: date, learned_on: date | None,
                    facts: AppealFacts | None = None) -> AppealDeadline:
    """Last day to file 행정심판 (행정심판법 제27조) and the rule that gave it.

    Without ``facts`` (or with none answered): the earlier of 90 days from learning (①)
    and 180 days from the disposition (③) — the appeal is barred once either has run out;
    ``learned_on`` None leaves ③ alone. ⑥ (no notice): ③ alone. ⑤ (a longer period wrongly
    announced): that period, counted from learning (or the disposition), replaces ①, ③
    still bounding it. ② (force majeure): 14 days (30 abroad) after the cause ended, when
    that is later than the rest. ⑦ (무효등확인, 부작위): no deadline.
    """
    facts = facts or AppealFacts()
    table = counsel_rules()
    rules = table.rules
    if learned_on is not None and learned_on < disposed_on:
        raise ValidationError(
            "disposition.learned_on",
            "the day the petitioner learned of the disposition cannot precede the disposition",
            code="learned_before_disposition")
    if facts.kind is not None and facts.kind not in table.kinds:
        raise ValidationError("disposition.appeal_kind", f"unknown appeal type {facts.kind!r}",
                              code="invalid_choice")
    if facts.notice is not None and facts.notice not in NOTICES:
        raise ValidationError("disposition.period_notice", f"unknown answer {facts.notice!r}",
                              code="invalid_choice")

    def result(rule: Rule, due: date | None, moved: date | None = None, *,
               learning: date | None = None, disposition: date | None = None) -> AppealDeadline:
        return AppealDeadline(due=due, rule=rule, cited=rules[rule].cited,
                              basis=rules[rule].law.basis if due is None
                              else f"{rules[rule].law.basis}; {table.counting_basis}",
                              from_learning=learning, from_disposition=disposition,
                              moved_from=moved, warn_days=table.warn_days)

    if facts.kind is not None and not table.kinds[facts.kind][1]:
        return result("no_limit", None)

    from_disposition, disp_moved = _end(disposed_on, rules["from_disposition"].days or 0)
    from_learning, learn_moved = (_end(learned_on, rules["from_learning"].days or 0)
                                  if learned_on is not None else (None, None))
    if facts.notice == "not_told":
        rule, due, moved = "no_notice", from_disposition, disp_moved
    else:
        first = (("from_learning", from_learning, learn_moved)
                 if from_learning is not None else None)
        if facts.notice == "told_longer":
            days = facts.announced_days
            if not isinstance(days, int) or isinstance(days, bool) \
                    or days <= (rules["from_learning"].days or 0):
                raise ValidationError(
                    "disposition.announced_days",
                    "a wrongly announced period must be longer than 90 days",
                    code="not_longer")
            told, told_moved = _end(learned_on or disposed_on, days)
            if first is None or told > first[1]:
                first = ("wrong_notice", told, told_moved)
        if first is None or from_disposition < first[1]:
            rule, due, moved = "from_disposition", from_disposition, disp_moved
        else:
            rule, due, moved = first
    if facts.force_majeure_ended_on is not None:
        ended = facts.force_majeure_ended_on
        if ended < disposed_on:
            raise ValidationError("disposition.force_majeure_ended_on",
                                  "cannot precede the disposition", code="conflict")
        fm_rule: Rule = "force_majeure_abroad" if facts.abroad else "force_majeure"
        fm_due, fm_moved = _end(ended, rules[fm_rule].days or 0)
        if fm_due > due:
            rule, due, moved = fm_rule, fm_due, fm_moved
    return result(rule, due, moved, learning=from_learning, disposition=from_disposition)


# --------------------------------------------------------------------------- free counsel


def proof_needed(basis: str, shared_info_consent: bool | None) -> Proof:
    """Which proof the committee needs for category ``basis`` (시행령 제16조의2②③).

    Categories 3 and 5: documents, always (② 후단). Categories 1, 2, 4 and 6: the committee
    checks them through 행정정보 공동이용 (③ 본문) — unless the appellant does not consent,
    then documents too (③ 단서). ``none`` for no category.
    """
    category = counsel_rules().categories.get(basis)
    if category is None:
        return "none"
    if category.proof == "documents":
        return "documents"
    return "shared_check_refused" if shared_info_consent is False else "shared_check"
