"""The handler a team's receipts name (소속·성명·연락처): a default, changes audited."""

from __future__ import annotations

import pytest

from fieldbus.domain.errors import ValidationError
from fieldbus.store import handler
from fieldbus.store.store import Store
from tests.store.helpers import audit_rows
from tests.conftest import PIN


def test_until_set_the_handler_is_the_bus_and_110(cstore):
    assert handler.get(cstore) == handler.Handler(org="국민권익위원회 이동신문고", name=None,
                                                  phone="110")


def test_a_change_is_kept_merged_and_audited_without_its_values(cstore, data_dir, clock):
    handler.set_handler(cstore, cstore.officer, org="국민권익위원회 고충처리국", name="박담당",
                        phone="044 200 7151")
    changed = handler.set_handler(cstore, cstore.officer, name="")
    assert changed == handler.Handler(org="국민권익위원회 고충처리국", name=None,
                                      phone="044-200-7151")
    entries = [e for e in audit_rows(cstore) if e["action"] == "handler_set"]
    assert [e["details"] for e in entries] == [{"fields": ["name", "org", "phone"]},
                                               {"fields": ["name"]}]
    assert "박담당" not in repr(entries)
    cstore.close()
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as reopened:
        assert handler.get(reopened) == changed


@pytest.mark.parametrize("phone, kept", [("110", "110"), ("1398", "1398"),
                                         ("054 123 4567", "054-123-4567")])
def test_service_numbers_and_ordinary_numbers_are_accepted(cstore, phone, kept):
    assert handler.set_handler(cstore, cstore.officer, phone=phone).phone == kept


@pytest.mark.parametrize("changes", [{}, {"phone": "12"}, {"phone": "call us"}, {"org": " "},
                                     {"name": "a\u0000b"}])
def test_bad_values_are_refused_and_nothing_changes(cstore, changes):
    before = len(audit_rows(cstore))
    with pytest.raises(ValidationError):
        handler.set_handler(cstore, cstore.officer, **changes)
    assert handler.get(cstore) == handler.DEFAULT and len(audit_rows(cstore)) == before
