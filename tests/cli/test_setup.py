"""``fieldbus setup`` and signing in: the store is made once, never over an existing one."""

from __future__ import annotations

import hashlib

import pytest

from tests.cli.conftest import DEVICE, OFFICER, PIN, sample


def _fingerprint(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def test_setup_creates_a_store_that_later_commands_open(cli):
    result = cli("setup", "--officer", OFFICER, "--device", DEVICE)
    assert result.code == 0, result
    assert (cli.data_dir / "fieldbus.db").is_file()
    assert DEVICE in result.out
    assert "Traceback" not in result.err
    listed = cli("complaint", "list", "--json")
    assert listed.code == 0, listed
    assert listed.json() == []
    officers = cli("officer", "list", "--json")
    assert officers.json() == [{"name": OFFICER, "role": "officer"}]


def test_setup_canonicalises_a_lower_case_device_code(cli):
    cli.setup("b07a")
    added = cli.add("complaint-01.json")
    assert added.out.strip().startswith("B07A-")


def test_setup_reads_the_pin_from_stdin(cli):
    result = cli("setup", "--officer", OFFICER, "--device", DEVICE, "--pin-stdin",
                 stdin="567812\n", env={"FIELDBUS_PIN": None})
    assert result.code == 0, result
    assert cli("complaint", "list", env={"FIELDBUS_PIN": "567812"}).code == 0
    # The PIN on stdin won over nothing else: the usual test PIN does not open it.
    assert cli("complaint", "list", env={"FIELDBUS_PIN": PIN}).code == 4


def test_setup_pin_stdin_wins_over_the_environment(cli):
    result = cli("setup", "--officer", OFFICER, "--device", DEVICE, "--pin-stdin",
                 stdin="567812\n", env={"FIELDBUS_PIN": "111111"})
    assert result.code == 0, result
    assert cli("complaint", "list", env={"FIELDBUS_PIN": "567812"}).code == 0


def test_setup_pin_stdin_with_nothing_on_stdin_is_refused(cli):
    result = cli("setup", "--officer", OFFICER, "--device", DEVICE, "--pin-stdin",
                 stdin=b"", env={"FIELDBUS_PIN": None})
    assert result.code == 2, result
    assert len(result.err_lines) == 1 and "PIN" in result.err_lines[0]
    assert not (cli.data_dir / "fieldbus.db").exists()


def test_setup_refuses_an_existing_store_and_leaves_it_untouched(ready):
    ready.add("complaint-01.json")
    receipts = ready.receipts()  # a listing is audited: read it before the fingerprint
    before = _fingerprint(ready.data_dir)
    for device, pin in ((DEVICE, PIN), ("C99", "999999")):
        again = ready("setup", "--officer", "다른사람", "--device", device,
                      env={"FIELDBUS_PIN": pin})
        assert again.code not in (0, 2), again
        assert again.code == 3, again
        assert "already exists" in again.err
        assert "Traceback" not in again.err
        assert _fingerprint(ready.data_dir) == before
    # Still the same store, same officer, same cases.
    assert ready.receipts() == receipts
    assert ready("officer", "list", "--json").json() == [{"name": OFFICER, "role": "officer"}]


@pytest.mark.parametrize("device", ["A", "ABCDEFG", "B-07", "B07A!", "가나다", "", " "])
def test_setup_refuses_an_invalid_device_code(cli, device):
    result = cli("setup", "--officer", OFFICER, "--device", device)
    assert result.code == 2, result
    assert len(result.err_lines) == 1, result
    assert "device" in result.err_lines[0]
    assert not (cli.data_dir / "fieldbus.db").exists()


@pytest.mark.parametrize("pin", ["12", "123", "abcd", "12a4", "1234567890123", "１２３４"])
def test_setup_refuses_a_bad_pin(cli, pin):
    result = cli("setup", "--officer", OFFICER, "--device", DEVICE, env={"FIELDBUS_PIN": pin})
    assert result.code == 2, result
    assert len(result.err_lines) == 1, result
    assert "pin" in result.err_lines[0].lower()
    assert not (cli.data_dir / "fieldbus.db").exists()


@pytest.mark.parametrize("name", ["", "a\x00b", "x" * 51])
def test_setup_refuses_a_bad_officer_name(cli, name):
    result = cli("setup", "--officer", name, "--device", DEVICE)
    assert result.code == 2, result
    assert len(result.err_lines) == 1 and "officer" in result.err_lines[0]
    assert not (cli.data_dir / "fieldbus.db").exists()


def test_setup_without_any_pin_source_is_refused(cli):
    result = cli("setup", "--officer", OFFICER, "--device", DEVICE, env={"FIELDBUS_PIN": None})
    assert result.code == 2, result
    assert "FIELDBUS_PIN" in result.err
    assert not (cli.data_dir / "fieldbus.db").exists()


def test_a_wrong_pin_on_a_later_command_is_exit_4(ready):
    ready.add("complaint-01.json")
    result = ready("complaint", "list", env={"FIELDBUS_PIN": "0000"})
    assert result.code == 4, result
    assert result.out == ""
    assert len(result.err_lines) == 1 and "PIN" in result.err_lines[0]
    # A write is refused the same way, and nothing is saved.
    refused = ready("complaint", "add", ready.write({"kind": "x"}), env={"FIELDBUS_PIN": "0000"})
    assert refused.code == 2  # invalid input is found before anyone signs in
    refused = ready("complaint", "add", ready.write(sample("complaint-02.json")),
                    env={"FIELDBUS_PIN": "0000"})
    assert refused.code == 4, refused
    assert len(ready.receipts()) == 1


def test_an_unknown_officer_is_exit_4(ready):
    result = ready("--officer", "없는사람", "complaint", "list")
    assert result.code == 4, result
    assert "없는사람" in result.err


def test_no_store_yet_is_exit_3_with_a_hint(cli):
    result = cli("complaint", "list")
    assert result.code == 3, result
    assert "fieldbus setup" in result.err
    assert not (cli.data_dir / "fieldbus.db").exists()


def test_data_dir_option_wins_over_the_environment(cli, tmp_path):
    other = tmp_path / "other"
    result = cli("--data-dir", other, "setup", "--officer", OFFICER, "--device", DEVICE)
    assert result.code == 0, result
    assert (other / "fieldbus.db").is_file()
    assert not (cli.data_dir / "fieldbus.db").exists()
    assert cli("--data-dir", other, "complaint", "list").code == 0


def test_without_data_dir_the_user_data_folder_is_used(cli, monkeypatch):
    import os
    from pathlib import Path

    monkeypatch.delenv("FIELDBUS_DATA_DIR")
    result = cli("setup", "--officer", OFFICER, "--device", DEVICE)
    assert result.code == 0, result
    expected = Path(os.environ["XDG_DATA_HOME"]) / "fieldbus"
    assert (expected / "fieldbus.db").is_file()
    assert not cli.data_dir.exists()
    assert cli("complaint", "list").code == 0
