"""Destruction is complete (issue 9 §7): once retention purges a case, nothing of its
text is left in any page of the store file — not in the FTS5 index's segments, not in
free pages — drafts past their limit are destroyed, and audit entries keep no personal
data past retention while the chain still verifies."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from fieldbus.store import audit, complaints, drafts, retention, search
from tests.store.helpers import audit_rows, draft
from tests.store.test_sync_retention import _acknowledge
from tests.conftest import LEGACY_PIN

# Syllables no sample and no label uses: if their bytes are anywhere in the store's pages,
# they came from the purged case.
# The name's first and last syllables are common ones: the masked name (김**수) is kept.
NAME, TITLE, BODY = "김뛣퓛수", "쀍쀎쀏 가로등", "뙇뙈뙉 밤마다 꺼집니다"
RARE = ("뛣", "퓛", "쀍", "쀎", "쀏", "뙇", "뙈", "뙉")
SCAN_KEY = bytes(range(32))  # the key the scanned copy is re-encrypted with
PAGE, RESERVE = 4096, 80     # SQLCipher 4 defaults: 16-byte IV + 64-byte HMAC per page


def _rare_case(store):
    base = draft(store)
    return complaints.add(store, replace(base, title=TITLE, body=BODY,
                                         petitioner=replace(base.petitioner, name=NAME)),
                          store.officer)


def plain_pages(store, folder: Path) -> bytes:
    """Every page of the store file — live, free and FTS5 shadow pages alike — decrypted.

    SQLCipher has no API that reads a free page, so a copy of the file (after the WAL is
    checkpointed into it) is attached, re-keyed to :data:`SCAN_KEY` (``rekey`` rewrites
    every page up to the page count, free ones included) and decrypted here page by page
    with AES-256-CBC: the bytes an attacker holding the key would have.
    """
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    folder.mkdir(exist_ok=True)
    copy = folder / "copy.db"
    shutil.copyfile(store.data_dir / "fieldbus.db", copy)
    store.db.execute(f"ATTACH DATABASE '{copy}' AS scan")  # the main key opens the copy
    store.db.execute("PRAGMA scan.journal_mode = DELETE").fetchall()
    store.db.execute(f"PRAGMA scan.rekey = \"x'{SCAN_KEY.hex()}'\"").fetchall()
    store.db.execute("DETACH DATABASE scan")
    data = copy.read_bytes()
    assert len(data) % PAGE == 0 and not (folder / "copy.db-wal").exists()
    out = bytearray()
    for start in range(0, len(data), PAGE):
        page = data[start:start + PAGE]
        skip = 16 if start == 0 else 0  # page 1 begins with the file's salt
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(SCAN_KEY), modes.CBC(iv)).decryptor()
        out += decryptor.update(page[skip:PAGE - RESERVE]) + decryptor.finalize()
    return bytes(out)


def _left(pages: bytes) -> list[str]:
    return [ch for ch in RARE if ch.encode("utf-8") in pages]


def test_a_purged_case_leaves_no_text_in_any_page_of_the_store(cstore, clock, tmp_path):
    case = _rare_case(cstore)
    _acknowledge(cstore)
    assert search.matching_rowids(cstore, NAME)
    assert _left(plain_pages(cstore, tmp_path / "before")) == list(RARE)  # the scan sees them

    clock.advance(days=retention.rule().days + 1)
    assert retention.purge(cstore, cstore.officer) == [case.receipt_no]

    raw_fts = b"".join(row[0] for row in cstore.db.execute(
        "SELECT block FROM complaints_fts_data").fetchall() if row[0])
    assert _left(raw_fts) == []  # FTS5 segments: no trigram of the name, title or body
    assert _left(plain_pages(cstore, tmp_path / "after")) == []  # nor any other page
    assert not search.matching_rowids(cstore, NAME)


def test_an_edit_leaves_no_trigram_of_the_old_text_in_the_index(cstore):
    case = _rare_case(cstore)
    complaints.edit(cstore, case.receipt_no, {"title": "가로등 고장"}, cstore.officer)
    raw_fts = b"".join(row[0] for row in cstore.db.execute(
        "SELECT block FROM complaints_fts_data").fetchall() if row[0])
    # (a syllable that is never a trigram's first: those may be stored prefix-compressed)
    assert "쀏".encode() not in raw_fts and "퓛".encode() in raw_fts  # the name stays


def test_secure_delete_is_on_in_the_index(cstore):
    assert cstore.db.execute(
        "SELECT v FROM complaints_fts_config WHERE k = 'secure-delete'").fetchone() == (1,)


def test_drafts_past_their_limit_are_destroyed_and_the_purge_audited(cstore, clock):
    drafts.save(cstore, cstore.officer.id, {"name": NAME, "body": BODY})
    drafts.save(cstore, cstore.officer.id, {"name": NAME}, prefix="counsel-draft")
    clock.advance(days=7, seconds=1)
    retention.purge(cstore, cstore.officer)
    assert drafts.load(cstore, cstore.officer.id) is None
    assert drafts.load(cstore, cstore.officer.id, prefix="counsel-draft") is None
    assert NAME not in repr(cstore.db.execute("SELECT * FROM meta").fetchall())
    entries = [e for e in audit_rows(cstore) if e["action"] == "draft_purged"]
    assert sorted(e["details"]["form"] for e in entries) == ["counsel", "intake"]
    assert NAME not in repr(entries)
    assert cstore.verify_audit().ok
    rule = retention.rule("draft")
    assert rule.days == 7 and "제21조" in rule.basis


def test_a_recent_draft_is_kept_for_recovery(cstore, clock):
    drafts.save(cstore, cstore.officer.id, {"name": NAME})
    clock.advance(days=retention.rule("draft").days - 1)
    retention.purge(cstore, cstore.officer)
    assert drafts.load(cstore, cstore.officer.id).values == {"name": NAME}


def test_audit_details_keep_no_personal_data_past_retention(cstore, clock):
    case = _rare_case(cstore)
    complaints.view(cstore, case.receipt_no, cstore.officer, reason=f"{NAME} 님 전화 문의")
    search.search(cstore, NAME, cstore.officer)
    _acknowledge(cstore)
    clock.advance(days=retention.rule().days + 1)
    assert retention.purge(cstore, cstore.officer) == [case.receipt_no]

    text = repr(cstore.db.execute("SELECT * FROM audit").fetchall())
    assert NAME not in text  # neither the --reason nor the search query
    rows = audit_rows(cstore)
    viewed = next(e for e in rows if e["action"] == "complaint_viewed")
    assert (viewed["record_id"], viewed["officer_id"]) == (case.id, cstore.officer.id)
    assert viewed["reason"] is None and viewed["details"] == {"receipt_no": case.receipt_no}
    assert next(e for e in rows if e["action"] == "searched")["details"] == {"results": 1}
    report = cstore.verify_audit()
    assert report.ok and report.entries == len(rows)


def test_a_search_query_is_redacted_once_older_than_the_period(cstore, clock):
    search.search(cstore, NAME, cstore.officer)
    clock.advance(days=29)
    retention.purge(cstore, cstore.officer)
    assert NAME in repr(cstore.db.execute("SELECT details FROM audit").fetchall())
    clock.advance(days=1, seconds=1)
    retention.purge(cstore, cstore.officer)
    assert NAME not in repr(cstore.db.execute("SELECT details FROM audit").fetchall())
    assert cstore.verify_audit().ok
    assert retention.rule("audit_details").days == 30


def test_a_redacted_chain_still_catches_tampering(cstore, clock):
    search.search(cstore, NAME, cstore.officer)
    clock.advance(days=retention.rule("audit_details").days + 1)
    retention.purge(cstore, cstore.officer)
    seq = next(e["seq"] for e in audit_rows(cstore) if e["action"] == "searched")
    with cstore.write():
        cstore.db.execute("UPDATE audit SET action = 'nothing' WHERE seq = ?", (seq,))
    report = cstore.verify_audit()
    assert (report.ok, report.first_bad) == (False, seq)


def test_changed_details_of_an_entry_not_redacted_are_caught(cstore):
    search.search(cstore, NAME, cstore.officer)
    seq = next(e["seq"] for e in audit_rows(cstore) if e["action"] == "searched")
    with cstore.write():
        cstore.db.execute("UPDATE audit SET details = '{\"query\":\"x\",\"results\":1}' "
                          "WHERE seq = ?", (seq,))
    report = cstore.verify_audit()
    assert (report.ok, report.first_bad) == (False, seq)


def test_head_names_the_last_entry(cstore):
    seq, digest = audit.head(cstore.db)
    last = audit_rows(cstore)[-1]
    assert seq == last["seq"] and len(digest) == 64


def test_an_old_store_gets_a_redactable_chain_and_a_secure_index(tmp_path, clock):
    """The store written by schema 1 (tests/store/data/v1-store): its chain, hashed over the
    text, is re-hashed over the digests and still verifies; its index is rebuilt with
    secure-delete on."""
    from fieldbus.store.store import Store
    from tests.store.test_schema import V1_STORE

    data_dir = tmp_path / "old"
    shutil.copytree(V1_STORE, data_dir)
    with Store.open(data_dir, officer="홍길동", pin=LEGACY_PIN, clock=clock) as store:
        assert store.db.execute("SELECT count(*) FROM audit WHERE details_hash IS NULL"
                                ).fetchone() == (0,)
        assert store.verify_audit().ok
        # (the upgrade to key slots at this first sign-in audits one entry after the head)
        (wrapped,) = store.db.execute("SELECT count(*) FROM audit WHERE action = "
                                      "'store_key_wrapped'").fetchone()
        assert store.meta(audit.V1_HEAD_KEY).startswith(f"{audit.head(store.db)[0] - wrapped}:")
        assert store.db.execute("SELECT v FROM complaints_fts_config WHERE k = "
                                "'secure-delete'").fetchone() == (1,)
        assert search.matching_rowids(store, "진입로")  # the rebuilt index still finds


def test_receipt_pdfs_an_earlier_version_left_in_the_data_folder_are_destroyed(cstore, clock):
    """Earlier versions wrote each receipt they could not print into <data dir>/receipts/,
    in plain text with the whole body; retention purged the case and left the PDF."""
    from fieldbus.receipts.issue import print_complaint
    from tests.receipts.conftest import pdf_text, squashed

    case = _rare_case(cstore)
    folder = cstore.data_dir / "receipts"
    folder.mkdir(mode=0o700)
    print_complaint(cstore, cstore.officer, case.receipt_no, copy="office",
                    deliver=(folder / f"{case.receipt_no}.pdf").write_bytes)
    assert "뙇뙈뙉" in squashed(pdf_text((folder / f"{case.receipt_no}.pdf").read_bytes()))
    _acknowledge(cstore)
    clock.advance(days=retention.rule().days + 1)
    assert retention.purge(cstore, cstore.officer) == [case.receipt_no]
    assert not folder.exists()
    assert [p.name for p in cstore.data_dir.rglob("*") if p.suffix == ".pdf"] == []
