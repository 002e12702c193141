"""``fieldbus --training``: every command on the training store beside the real one."""

from __future__ import annotations

from fieldbus.store.store import Store
from fieldbus.services.training import seed_data, training_dir
from tests.cli.conftest import DEVICE, OFFICER

NOTICE = "training store (교육용"


def test_training_setup_and_list_use_their_own_folder(cli, data_dir):
    result = cli("--training", "setup", "--officer", "김교육")
    assert result.code == 0, result
    assert str(training_dir(data_dir)) in result.out
    assert "device EDU" in result.out
    assert any(line.startswith(NOTICE) for line in result.err_lines), result
    assert Store.exists(training_dir(data_dir))
    assert not data_dir.exists()  # the real store's folder is not even made

    listed = cli("--training", "complaint", "list", "--json")
    assert listed.code == 0, listed
    assert len(listed.json()) == len(seed_data()["complaints"])
    assert all(item["receipt_no"].startswith("EDU-") for item in listed.json())
    assert [line for line in listed.err_lines if line.startswith(NOTICE)] == [
        f"training store (교육용, made-up cases, never synced): {training_dir(data_dir)}"]


def test_the_real_store_never_sees_training_cases(ready, data_dir):
    real = ready.add("complaint-01.json").out.strip()
    assert ready("--training", "setup", "--officer", "김교육", "--device", DEVICE).code == 0
    assert ready.receipts() == [real]  # without --training: the real store, as it was
    plain = ready("complaint", "list")
    assert not any(NOTICE in line for line in plain.err_lines)
    added = ready.add("complaint-02.json")
    assert added.out.startswith(f"{DEVICE}-")
    training = ready("--training", "complaint", "list", "--json").json()
    assert real not in {item["receipt_no"] for item in training}
    assert added.out.strip() not in {item["receipt_no"] for item in training}


def test_training_needs_its_own_setup(ready):
    result = ready("--training", "complaint", "list")
    assert result.code == 3, result
    assert "no store" in result.err


def test_a_real_store_cannot_take_a_training_code(cli):
    result = cli("setup", "--officer", OFFICER, "--device", "EDU1")
    assert result.code == 2, result
    assert "reserved" in result.err
    assert cli("setup", "--officer", OFFICER).code == 2  # and a real one needs --device


def test_a_training_receipt_is_printed_from_the_training_store(cli, tmp_path):
    cli("--training", "setup", "--officer", "김교육")
    receipt = cli("--training", "complaint", "list", "--json").json()[0]["receipt_no"]
    out = tmp_path / "receipt.pdf"
    result = cli("--training", "receipt", receipt, "--out", out)
    assert result.code == 0, result
    assert out.read_bytes().startswith(b"%PDF")
