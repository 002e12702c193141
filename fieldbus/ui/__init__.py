"""The desktop interface: the only package of Fieldbus that imports Qt (PySide6).

Everything else (domain, store, receipts, CLI, sync) runs and is tested without a display;
``tests/test_architecture.py`` enforces this.
"""
