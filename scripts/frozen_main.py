"""Entry script of the PyInstaller build (``build.spec``): the ``fieldbus`` command.

PyInstaller needs a script, not an entry point; this one only hands over to the CLI, so the
frozen ``fieldbus`` behaves exactly like the installed one (no sub-command: the window).
"""

from fieldbus.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
