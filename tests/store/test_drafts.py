"""Intake drafts kept in the encrypted store's meta table, one per officer."""

from __future__ import annotations

from fieldbus.store import drafts
from fieldbus.store.store import Store
from tests.conftest import PIN


def test_a_draft_is_saved_loaded_replaced_and_cleared(store):
    me = store.officer.id
    assert drafts.load(store, me) is None
    drafts.save(store, me, {"title": "마을 진입로", "anonymous": False})
    drafts.save(store, me, {"title": "마을 진입로 포장", "anonymous": False})
    draft = drafts.load(store, me)
    assert draft.values == {"title": "마을 진입로 포장", "anonymous": False}
    assert draft.saved_at.tzinfo is not None
    assert drafts.load(store, "someone-else") is None
    drafts.clear(store, me)
    assert drafts.load(store, me) is None
    drafts.clear(store, me)  # clearing nothing is fine


def test_a_draft_survives_reopening_and_is_not_in_the_file_in_clear(store):
    me, data_dir = store.officer.id, store.data_dir
    drafts.save(store, me, {"body": "진흙탕이 되어 어르신들이 다니기 어렵습니다"})
    store.close()
    assert "진흙탕".encode() not in (data_dir / "fieldbus.db").read_bytes()
    with Store.open(data_dir, officer="홍길동", pin=PIN) as reopened:
        reopened.sign_in("홍길동", PIN)
        assert drafts.load(reopened, me).values["body"].startswith("진흙탕")


def test_an_unreadable_draft_is_ignored(store):
    with store.write():
        store.db.execute("INSERT INTO meta (key, value) VALUES (?, 'not json')",
                         (f"draft:{store.officer.id}",))
    assert drafts.load(store, store.officer.id) is None
