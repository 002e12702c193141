"""Typed errors of the core.

The core never formats messages for a particular screen: every error carries a stable
``code`` (for the UI to translate) and, for validation, the ``field`` it concerns, so a
form can show the reason beside the right box and the CLI can print one clear line.
"""

from __future__ import annotations


class FieldbusError(Exception):
    """Base of every error the core raises on purpose (as opposed to a bug)."""

    code: str = "error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.code


class ValidationError(FieldbusError):
    """Input a person gave is not acceptable; nothing was saved.

    ``field`` is a dotted path into the intake record (``petitioner.phone``) or ``""``
    when the problem is with the record as a whole.
    """

    code = "invalid"

    def __init__(self, field: str, message: str, *, code: str = "invalid") -> None:
        super().__init__(message, code=code)
        self.field = field

    def __str__(self) -> str:
        text = self.args[0] if self.args else self.code
        return f"{self.field}: {text}" if self.field else str(text)


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
