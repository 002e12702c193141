"""Writes the hub's OpenAPI document: ``python -m sync.hub.openapi_doc > docs/openapi.json``.

The committed copy lets people read the API without running a hub; a test keeps it equal
to what the hub serves at ``/openapi.json``.
"""

from __future__ import annotations

import json
import sys


def document() -> str:
    from sync.hub.app import create_app
    from sync.hub.db import connect

    engine = connect("sqlite://")  # an in-memory database: the document needs no data
    try:
        schema = create_app("sqlite://", engine=engine).openapi()
    finally:
        engine.dispose()
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    sys.stdout.write(document())
