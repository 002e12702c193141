"""Issue 9 §2–3 and §10 from the command line: 6-digit PINs, a supervisor to add anyone,
``officer disable``, and an empty store file refused."""

from __future__ import annotations

from tests.cli.conftest import DEVICE, OFFICER, sample

NEW_PIN = "593017"


def test_setup_refuses_a_four_digit_pin(cli):
    result = cli("setup", "--officer", OFFICER, "--device", DEVICE, env={"FIELDBUS_PIN": "4821"})
    assert result.code == 2, result
    assert len(result.err_lines) == 1 and "6" in result.err_lines[0]
    assert not (cli.data_dir / "fieldbus.db").exists()


def test_an_officer_cannot_add_anyone(ready):
    """The attack: an officer makes themselves a counsel account and reads the notes."""
    for role in ("counsel", "officer"):
        result = ready("officer", "add", "임건우", "--role", role,
                       env={"FIELDBUS_NEW_PIN": NEW_PIN})
        assert result.code == 4, result
        assert len(result.err_lines) == 1 and "supervisor" in result.err_lines[0]
    assert [o["name"] for o in ready("officer", "list", "--json").json()] == [OFFICER]


def test_an_empty_store_file_is_refused_with_exit_3(ready):
    (ready.data_dir / "fieldbus.db").write_bytes(b"")
    result = ready("officer", "list")
    assert result.code == 3, result
    assert "empty" in result.err
    assert (ready.data_dir / "fieldbus.db").stat().st_size == 0


BOSS = "박감독"


def _team(cli):
    """A laptop set up by supervisor 박감독 (PIN ``PIN``), who added officer 홍길동."""
    cli.setup(DEVICE, BOSS, "--role", "supervisor")
    added = cli("officer", "add", OFFICER, "--role", "officer", env={"FIELDBUS_NEW_PIN": NEW_PIN})
    assert added.code == 0, added
    return cli


def as_officer(cli, *argv, **kw):
    return cli("--officer", OFFICER, *argv, env={"FIELDBUS_PIN": NEW_PIN, **kw.pop("env", {})},
               **kw)


def test_disable_is_for_a_supervisor_and_keeps_the_records(cli):
    _team(cli)
    taken = as_officer(cli, "complaint", "add", cli.write(sample("complaint-01.json")))
    assert taken.code == 0, taken
    refused = as_officer(cli, "officer", "disable", BOSS)
    assert refused.code == 4 and "supervisor" in refused.err, refused
    done = cli("--officer", BOSS, "officer", "disable", OFFICER)
    assert done.code == 0, done
    assert as_officer(cli, "complaint", "list").code == 4  # no longer signs in here
    listed = cli("complaint", "list", "--json")  # one officer left: no --officer needed
    assert [c["receipt_no"] for c in listed.json()] == [taken.out.strip()]
    assert cli("officer", "list", "--json").json() == [{"name": BOSS, "role": "supervisor"}]
    assert cli("audit", "verify").code == 0


def test_a_role_is_changed_by_a_supervisor_only(cli):
    _team(cli)
    assert as_officer(cli, "officer", "role", OFFICER, "counsel").code == 4
    changed = cli("--officer", BOSS, "officer", "role", OFFICER, "counsel")
    assert changed.code == 0, changed
    assert {"name": OFFICER, "role": "counsel"} in cli("--officer", BOSS, "officer", "list",
                                                       "--json").json()


def test_an_officer_changes_their_own_pin_to_six_digits_or_more(ready):
    short = ready("officer", "pin", env={"FIELDBUS_NEW_PIN": "4821"})
    assert short.code == 2, short
    done = ready("officer", "pin", env={"FIELDBUS_NEW_PIN": NEW_PIN})
    assert done.code == 0, done
    assert NEW_PIN not in done.out + done.err
    assert ready("officer", "list").code == 4  # the old PIN
    assert ready("officer", "list", env={"FIELDBUS_PIN": NEW_PIN}).code == 0


def test_a_four_digit_pin_from_before_still_opens_with_a_note(cli, tmp_path):
    import shutil

    from tests.conftest import LEGACY_PIN
    from tests.store.helpers import V4_STORE

    old = tmp_path / "old"
    shutil.copytree(V4_STORE, old)
    result = cli("--data-dir", old, "--officer", "홍길동", "officer", "list",
                 env={"FIELDBUS_PIN": LEGACY_PIN})
    assert result.code == 0, result
    assert any(line.startswith("note:") and "6 digits" in line for line in result.err_lines)
