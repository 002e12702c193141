"""행정심판법 제27조 (appeal deadlines) and 시행령 제16조의2 (free counsel) from
``resources/rules/appeal.json``, with cases computed by hand from the quoted text over the
2026–2027 calendar.

Counting (행정기본법 제6조① → 민법): the day of the event is not counted (제157조), so "N
days from day D" ends at the end of D + N (제159조); a last day on a Saturday or 공휴일
moves to the next day, again while that one is a Saturday or 공휴일 (제161조). Holidays used
below (관공서의 공휴일에 관한 규정, 2026 text: 노동절 and 제헌절 included):
2026-07-17 (금) 제헌절; 2026-09-24..26 (목–토) 추석; 2026-10-03 (토) 개천절 → 10-05 (월)
대체; 2027-02-06..08 (토–월) 설, 02-09 (화) 대체; 2027-05-01 (토) 노동절 → 05-03 (월) 대체.
"""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from fieldbus.domain.appeal import (
    appeal_deadline,
    counsel_rules,
    parse_rules,
    proof_needed,
)
from sync.deadlines import is_working_day
from sync.rule_tables import RuleTableError
from fieldbus.domain.errors import ValidationError
from fieldbus.domain.records import AppealFacts
from sync.resources import resource_path


def test_the_holidays_these_cases_rest_on() -> None:
    for day in (date(2026, 7, 17), date(2026, 9, 24), date(2026, 9, 25), date(2026, 10, 5),
                date(2027, 2, 8), date(2027, 2, 9), date(2027, 5, 3)):
        assert not is_working_day(day), day
    for day in (date(2026, 9, 28), date(2026, 10, 6), date(2027, 2, 10), date(2027, 5, 4),
                date(2026, 7, 20)):
        assert is_working_day(day), day


# --------------------------------------------------------------------------- ① and ③


def test_1_ninety_days_from_learning_comes_first() -> None:
    # ①: learned 2026-09-22; 90 days: Sep 23–30 = 8, Oct 31 → 39, Nov 30 → 69, Dec 21 → 90:
    # 2026-12-21 (월). ③: disposed 2026-09-15; Sep 16–30 = 15, Oct → 46, Nov → 76,
    # Dec → 107, Jan → 138, Feb 28 → 166, Mar 14 → 180: 2027-03-14 (일) → 03-15 (월).
    found = appeal_deadline(disposed_on=date(2026, 9, 15), learned_on=date(2026, 9, 22))
    assert found.due == date(2026, 12, 21)
    assert found.rule == "from_learning"
    assert found.cited == "행정심판법 제27조제1항 (안 날부터 90일)"
    assert found.moved_from is None
    assert found.from_disposition == date(2027, 3, 15)


def test_3_one_hundred_eighty_days_from_the_disposition_comes_first_and_moves() -> None:
    # ③: disposed 2026-03-30; Mar 31 = 1, Apr 30 → 31, May 31 → 62, Jun 30 → 92,
    # Jul 31 → 123, Aug 31 → 154, Sep 26 → 180: 2026-09-26 (토, 추석 다음 날) → 27 (일)
    # → 2026-09-28 (월). ①: learned 2026-09-20; Sep 21–30 = 10, Oct → 41, Nov → 71,
    # Dec 19 → 90: 2026-12-19 (토) → 12-21 (월) — later, so ③ bars the appeal first.
    found = appeal_deadline(disposed_on=date(2026, 3, 30), learned_on=date(2026, 9, 20))
    assert (found.due, found.rule) == (date(2026, 9, 28), "from_disposition")
    assert found.moved_from == date(2026, 9, 26)
    assert found.from_learning == date(2026, 12, 21)
    assert "제27조제3항" in found.rule_text and "민법 제161조" in found.rule_text


def test_3_landing_on_chuseok_moves_past_the_weekend() -> None:
    # disposed 2026-03-28, learned unknown: Mar 29–31 = 3, Apr → 33, May → 64, Jun → 94,
    # Jul → 125, Aug → 156, Sep 24 → 180: 2026-09-24 (추석 전날) → 25 (추석) → 26 (토)
    # → 27 (일) → 2026-09-28 (월).
    found = appeal_deadline(disposed_on=date(2026, 3, 28), learned_on=None)
    assert (found.due, found.moved_from) == (date(2026, 9, 28), date(2026, 9, 24))
    assert found.from_learning is None


