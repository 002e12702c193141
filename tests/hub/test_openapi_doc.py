"""The committed ``docs/openapi.json`` is the document the hub serves."""

from __future__ import annotations

import json

import httpx
import pytest

from sync.hub.openapi_doc import document
from tests.hub.fixtures import ROOT


def test_docs_openapi_json_is_current():
    committed = (ROOT / "docs" / "openapi.json").read_text(encoding="utf-8")
    assert committed == document(), \
        "regenerate it: .venv/bin/python -m sync.hub.openapi_doc > docs/openapi.json"


@pytest.mark.parametrize("hub_db_url", ["sqlite"], indirect=True)
def test_the_hub_serves_it(hub):
    served = httpx.get(hub.url + "/openapi.json").json()
    assert served == json.loads(document())
    assert {"/api/v1/push", "/api/v1/pull", "/api/v1/attachments/{sha256}",
            "/api/v1/devices/enrol"} <= set(served["paths"])
