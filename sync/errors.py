"""The base errors both ends raise on purpose: the law tables and deadlines of
:mod:`sync.deadlines` and :mod:`sync.rule_tables` are used by the laptop and the hub alike.

Every error carries a stable ``code`` (for the UI to translate) and, for validation, the
``field`` it concerns, so a form can show the reason beside the right box and a command
line can print one clear line. The laptop's own errors (:mod:`fieldbus.domain.errors`)
subclass :class:`FieldbusError`.
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
