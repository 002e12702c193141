"""Made-up Korean complaints for benchmarks: no real people, realistic shapes and lengths."""

from __future__ import annotations

import random

NOUNS = ("마을진입로", "버스정류장", "기초연금", "농지", "경계측량", "건축허가", "상수도", "하수관",
         "가로등", "보건소", "주차장", "도로포장", "재난지원금", "주민센터", "복지관", "하천",
         "제방", "쓰레기", "소음", "악취", "교통신호", "횡단보도", "학교", "어린이집", "경로당")
PARTICLES = ("가", "이", "를", "을", "에", "에서", "의", "은", "는", "도", "와", "과", "로")
VERBS = ("문제가 있습니다", "개선을 요청합니다", "답변이 없습니다", "불편합니다", "위험합니다",
         "확인해 주십시오", "지연되고 있습니다", "부당합니다")
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = "영수민호순자정희대현미경세훈지은서연하준도윤"
AGENCIES = ("구미시청", "보건복지부", "국토교통부", "한국국토정보공사", "경상북도청", "구미교육지원청")
KINDS = ("inquiry", "suggestion", "grievance", "passive_admin", "other")


def body(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 6)):
        words = [rng.choice(NOUNS) + rng.choice(PARTICLES) for _ in range(rng.randint(2, 5))]
        sentences.append(" ".join(words) + " " + rng.choice(VERBS) + ".")
    return " ".join(sentences)


def intake(rng: random.Random, n: int) -> dict:
    name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
    return {
        "kind": rng.choice(KINDS),
        "title": f"{rng.choice(NOUNS)} {rng.choice(VERBS)} #{n}",
        "body": body(rng),
        "agency": rng.choice(AGENCIES),
        "region": "경상북도 구미시",
        "channel": rng.choice(("walk_in", "booked")),
        "petitioner": {
            "name": name, "type": "individual",
            "phone": f"010-{rng.randint(2000, 5900)}-{rng.randint(0, 9999):04d}",
            "email": None, "address": "경상북도 구미시 선산읍 단계동길 12",
            "postcode": "39140", "birth_year": rng.randint(1930, 2005),
        },
        "consent": {"personal_info": True, "notice_version": "2026-01"},
        "disclosure": "private",
        "notify_by": "sms",
        "outcome": "filed",
    }