def test_3_landing_on_gaecheonjeol_skips_its_substitute_day() -> None:
    # disposed 2026-04-06: Apr 7–30 = 24, May → 55, Jun → 85, Jul → 116, Aug → 147,
    # Sep → 177, Oct 3 → 180: 2026-10-03 (토, 개천절) → 04 (일) → 05 (월, 대체공휴일)
    # → 2026-10-06 (화).
    found = appeal_deadline(disposed_on=date(2026, 4, 6), learned_on=None)
    assert (found.due, found.moved_from) == (date(2026, 10, 6), date(2026, 10, 3))


def test_3_landing_on_seollal_2027_skips_four_days() -> None:
    # disposed 2026-08-10: Aug 11–31 = 21, Sep → 51, Oct → 82, Nov → 112, Dec → 143,
    # Jan → 174, Feb 6 → 180: 2027-02-06 (토, 설 전날) → 07 (일, 설) → 08 (월) → 09 (화,
    # 대체공휴일) → 2027-02-10 (수).
    found = appeal_deadline(disposed_on=date(2026, 8, 10), learned_on=None)
    assert (found.due, found.moved_from) == (date(2027, 2, 10), date(2027, 2, 6))


def test_1_landing_on_labour_day_2027_moves_past_its_substitute() -> None:
    # learned 2027-01-31: Feb 28, Mar 31 → 59, Apr 30 → 89, May 1 → 90: 2027-05-01 (토,
    # 노동절) → 02 (일) → 03 (월, 대체공휴일) → 2027-05-04 (화).
    found = appeal_deadline(disposed_on=date(2027, 1, 29), learned_on=date(2027, 1, 31))
    assert (found.due, found.rule, found.moved_from) == (date(2027, 5, 4), "from_learning",
                                                         date(2027, 5, 1))


def test_1_landing_on_jeheonjeol_2026() -> None:
    # learned 2026-04-18: Apr 19–30 = 12, May → 43, Jun → 73, Jul 17 → 90: 2026-07-17
    # (금, 제헌절 — a 공휴일 from 2026) → 18 (토) → 19 (일) → 2026-07-20 (월).
    found = appeal_deadline(disposed_on=date(2026, 4, 17), learned_on=date(2026, 4, 18))
    assert (found.due, found.moved_from) == (date(2026, 7, 20), date(2026, 7, 17))


def test_no_answers_keep_todays_rule() -> None:
    # "told" and "cancellation" are what the old rule assumed: the same answer as none.
    plain = appeal_deadline(disposed_on=date(2026, 3, 30), learned_on=date(2026, 9, 20))
    for facts in (None, AppealFacts(), AppealFacts(kind="cancellation", notice="told"),
                  AppealFacts(kind="mandatory_refusal")):
        assert appeal_deadline(disposed_on=date(2026, 3, 30), learned_on=date(2026, 9, 20),
                               facts=facts) == plain


def test_learned_before_the_disposition_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        appeal_deadline(disposed_on=date(2026, 9, 15), learned_on=date(2026, 9, 1))
    assert err.value.field == "disposition.learned_on"


# --------------------------------------------------------------------------- ②


def test_2_force_majeure_gives_fourteen_days_after_it_ended() -> None:
    # ①: learned 2026-06-02: Jun 3–30 = 28, Jul → 59, Aug 31 → 90: 2026-08-31 (월).
    # ②: the flood ended 2026-09-10 (목): Sep 11 … 24 = 14: 2026-09-24 (추석 전날) → 25
    # (추석) → 26 (토) → 27 (일) → 2026-09-28 (월), later than ①, so ② gives it.
    facts = AppealFacts(force_majeure_ended_on=date(2026, 9, 10))
    found = appeal_deadline(disposed_on=date(2026, 6, 1), learned_on=date(2026, 6, 2),
                            facts=facts)
    assert (found.due, found.rule, found.moved_from) == (date(2026, 9, 28), "force_majeure",
                                                         date(2026, 9, 24))
    assert found.cited == "행정심판법 제27조제2항 (불가항력 사유가 끝난 날부터 14일)"


def test_2_abroad_gives_thirty_days() -> None:
    # ② 단서: ended 2026-09-10; Sep 11–30 = 20, Oct 10 → 30: 2026-10-10 (토) → 11 (일)
    # → 2026-10-12 (월).
    facts = AppealFacts(force_majeure_ended_on=date(2026, 9, 10), abroad=True)
    found = appeal_deadline(disposed_on=date(2026, 6, 1), learned_on=date(2026, 6, 2),
                            facts=facts)
    assert (found.due, found.rule) == (date(2026, 10, 12), "force_majeure_abroad")


