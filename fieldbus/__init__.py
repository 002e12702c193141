"""Fieldbus: offline intake, receipts and sync for the outreach complaint bus (이동신문고).

The desktop app, in layers whose arrows point down (``tests/test_architecture.py`` holds
the table): ``domain`` (records and rules) ← ``store`` (the encrypted store) ←
``receipts`` (PDFs) ← ``services`` (Qt-free use cases) ← ``ui`` (the window, the only Qt
importer) and ``cli`` (the commands). Any of them may use ``sync`` (protocol, client);
``sync`` never imports ``fieldbus``. Nothing lives at this top level but the version and
``__main__`` (``python -m fieldbus`` runs the command line).
"""

__version__ = "0.1.0"
