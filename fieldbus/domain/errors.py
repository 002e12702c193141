"""Typed errors of the core.

The core never formats messages for a particular screen: every error carries a stable
``code`` (for the UI to translate) and, for validation, the ``field`` it concerns, so a
form can show the reason beside the right box and the CLI can print one clear line. The
two base errors live in :mod:`sync.errors` because the law's tables and deadlines, which
raise them, are shared with the hub; they are named here too so the laptop's code has one
place to import its errors from.
"""

from __future__ import annotations

from sync.errors import FieldbusError, ValidationError

__all__ = ["FieldbusError", "ValidationError", "NotFound", "PermissionDenied", "PrintFailed"]


class NotFound(FieldbusError):
    """A record named by the user (receipt number, session id) does not exist."""

    code = "not_found"


class PermissionDenied(FieldbusError):
    """The signed-in officer's role does not allow this."""

    code = "forbidden"


class PrintFailed(FieldbusError):
    """A PDF could not be printed through Qt (``fieldbus/ui/printing/printer.py``).

    ``code`` says why, for the UI to translate: ``pdf_unreadable`` (the bytes are not a PDF
    Qt can open), ``printer_not_found`` (no printer of that name), ``page_size_unsupported``
    (the printer refuses A4 or the 80 mm roll page), ``printer_not_ready`` (the printer
    would not begin a job: offline, unwritable output file, …) or ``print_failed`` (the job
    failed part-way: some pages may already be on paper).
    """

    code = "print_failed"
