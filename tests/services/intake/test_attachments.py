"""The intake form's files and signature without Qt: the attach-time rule, the draft's
recheck after a crash, the read at save, and the signature the draft carries."""

from __future__ import annotations

import base64
import hashlib
import os

import pytest

from fieldbus.domain.errors import ValidationError
from fieldbus.services.intake import attachments as files
from fieldbus.services.intake import draft as intake_draft
from fieldbus.services.intake.attachment_files import MAX_FILE_BYTES, MAX_TOTAL_BYTES
from fieldbus.services.intake.attachments import Attached

MB = 2**20


def made_up(n: int, size: int) -> Attached:
    return Attached(path=f"/nowhere/{n}.jpg", filename=f"{n}.jpg", size=size,
                    sha256=hashlib.sha256(str(n).encode()).hexdigest(), media_type="image/jpeg")


def test_a_file_is_read_hashed_and_kept_by_path(tmp_path):
    path = tmp_path / "현장 사진.jpg"
    path.write_bytes(b"\xff\xd8 made-up photo")
    got = files.read(str(path))
    assert got == Attached(path=str(path), filename="현장 사진.jpg", size=path.stat().st_size,
                           sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                           media_type="image/jpeg")
    assert Attached.from_json(got.to_json()) == got


def test_an_oversize_or_unreadable_file_is_refused_with_its_reason(tmp_path):
    big = tmp_path / "big.mp4"
    big.touch()
    os.truncate(big, MAX_FILE_BYTES + 1)
    assert files.read(str(big)) == files.Refusal("file_size", "big.mp4", MAX_FILE_BYTES + 1)
    assert files.read(str(tmp_path / "gone.pdf")).code == "unreadable"
    assert files.read(str(tmp_path)).code == "unreadable"  # a folder


def test_the_total_the_count_and_duplicates_are_checked_against_the_list():
    kept = [made_up(1, 20 * MB), made_up(2, 20 * MB)]
    assert files.refusal(made_up(3, MAX_TOTAL_BYTES - 40 * MB), kept) is None
    assert files.refusal(made_up(3, MAX_TOTAL_BYTES - 40 * MB + 1), kept).code == "total_size"
    assert files.refusal(made_up(1, 20 * MB), kept).code == "duplicate"
    many = [made_up(n, 10) for n in range(files.max_files())]
    assert files.max_files() == 20  # the intake schema's maxItems
    assert files.refusal(made_up(99, 10), many).code == "too_many"


def test_a_restored_draft_drops_files_that_vanished_or_changed(tmp_path):
    same, grown, gone = (tmp_path / n for n in ("same.txt", "grown.txt", "gone.txt"))
    for path in (same, grown, gone):
        path.write_bytes(b"12345")
    attached = [files.read(str(p)) for p in (same, grown, gone)]
    grown.write_bytes(b"1234567")
    gone.unlink()
    kept, lost = files.recheck(attached)
    assert kept == [attached[0]]
    assert [(r.code, r.filename) for r in lost] == [("changed", "grown.txt"),
                                                    ("missing", "gone.txt")]


def test_saving_reads_the_files_again_and_refuses_one_that_changed(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(b"first")
    b.write_bytes(b"second")
    attached = [files.read(str(a)), files.read(str(b))]
    assert [f.data for f in files.files_for_save(attached)] == [b"first", b"second"]
    b.write_bytes(b"SECOND")  # same size, other content
    with pytest.raises(ValidationError) as caught:
        files.files_for_save(attached)
    assert caught.value.field == "attachments[1]"
    assert caught.value.code == "attachment_changed"


def test_the_signature_travels_in_the_draft_as_base64_and_never_when_anonymous():
    png = b"\x89PNG\r\n\x1a\n made-up image"
    values = intake_draft.empty_values() | {"signature": base64.b64encode(png).decode()}
    assert intake_draft.signature_png(values) == png
    assert intake_draft.signature_png(values | {"anonymous": True}) is None
    assert intake_draft.signature_png(intake_draft.empty_values()) is None
    assert intake_draft.is_blank(intake_draft.empty_values())
    assert not intake_draft.is_blank(values)
    for junk in (base64.b64encode(b"GIF89a").decode(), "not base64!"):
        assert intake_draft.signature_png(values | {"signature": junk}) is None


# ------------------------------------------------------------------ issue 9 §5: sources
# The form's attachment box, a restored draft and the read at save apply the same rule
# as the command line: only ordinary files of the officer's.

ENVIRON = "/proc/self/environ"
needs_proc = pytest.mark.skipif(not os.path.exists(ENVIRON), reason="needs /proc")


@needs_proc
def test_the_attachment_box_refuses_the_process_environment():
    """Attack: size 0 by its metadata, the whole environment when read."""
    got = files.read(ENVIRON)
    assert isinstance(got, files.Refusal) and got.code == "unreadable"


@needs_proc
def test_saving_refuses_a_draft_that_names_the_process_environment():
    """Attack: a draft (kept in the store, restorable) naming /proc/self/environ."""
    forged = Attached(path=ENVIRON, filename="사진.jpg", size=0,
                      sha256=hashlib.sha256(b"").hexdigest(), media_type="image/jpeg")
    kept, lost = files.recheck([forged])
    assert kept == [] and [r.code for r in lost] == ["unreadable"]
    with pytest.raises(ValidationError) as caught:
        files.files_for_save([forged])
    assert caught.value.field == "attachments[0]" and caught.value.code == "attachment"


def test_files_of_a_store_folder_are_refused_wherever_it_is(tmp_path, store):
    inside = store.data_dir / "receipts" / "접수증.pdf"
    inside.parent.mkdir(exist_ok=True)
    inside.write_bytes(b"%PDF-1.4 made-up")
    assert files.read(str(inside)).code == "unreadable"
    copy = tmp_path / "backup"  # a copy of the store's folder elsewhere
    copy.mkdir()
    (copy / "fieldbus.db").write_bytes(b"made-up")
    (copy / "notes.txt").write_bytes(b"made-up")
    assert files.read(str(copy / "notes.txt")).code == "unreadable"
    outside = tmp_path / "사진.jpg"
    outside.write_bytes(b"\xff\xd8")
    assert isinstance(files.read(str(outside)), Attached)


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.jpg"
    os.mkfifo(fifo)
    assert files.read(str(fifo)).code == "unreadable"
    kept, lost = files.recheck([Attached(path=str(fifo), filename="pipe.jpg", size=0,
                                         sha256="0" * 64, media_type="image/jpeg")])
    assert kept == [] and lost[0].code == "unreadable"


def test_reading_stops_one_byte_past_the_limit_whatever_the_size_said():
    from fieldbus.services.intake.attachment_files import read_at_most

    read_end, write_end = os.pipe()  # a stream: no size to ask for beforehand
    try:
        os.write(write_end, b"x" * 5000)
        assert read_at_most(read_end, 1000) == b"x" * 1001
        assert os.read(read_end, 10000) == b"x" * 3999  # the rest was never read
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_name_with_a_registration_number_is_masked(tmp_path):
    path = tmp_path / "900101\u30001234567 신분증.jpg"
    path.write_bytes(b"\xff\xd8")
    got = files.read(str(path))
    assert got.filename == "900101\u30001****** 신분증.jpg"
    assert got.path == str(path)  # kept by its real path, to read it again at save
