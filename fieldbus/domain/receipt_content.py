"""What a complaint receipt must tell the citizen beyond the case itself (issue 11).

민원처리법 시행령 제6조④ asks that at intake the citizen be told whether the documents are
complete, the processing standard and procedure, the expected processing time and any
planned on-site check or investigation: the defaults per kind, and the texts for the
anonymous case, the ACRC's internal target, the reporter's consent to disclosure of
identity and the read-back of an oral report, are data with their legal basis quoted
(``resources/rules/receipt-content.json``). The progress notices printed under the QR code
are in ``resources/receipts/notices.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from fieldbus.domain.records import COMPLAINT_KINDS, DOCUMENTS_STATES, ComplaintDraft, Guidance
from sync.resources import resource_path


class ReceiptContentError(ValueError):
    """receipt-content.json or notices.json is malformed (an installation fault)."""


@cache
def table() -> dict[str, Any]:
    """``resources/rules/receipt-content.json``, checked once."""
    path = resource_path("rules", "receipt-content.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    defaults = raw.get("defaults", {})
    for kind in COMPLAINT_KINDS:
        entry = defaults.get(kind)
        if not isinstance(entry, dict):
            raise ReceiptContentError(f"{path.name}: defaults.{kind} is missing")
        unknown = set(entry) - {"documents", "procedure", "site_check"}
        if unknown:
            raise ReceiptContentError(f"{path.name}: defaults.{kind}: unknown key "
                                      f"{sorted(unknown)[0]!r}")
        if entry.get("documents") not in DOCUMENTS_STATES or not entry.get("procedure") \
                or not entry.get("site_check"):
            raise ReceiptContentError(f"{path.name}: defaults.{kind} needs documents, "
                                      "procedure and site_check")
    for key in ("receipt", "anonymous", "internal_target", "identity_disclosure",
                "read_back"):
        entry = raw.get(key)
        if not isinstance(entry, dict) or not all(entry.get(k) for k in
                                                  ("basis", "text", "source", "version")):
            raise ReceiptContentError(f"{path.name}: {key} needs basis, text, source and "
                                      "version")
    return raw


@cache
def consent_table() -> dict[str, Any]:
    """``resources/rules/consent.json`` as read, once: the notice the intake form shows and
    the receipt's consent lines both come from it."""
    return json.loads(resource_path("rules", "consent.json").read_text(encoding="utf-8"))


@cache
def notices() -> dict[str, Any]:
    """``resources/receipts/notices.json``: the progress notices, by kind."""
    path = resource_path("receipts", "notices.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    progress = raw["progress_report"]
    for kind in COMPLAINT_KINDS:
        if progress["by_kind"].get(kind) not in progress:
            raise ReceiptContentError(f"{path.name}: progress_report.by_kind.{kind} names "
                                      "no notice")
    for name, entry in progress.items():
        if name in ("by_kind", "anonymous"):
            continue
        if not entry.get("ko") or not entry.get("en") or not (
                entry.get("basis") and entry.get("text") or entry.get("why")):
            raise ReceiptContentError(f"{path.name}: progress_report.{name} needs ko, en "
                                      "and basis with text (or why there is none)")
    return raw


def is_anonymous(draft: ComplaintDraft) -> bool:
    """Neither name nor address: not a 민원인 (법 제2조제2호 단서, 시행령 제2조①3)."""
    person = draft.petitioner
    return person is None or not (person.name or person.address)


@dataclass(frozen=True)
class Told:
    """The 시행령 제6조④ guidance as printed: given values, else the kind's default."""

    documents: str
    documents_missing: str | None
    procedure: str
    site_check: str
    defaults: frozenset[str]  # the fields that came from receipt-content.json

    def documents_label(self) -> tuple[str, str]:
        label = table()["documents"][self.documents]
        return label["ko"], label["en"]


def told(kind: str, given: Guidance) -> Told:
    default = table()["defaults"][kind]
    used = frozenset(k for k in ("documents", "procedure", "site_check")
                     if getattr(given, k) is None)
    return Told(
        documents=given.documents or default["documents"],
        documents_missing=given.documents_missing,
        procedure=given.procedure or default["procedure"],
        site_check=given.site_check or default["site_check"],
        defaults=used,
    )


def progress_notice(draft: ComplaintDraft, *, status_page: bool) -> dict[str, Any]:
    """The notice under the QR code. ``status_page``: the QR leads to the hub's status page
    (enrolled, not training) — only then may it replace the 30-day notices (시행령
    제23조③)."""
    progress = notices()["progress_report"]
    name = progress["anonymous"] if is_anonymous(draft) else progress["by_kind"][draft.kind]
    if name == "minwon" and not status_page:
        name = "minwon_no_status_page"
    return progress[name]
