"""The counsel confirmation prints the appeal deadline with the rule of 행정심판법 제27조
that gave it (or that none applies, ⑦) and what a free-counsel application needs
(시행령 제16조의2②③): real PDFs, read back with poppler's pdftotext."""

from __future__ import annotations

import re
import subprocess

import pytest

from fieldbus.domain.intake import parse_counsel
from fieldbus.store import counsel
from tests.conftest import sample


def pdftotext(pdf: bytes, tmp_path) -> str:
    path = tmp_path / f"c-{len(list(tmp_path.glob('c-*.pdf')))}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _session(cstore, disposition: dict | None = None, eligibility: dict | None = None):
    data = sample("counsel-01.json")
    data["disposition"].update(disposition or {})
    data["eligibility"].update(eligibility or {})
    draft, _ = parse_counsel(data, now=cstore.clock())
    return counsel.add(cstore, draft, cstore.officer)


@pytest.mark.parametrize("layout", ["a4", "roll80"])
def test_the_deadline_names_rule_1_and_the_proof(printer, cstore, tmp_path, layout):
    # ①: learned 2026-09-22 + 90 days = 2026-12-21 (월). 제1호: shared check (③).
    session = _session(cstore)
    _printed, pdf = printer.counsel(session.number, layout=layout)
    text = flat(pdftotext(pdf, tmp_path))
    assert "2026-12-21" in text
    assert flat("적용 규정 Rule applied 행정심판법 제27조제1항 (안 날부터 90일)") in text
    assert flat("행정기본법 제6조제1항") in text and flat("민법 제157조") in text
    assert flat("심리기일 전까지 선임 신청서를 위원회에 제출") in text
    assert flat("위원회가 행정정보 공동이용으로 확인") in text


def test_a_rolled_180_day_deadline_says_civil_code_161(printer, cstore, tmp_path):
    # ⑥ (not told): 2026-03-30 + 180 days = 2026-09-26 (토, 추석 다음 날) → 27 (일)
    # → 2026-09-28 (월). Saved on the store's clock (2026-11-26): already past.
    session = _session(cstore, {"disposed_on": "2026-03-30", "learned_on": "2026-04-02",
                                "period_notice": "not_told"})
    _printed, pdf = printer.counsel(session.number, layout="a4")
    text = flat(pdftotext(pdf, tmp_path))
    assert "2026-09-28" in text
    assert flat("행정심판법 제27조제6항 (기간을 알리지 않음: 처분일부터 180일)") in text
    assert flat("민법 제161조: 말일 2026-09-26이 토요일·공휴일이라 다음 근무일에 만료") in text
    assert flat("행정청이 알리지 않음 (not announced)") in text


@pytest.mark.parametrize("layout", ["a4", "roll80"])
def test_a_nullity_appeal_prints_no_period(printer, cstore, tmp_path, layout):
    session = _session(cstore, {"appeal_kind": "nullity"},
                       {"basis": "north_korean_defector", "shared_info_consent": True})
    _printed, pdf = printer.counsel(session.number, layout=layout)
    text = flat(pdftotext(pdf, tmp_path))
    assert flat("청구기간 제한 없음 (제27조제7항)") in text
    assert flat("무효등확인심판 (nullity)") in text
    assert "남음" not in text and "daysleft" not in text
    # 제5호: documents, whatever the consent (② 후단).
    assert flat("해당 사실을 소명하는 서류를 신청서와 함께 제출") in text


def test_the_sixth_category_is_the_chairs_determination(printer, cstore, tmp_path):
    session = _session(cstore, {"force_majeure_ended_on": "2026-11-10", "abroad": True},
                       {"basis": "inability_to_pay", "shared_info_consent": False})
    _printed, pdf = printer.counsel(session.number, layout="a4")
    text = flat(pdftotext(pdf, tmp_path))
    assert flat("그 밖에 위원장이 경제적 능력으로 인하여 대리인을 선임할 수 없다고 인정하는 사람") in text
    assert flat("제6호 해당 여부는 위원장이 인정하는지에 따릅니다") in text
    assert flat("확인에 동의하지 않음: 소명 서류 제출") in text
    # ② abroad: 2026-11-10 + 30 = 2026-12-10 (목), before ①'s 2026-12-21: ① stays.
    assert "2026-12-21" in text and flat("2026-11-10 · 국외에서 청구") in text
    assert flat("행정심판법 제27조제1항") in text
