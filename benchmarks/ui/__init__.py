"""Desktop app benchmarks (issue 4): start-up, GUI-thread stalls and memory at 100,000 cases,
each beside a baseline measured in the same run.

Run from the repository root: ``bash scripts/bench.sh`` (writes docs/benchmarks-ui.md), or
``.venv/bin/python -m benchmarks.ui --out docs/benchmarks-ui.md`` (``--help`` for the sizes).
Not a test: nothing here asserts a time.

The parent process (``__main__``) builds the stores (with bench_store's generator) and
starts every measurement in a child process of its own (``python -m benchmarks.ui --child
…``), so no figure carries another's imports, caches or memory. One module per thing
measured:

- ``startup``: ``startup-bare`` / ``startup-app``: the child prints one line once the first
  window has been painted; the parent times process start to that line. The app child runs
  the real entry (``fieldbus.cli.main.main([])``, no sub-command) up to the sign-in screen
  painted.
- ``session`` (with ``watch``, its instruments, and ``stalls``, its report): ``ui``: the
  real MainWindow, signed in, driven through a scripted session (tabs, scroll to the end,
  search as you type, every filter, details, one intake). A 1 ms heartbeat timer records
  how late it fires (the GUI thread's longest busy stretch, whatever caused it: our code,
  Qt, or the store worker holding the GIL), and an overridden ``QApplication.notify``
  times every top-level event dispatch, with the scripted action under way, so each stall
  over 16 ms is named.
- ``memory``: ``bare-rss``: a bare window's peak memory; the session's peaks beside it.
- ``common``: what they share: the officer and PIN, the event-loop helpers, the child
  processes' command and environment, Xvfb, the stores.

Every module's top level imports only the standard library (Qt and fieldbus are imported
inside functions): the start-up children import them before they start the clock's
subject. The package sits under benchmarks/, not fieldbus/, so it may import Qt.
"""
