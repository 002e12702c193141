"""The laptop's display settings file: defaults, round trip, and a damaged file."""

from __future__ import annotations

import json
import logging

import pytest

from fieldbus.services import settings
from fieldbus.services.settings import Settings


def test_defaults_when_there_is_no_file_yet(tmp_path):
    assert settings.read(tmp_path / "settings.json") == (Settings("ko", 1.0), None)


def test_the_file_is_in_the_user_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert settings.settings_path() == tmp_path / "cfg" / "fieldbus" / "settings.json"


def test_saved_settings_read_back(tmp_path):
    path = tmp_path / "deep" / "settings.json"
    settings.save(Settings(language="en", text_scale=1.5), path)
    assert settings.read(path) == (Settings("en", 1.5), None)
    assert not list(path.parent.glob("*.tmp"))


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", "\xff\xfe", ""])
def test_a_damaged_file_gives_the_defaults_and_says_why(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content.encode("latin-1"))
    loaded, problem = settings.read(path)
    assert loaded == Settings()
    assert problem and str(path) in problem


def test_a_bad_value_falls_back_alone_and_unknown_keys_are_ignored(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "fr", "text_scale": 1.25, "future": 1}))
    loaded, problem = settings.read(path)
    assert loaded == Settings(language="ko", text_scale=1.25)
    assert "language 'fr'" in problem
    path.write_text(json.dumps({"language": "en", "text_scale": True}))
    loaded, problem = settings.read(path)
    assert loaded == Settings(language="en", text_scale=1.0)
    assert "text_scale True" in problem
    path.write_text(json.dumps({"text_scale": 9}))
    assert settings.read(path)[0].text_scale == 1.0


def test_a_damaged_file_is_reported_once(tmp_path, caplog):
    path = tmp_path / "settings.json"
    path.write_text("{oops")
    with caplog.at_level(logging.WARNING, logger="fieldbus.services.settings"):
        assert settings.load(path) == Settings()
        assert settings.load(path) == Settings()
    assert [r.getMessage() for r in caplog.records if str(path) in r.getMessage()] \
        and len(caplog.records) == 1
    settings.save(Settings(language="en"), path)  # fixed: quiet, and a later fault is new
    assert settings.load(path) == Settings(language="en")


def test_save_refuses_values_the_app_cannot_use(tmp_path):
    with pytest.raises(ValueError):
        settings.save(Settings(language="jp"), tmp_path / "s.json")
    with pytest.raises(ValueError):
        settings.save(Settings(text_scale=5.0), tmp_path / "s.json")
    assert not (tmp_path / "s.json").exists()


def test_fieldbus_lang_overrides_the_setting():
    assert settings.language(Settings(language="ko"), {"FIELDBUS_LANG": "en"}) == "en"
    assert settings.language(Settings(language="en"), {"FIELDBUS_LANG": "KO"}) == "ko"
    assert settings.language(Settings(language="en"), {"FIELDBUS_LANG": "xx"}) == "en"
    assert settings.language(Settings(language="en"), {}) == "en"
