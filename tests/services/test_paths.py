"""The data-folder rule the command line and the window share."""

from __future__ import annotations

from pathlib import Path

from fieldbus.services.paths import data_dir
from fieldbus.services.training import training_dir


def test_the_explicit_folder_wins_over_the_environment(tmp_path):
    environ = {"FIELDBUS_DATA_DIR": str(tmp_path / "env")}
    assert data_dir(tmp_path / "given", environ=environ) == tmp_path / "given"
    assert data_dir(str(tmp_path / "given"), environ=environ) == tmp_path / "given"


def test_the_environment_comes_next_and_empty_counts_as_not_given(tmp_path):
    environ = {"FIELDBUS_DATA_DIR": str(tmp_path / "env")}
    assert data_dir(None, environ=environ) == tmp_path / "env"
    assert data_dir("", environ=environ) == tmp_path / "env"


def test_else_the_user_data_folder():
    import platformdirs

    expected = Path(platformdirs.user_data_dir("fieldbus", appauthor=False))
    assert data_dir(None, environ={"FIELDBUS_DATA_DIR": ""}) == expected


def test_a_tilde_is_expanded(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data_dir("~/store", environ={}) == tmp_path / "store"
    assert data_dir(None, environ={"FIELDBUS_DATA_DIR": "~/env"}) == tmp_path / "env"


def test_training_is_the_folder_beside_whichever_was_chosen(tmp_path):
    chosen = tmp_path / "real"
    assert data_dir(chosen, training=True, environ={}) == training_dir(chosen)
    assert data_dir(chosen, training=True, environ={}) == tmp_path / "real-training"