def test_2_a_cause_that_ended_early_does_not_shorten_the_period() -> None:
    # ended 2026-06-20: +14 = 2026-07-04 (토) → 07-06 (월), before ①'s 2026-08-31: ① stays.
    facts = AppealFacts(force_majeure_ended_on=date(2026, 6, 20))
    found = appeal_deadline(disposed_on=date(2026, 6, 1), learned_on=date(2026, 6, 2),
                            facts=facts)
    assert (found.due, found.rule) == (date(2026, 8, 31), "from_learning")


def test_2_past_the_180_days_of_3() -> None:
    # ③ ends 2026-09-28 (disposed 2026-03-30, see above); the cause ended 2026-10-20 (화):
    # Oct 21–31 = 11, Nov 3 → 14: 2026-11-03 (화). ② is not bound by ③ (불가항력 is a
    # 정당한 사유 of ③ 단서 — the reading the table states).
    facts = AppealFacts(force_majeure_ended_on=date(2026, 10, 20))
    found = appeal_deadline(disposed_on=date(2026, 3, 30), learned_on=None, facts=facts)
    assert (found.due, found.rule) == (date(2026, 11, 3), "force_majeure")


# --------------------------------------------------------------------------- ⑤ ⑥ ⑦


def test_5_a_longer_period_wrongly_announced_counts() -> None:
    # told 120 days from learning (2026-09-22): Sep 23–30 = 8, Oct → 39, Nov → 69,
    # Dec → 100, Jan 20 → 120: 2027-01-20 (수); ③ still 2027-03-15.
    facts = AppealFacts(notice="told_longer", announced_days=120)
    found = appeal_deadline(disposed_on=date(2026, 9, 15), learned_on=date(2026, 9, 22),
                            facts=facts)
    assert (found.due, found.rule) == (date(2027, 1, 20), "wrong_notice")
    assert "제27조제5항" in found.cited


def test_5_the_180_days_of_3_still_bound_it() -> None:
    # told 365 days: 2027-09-22, past ③'s 2027-03-15 (see test_1): ③ bars it first.
    facts = AppealFacts(notice="told_longer", announced_days=365)
    found = appeal_deadline(disposed_on=date(2026, 9, 15), learned_on=date(2026, 9, 22),
                            facts=facts)
    assert (found.due, found.rule) == (date(2027, 3, 15), "from_disposition")


@pytest.mark.parametrize("days", [None, 30, 90])
def test_5_needs_a_period_longer_than_90_days(days) -> None:
    facts = AppealFacts(notice="told_longer", announced_days=days)
    with pytest.raises(ValidationError) as err:
        appeal_deadline(disposed_on=date(2026, 9, 15), learned_on=date(2026, 9, 22),
                        facts=facts)
    assert err.value.field == "disposition.announced_days"


def test_6_no_announcement_gives_180_days_from_the_disposition() -> None:
    # ⑥ → ③: disposed 2026-09-15 → 2027-03-14 (일) → 2027-03-15 (월), though ① alone
    # would end 2026-12-21.
    found = appeal_deadline(disposed_on=date(2026, 9, 15), learned_on=date(2026, 9, 22),
                            facts=AppealFacts(notice="not_told"))
    assert (found.due, found.rule, found.moved_from) == (date(2027, 3, 15), "no_notice",
                                                         date(2027, 3, 14))
    assert found.cited == "행정심판법 제27조제6항 (기간을 알리지 않음: 처분일부터 180일)"


@pytest.mark.parametrize("kind", ["nullity", "mandatory_omission"])
def test_7_no_deadline_for_nullity_and_omission(kind) -> None:
    facts = AppealFacts(kind=kind, notice="not_told",
                        force_majeure_ended_on=date(2026, 10, 1))
    found = appeal_deadline(disposed_on=date(2025, 1, 2), learned_on=date(2025, 1, 3),
                            facts=facts)
    assert found.due is None and not found.limited
    assert found.rule == "no_limit"
    assert found.rule_text == "청구기간 제한 없음 (제27조제7항)"
    assert found.days_left(date(2026, 12, 4)) is None
    assert found.status(date(2026, 12, 4)) == "none"


