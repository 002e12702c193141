"""Sync in the window: the controller that runs :mod:`sync.client` off the GUI thread and
keeps the status bar's line, and the sync panel (what waits, and why).

May import Qt, ``fieldbus.domain``, ``store``, ``services`` (the laptop's side of sync),
``sync.client`` (on its own thread) and the shared ``fieldbus.ui.shell`` and
``fieldbus.ui.widgets``; never ``fieldbus.cli`` nor another screen's package. The main window creates the controller and opens the panel.
"""
