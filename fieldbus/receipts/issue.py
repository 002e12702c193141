"""Printing a receipt or counsel confirmation: read the record, render it, hand the PDF to
``deliver`` (write a file, send it to a printer), and count and audit the print — all in
one store transaction, so a print that could not be delivered is neither counted nor
audited, and the next one is not marked as a reissue.

The same functions serve the command line and the app's print dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.records import Officer
from sync.protocol import status_code, status_link
from fieldbus.receipts import documents
from fieldbus.receipts.layout import LAYOUTS, render
from fieldbus.store import complaints, counsel, handler, officers, prints
from fieldbus.store.prints import Issue
from fieldbus.store.store import Store

COPIES = ("citizen", "office")
HUB_URL_KEY = "hub_public_url"

Deliver = Callable[[bytes], None]


@dataclass(frozen=True)
class Printed:
    number: str
    layout: str
    copy: str
    issue: Issue
    pages: int
    substituted: tuple[str, ...]  # characters no font has, printed as their code [U+…]


def _check(layout: str, copy: str) -> None:
    if layout not in LAYOUTS:
        raise ValidationError("layout", f"must be one of {', '.join(LAYOUTS)}", code="layout")
    if copy not in COPIES:
        raise ValidationError("copy", f"must be one of {', '.join(COPIES)}", code="copy")
    if copy == "office" and layout != "a4":
        raise ValidationError("copy", "the office copy is printed on A4 (it carries the "
                              "petitioner's signature)", code="office_a4")


def _finish(store: Store, by: Officer, doc: documents.Document, *, record_type: str,
            record_id: str, layout: str, copy: str, issue: Issue, deliver: Deliver) -> Printed:
    rendered = render(doc, layout)
    prints.record(store, by, issue, record_type=record_type, record_id=record_id, copy=copy,
                  details={"number": doc.number, "layout": layout,
                           "substituted": len(rendered.substituted)})
    deliver(rendered.pdf)
    return Printed(number=doc.number, layout=layout, copy=copy, issue=issue,
                   pages=rendered.pages, substituted=tuple(rendered.substituted))


def print_complaint(store: Store, by: Officer, receipt_no: str, *, layout: str = "a4",
                    copy: str = "citizen", deliver: Deliver) -> Printed:
    _check(layout, copy)
    with store.write():
        complaint = complaints.get(store, receipt_no)
        issue = prints.next_issue(store, record_type="complaint", record_id=complaint.id,
                                  copy=copy)
        code = status_code(complaint.receipt_no, store.meta("install_secret"))
        hub_url = store.meta(HUB_URL_KEY)
        doc = documents.complaint_receipt(
            complaint, copy=copy, issue=issue, handler=handler.get(store),
            received_by=officers.name_of(store.db, complaint.created_by), code=code,
            qr=status_link(complaint.receipt_no, code, hub_url), enrolled=bool(hub_url),
            signature=complaints.signature(store, complaint.id) if copy == "office" else None,
            training=store.training)
        return _finish(store, by, doc, record_type="complaint", record_id=complaint.id,
                       layout=layout, copy=copy, issue=issue, deliver=deliver)


def print_counsel(store: Store, by: Officer, ident: str, *, layout: str = "a4",
                  deliver: Deliver) -> Printed:
    _check(layout, "citizen")
    with store.write():
        session = counsel.get(store, ident)
        issue = prints.next_issue(store, record_type="counsel_session", record_id=session.id,
                                  copy="citizen")
        doc = documents.counsel_confirmation(session, issue=issue, today=issue.at.date(),
                                             training=store.training)
        return _finish(store, by, doc, record_type="counsel_session", record_id=session.id,
                       layout=layout, copy="citizen", issue=issue, deliver=deliver)
