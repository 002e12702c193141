"""Fieldbus: offline intake, receipts and sync for the outreach complaint bus (이동신문고).

The desktop app, in layers whose arrows point down (``tests/test_architecture.py`` holds
the table): ``domain`` (records and rules) ← ``store`` (the encrypted store) ←
``receipts`` (PDFs) ← ``services`` (Qt-free use cases) ← ``ui`` (the window, the only Qt
importer) and ``cli`` (the commands). Any of them may use ``sync`` (protocol, client);
``sync`` never imports ``fieldbus``. Nothing lives at this top level but the version, the
application's identity and ``__main__`` (``python -m fieldbus`` runs the command line).
"""

#: The one place the version is written: pyproject.toml reads it (so the package's metadata,
#: the frozen build's record and the .deb of scripts/build.sh all say the same).
__version__ = "0.1.0"

#: Who the desktop sees: the window's application name, the organisation that runs the
#: bus (국민권익위원회, the Anti-Corruption and Civil Rights Commission), and the reverse-
#: DNS identity that names the .deb's desktop entry (``kr.go.acrc.Fieldbus.desktop``) so a
#: desktop matches the running window to its menu entry and icon.
APP_NAME = "Fieldbus"
ORGANISATION = "국민권익위원회"
ORGANISATION_DOMAIN = "acrc.go.kr"
APP_ID = "kr.go.acrc.Fieldbus"
