"""Every code a record can hold has its words on paper, in Korean and in English."""

from __future__ import annotations

import json
import re

from fieldbus.domain import records
from fieldbus.receipts import labels as L
from sync.resources import resource_path


def _enum(schema: str, *path: str) -> list[str]:
    node = json.loads(resource_path("schemas", schema).read_text(encoding="utf-8"))
    for key in path:
        node = node["properties"][key]
    return node["enum"]


def test_every_code_has_a_korean_and_an_english_label():
    tables = [
        (L.KINDS, records.COMPLAINT_KINDS), (L.OUTCOMES, records.OUTCOMES),
        (L.NOTIFY, (*records.NOTIFY_METHODS, None)),
        (L.COPIES, ("citizen", "office")),
        (L.ELIGIBILITY_BASES, records.ELIGIBILITY_BASES),
        (L.COUNSEL_OUTCOMES, records.COUNSEL_OUTCOMES),
        (L.QUALIFICATIONS, _enum("counsel-intake.schema.json", "counsel", "qualification")),
        (L.PETITIONER_TYPES, [t for t in records.PETITIONER_TYPES if t != "individual"]),
    ]
    for table, codes in tables:
        assert set(table) == set(codes)
        for ko, en in table.values():
            assert re.search("[가-힣]", ko) and en.isascii() and en

