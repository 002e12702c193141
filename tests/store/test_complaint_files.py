"""A complaint's attached files and drawn signature are saved with it, in its transaction.

(The attachment rows reference the complaint row: they are written after it, in the
same batched save — before, any complaint with an attachment was refused by the foreign
key.)
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from fieldbus.services.intake import attachment_files
from fieldbus.store import complaints
from tests.store.helpers import count, draft

PNG = b"\x89PNG\r\n\x1a\n" + b"made-up signature"


def test_attachments_and_the_signature_are_saved_with_the_complaint(cstore, tmp_path):
    photo, letter = b"\xff\xd8 a made-up photo", b"%PDF-1.4 a made-up letter"
    (tmp_path / "사진.jpg").write_bytes(photo)
    (tmp_path / "진정서.pdf").write_bytes(letter)
    files = attachment_files.load(["사진.jpg", "진정서.pdf"], base_dir=tmp_path)
    saved = complaints.add(cstore, replace(draft(cstore), attachments=files, signature=PNG),
                           cstore.officer)

    assert saved.draft.signature is None and saved.draft.attachments == ()  # not in memory
    got = complaints.get(cstore, saved.receipt_no)
    assert [(a.filename, a.media_type, a.size) for a in got.attachments] == [
        ("사진.jpg", "image/jpeg", len(photo)), ("진정서.pdf", "application/pdf", len(letter))]
    for a, name in zip(got.attachments, ("사진.jpg", "진정서.pdf"), strict=True):
        data = (tmp_path / name).read_bytes()
        assert a.sha256 == hashlib.sha256(data).hexdigest()
        assert cstore.db.execute("SELECT data FROM blobs WHERE sha256 = ?",
                                 (a.sha256,)).fetchone()[0] == data
    assert complaints.signature(cstore, saved.id) == PNG


def test_the_same_file_in_a_batch_is_stored_once(cstore, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"the same content")
    files = attachment_files.load(["a.txt"], base_dir=tmp_path)
    one = replace(draft(cstore), attachments=files)
    saved = complaints.add_many(cstore, [one, one], cstore.officer)
    assert count(cstore, "blobs") == 1 and count(cstore, "attachments") == 2
    assert all(complaints.signature(cstore, c.id) is None for c in saved)