def test_status_warns_within_14_days() -> None:
    found = appeal_deadline(disposed_on=date(2026, 9, 15), learned_on=date(2026, 9, 22))
    assert found.status(date(2026, 12, 6)) == "ok"      # 15 days left
    assert found.status(date(2026, 12, 7)) == "near"    # 14
    assert found.status(date(2026, 12, 21)) == "near"   # the last day, 0
    assert found.status(date(2026, 12, 22)) == "past"


# --------------------------------------------------------------------------- free counsel


def test_proof_categories_3_and_5_need_documents() -> None:
    # 시행령 제16조의2② 후단: 제3호·제5호 submit documents, whatever the consent.
    for basis in ("basic_pension", "north_korean_defector"):
        for consent in (None, True, False):
            assert proof_needed(basis, consent) == "documents"


def test_proof_categories_1_2_4_6_are_checked_unless_the_appellant_refuses() -> None:
    # ③ 본문: 제1호·제2호·제4호·제6호 through 행정정보 공동이용; 단서: documents if refused.
    for basis in ("basic_livelihood", "single_parent", "disability_pension",
                  "inability_to_pay"):
        assert proof_needed(basis, None) == "shared_check"
        assert proof_needed(basis, True) == "shared_check"
        assert proof_needed(basis, False) == "shared_check_refused"
    assert proof_needed("none", None) == "none"


def test_the_sixth_category_is_the_chairs_determination() -> None:
    sixth = counsel_rules().categories["inability_to_pay"]
    assert sixth.item == 6
    assert sixth.label_ko == ("그 밖에 위원장이 경제적 능력으로 인하여 대리인을 선임할 수 "
                              "없다고 인정하는 사람")
    assert sixth.law.text == sixth.label_ko


def test_the_application_is_made_before_the_hearing_date() -> None:
    application = counsel_rules().free_counsel["application"]
    assert application.basis == "행정심판법 시행령 제16조의2제2항"
    assert "심리기일 전까지" in application.text


# --------------------------------------------------------------------------- the table


def _raw() -> dict:
    return json.loads(resource_path("rules", "appeal.json").read_text(encoding="utf-8"))


def test_every_entry_quotes_its_text_source_and_version() -> None:
    rules = counsel_rules()
    laws = [*rules.counting.values(), *(r.law for r in rules.rules.values()),
            *rules.free_counsel.values(), *(c.law for c in rules.categories.values())]
    assert len(laws) == 4 + 7 + 4 + 6
    for law in laws:
        assert law.basis and law.text and law.version
        assert "@" in law.source and "legalize-kr" in law.source
    assert rules.rules["from_learning"].law.text == \
        "행정심판은 처분이 있음을 알게 된 날부터 90일 이내에 청구하여야 한다."
    assert rules.counting["holiday"].text == \
        "기간의 말일이 토요일 또는 공휴일에 해당한 때에는 기간은 그 익일로 만료한다."
    # 제18조의2: the mirror prints it as a second 제18조; the table says so.
    assert "제18조의2" in (rules.free_counsel["right"].restored or "")


def _broken(edit) -> str:
    raw = copy.deepcopy(_raw())
    edit(raw)
    with pytest.raises(RuleTableError) as err:
        parse_rules(raw)
    return str(err.value)


def test_an_unknown_key_fails_naming_the_file_and_entry() -> None:
    message = _broken(lambda raw: raw["rules"]["from_learning"].update(dayz=90))
    assert "appeal.json" in message and "rules.from_learning" in message and "dayz" in message


def test_a_missing_basis_or_quote_fails() -> None:
    message = _broken(lambda raw: raw["rules"]["no_notice"].pop("basis"))
    assert "rules.no_notice" in message and "basis" in message
    message = _broken(lambda raw: raw["free_counsel"]["categories"]["basic_pension"]
                      .update(text=""))
    assert "free_counsel.categories.basic_pension" in message


def test_a_bad_period_fails() -> None:
    message = _broken(lambda raw: raw["rules"]["from_disposition"].update(days=0))
    assert "rules.from_disposition" in message
    message = _broken(lambda raw: raw["rules"]["from_learning"].update(days="90"))
    assert "rules.from_learning" in message


def test_a_missing_rule_or_verify_fails() -> None:
    assert "no_limit" in _broken(lambda raw: raw["rules"].pop("no_limit"))
    assert "verify" in _broken(lambda raw: raw["rules"]["from_learning"].update(
        note="verify against law.go.kr"))
    assert "proof" in _broken(lambda raw: raw["free_counsel"]["categories"]["single_parent"]
                              .update(proof="maybe"))
