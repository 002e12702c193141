"""The intake form's content without Qt: what the form holds, the intake object it makes,
and every problem the domain finds in it, by field.

The form (``fieldbus/ui/intake/form.py``) keeps its content as a plain dict of strings and
booleans — :func:`empty_values` — which is also what the draft autosave stores
(``fieldbus/store/drafts.py``): attached files as path, size and SHA-256
(:mod:`fieldbus.services.intake.attachments`), the drawn signature as a base64 PNG.
:func:`to_intake` turns it into the JSON object
:func:`fieldbus.domain.intake.parse_complaint` validates, so the form and
``fieldbus complaint add`` go through the same rules. :func:`problems` runs those rules
and collects every error (not only the first), for the inline messages as the officer
types.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from fieldbus.domain import receipt_content
from fieldbus.domain.errors import ValidationError
from fieldbus.domain.intake import parse_complaint
from fieldbus.domain.records import IntakeWarning
from fieldbus.domain.rrn import contains_rrn
from sync.resources import resource_path

#: The form's fields, in the order of the conversation (and of the tab chain).
TEXT_FIELDS = ("name", "phone", "email", "address", "postcode", "birth_year", "agency",
               "region", "title", "body", "referred_to", "documents_missing", "procedure",
               "site_check")
#: Free-text fields where a resident registration number may be typed.
RRN_FIELDS = ("name", "address", "title", "body", "referred_to", "agency", "region",
              "documents_missing", "procedure", "site_check")

#: Intake path → form field, for showing an error beside the right box.
FIELD_OF_PATH = {
    "petitioner.name": "name", "petitioner.type": "type", "petitioner.phone": "phone",
    "petitioner.email": "email", "petitioner.address": "address",
    "petitioner.postcode": "postcode", "petitioner.birth_year": "birth_year",
    "petitioner": "name", "consent": "consent", "consent.personal_info": "consent",
    "kind": "kind", "title": "title", "body": "body", "agency": "agency", "region": "region",
    "channel": "channel", "disclosure": "disclosure", "notify_by": "notify_by",
    "outcome": "outcome", "referred_to": "referred_to",
    "guidance.documents": "documents", "guidance.documents_missing": "documents_missing",
    "guidance.procedure": "procedure", "guidance.site_check": "site_check",
    "petitioner.identity_disclosure": "identity_disclosure",
    "oral_report": "read_back", "oral_report.read_back": "read_back",
    "oral_report.at": "read_back",
}


@dataclass(frozen=True)
class NoticeItem:
    code: str
    label: str
    purpose: str
    basis: str | None = None  # legal-basis items only


@dataclass(frozen=True)
class ConsentNotice:
    """``resources/rules/consent.json``: the items processed on a legal basis (name,
    address: 민원처리법), listed apart from the items consent is asked for (개인정보 보호법
    제22조③). ``items`` / ``item_codes`` are the consented items only."""

    version: str
    title: str
    basis: str
    purpose: str
    items: tuple[str, ...]
    item_codes: tuple[str, ...]
    retention: str
    refusal: str
    legal_title: str = ""
    legal_items: tuple[NoticeItem, ...] = ()
    consent_title: str = ""
    consent_basis: str = ""
    consent_items: tuple[NoticeItem, ...] = ()


@cache
def consent_notice() -> ConsentNotice:
    """The notice read to the citizen (``resources/rules/consent.json``)."""
    raw = receipt_content.consent_table()
    legal, consent = raw["legal_basis"], raw["consent"]
    legal_items = tuple(NoticeItem(code=i["code"], label=i["label"], purpose=i["purpose"],
                                   basis=i["basis"]) for i in legal["items"])
    consent_items = tuple(NoticeItem(code=i["code"], label=i["label"], purpose=i["purpose"])
                          for i in consent["items"])
    return ConsentNotice(version=raw["version"], title=raw["title"], basis=raw["basis"],
                         purpose=consent["purpose"],
                         items=tuple(i.label for i in consent_items),
                         item_codes=tuple(i.code for i in consent_items),
                         retention=consent["retention"], refusal=consent["refusal"],
                         legal_title=legal["title"], legal_items=legal_items,
                         consent_title=consent["title"], consent_basis=consent["basis"],
                         consent_items=consent_items)


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    level: str
    aliases: tuple[str, ...] = ()


@cache
def agencies() -> tuple[Agency, ...]:
    """The searchable agency list (``resources/rules/agencies.json``)."""
    raw = json.loads(resource_path("rules", "agencies.json").read_text(encoding="utf-8"))
    return tuple(Agency(code=a["code"], name=a["name"], level=a["level"],
                        aliases=tuple(a.get("aliases", ()))) for a in raw["agencies"])


def visit_region(store) -> str:
    """발생 지역's default (issue 12): the open visit's region, '' with no visit open. The
    intake form starts with it (the officer may change it) and ``fieldbus complaint add``
    takes it when the JSON has no region."""
    from fieldbus.store import visits

    visit = visits.current(store)
    return visit.region if visit is not None else ""


def with_visit_region(data: Any, store) -> tuple[Any, IntakeWarning | None]:
    """An intake object without a region, given the open visit's, and the notice that says
    so; anything else as it was (and None)."""
    given = data.get("region") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not (given is None or
                                          (isinstance(given, str) and not given.strip())):
        return data, None
    region = visit_region(store)
    if not region:
        return data, None
    return {**data, "region": region}, IntakeWarning(
        "region", "region_default", f"not given: the open visit's region, {region}")


def empty_values(*, region: str = "") -> dict[str, Any]:
    """A blank form. Choices the officer must make on purpose (kind, outcome, consent)
    start unset; the rest start at the common, safe value (``region``: the open visit's,
    :func:`visit_region`)."""
    return {
        "anonymous": False, "name": "", "type": "individual", "phone": "", "email": "",
        "address": "", "postcode": "", "birth_year": "", "consent": False, "consent_at": None,
        "kind": "", "agency": "", "region": region, "title": "", "body": "",
        "channel": "walk_in", "disclosure": "private", "notify_by": "", "outcome": "",
        "referred_to": "", "attachments": [], "signature": "",
        # 민원처리법 시행령 제6조④ (empty: the kind's default from receipt-content.json)
        "documents": "", "documents_missing": "", "procedure": "", "site_check": "",
        # kind report only: 신분공개 동의 (시행령 제55조①7), oral report read back (제8조③)
        # (the intake form ticks "oral" when the kind becomes report: on the bus a report
        # is told and written down; a saved case's editor leaves it as it was)
        "identity_disclosure": "", "oral": False, "read_back": False, "read_back_at": None,
    }


def is_blank(values: dict[str, Any], *, region: str = "") -> bool:
    """Nothing typed: a blank form, or one holding only the default region."""
    kept = normalised(values)
    return kept == empty_values() or (bool(region) and kept == empty_values(region=region))


def normalised(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` with exactly the keys of a blank form (a draft from an older version
    may lack some or have others)."""
    blank = empty_values()
    return {key: values.get(key, default) for key, default in blank.items()}


def _text(value: Any) -> str | None:
    text = (value or "").strip() if isinstance(value, str) else value
    return text or None


def to_intake(values: dict[str, Any]) -> dict[str, Any]:
    """The intake object (``resources/schemas/complaint-intake.schema.json``) for the form."""
    v = normalised(values)
    notice = consent_notice()
    consented = bool(v["consent"]) and not v["anonymous"]
    petitioner = None
    if not v["anonymous"]:
        birth = (v["birth_year"] or "").strip()
        petitioner = {
            "name": v["name"] or "",
            "type": v["type"] or "individual",
            "phone": _text(v["phone"]),
            "email": _text(v["email"]),
            "address": _text(v["address"]),
            "postcode": _text(v["postcode"]),
            "birth_year": int(birth) if birth.isdigit() else (birth or None),
        }
    consent: dict[str, Any] = {"personal_info": consented, "notice_version": notice.version}
    if consented:
        consent["items"] = list(notice.item_codes)
        if v["consent_at"]:
            consent["at"] = v["consent_at"]
    data = {
        "kind": v["kind"] or None,
        "title": v["title"] or "",
        "body": v["body"] or "",
        "agency": v["agency"] or "",
        "region": v["region"] or "",
        "channel": v["channel"] or None,
        "petitioner": petitioner,
        "consent": consent,
        "disclosure": v["disclosure"] or None,
        "notify_by": v["notify_by"] or None,
        "outcome": v["outcome"] or None,
    }
    if v["outcome"] == "referred":
        data["referred_to"] = _text(v["referred_to"])
    guidance = {key: _text(v[key]) for key in ("documents", "documents_missing", "procedure",
                                               "site_check") if _text(v[key])}
    if guidance:
        data["guidance"] = guidance
    if v["kind"] == "report":
        if petitioner is not None and v["identity_disclosure"]:
            petitioner["identity_disclosure"] = v["identity_disclosure"]
        if v["oral"]:
            oral: dict[str, Any] = {"read_back": bool(v["read_back"])}
            if v["read_back"] and v["read_back_at"]:
                oral["at"] = v["read_back_at"]
            data["oral_report"] = oral
    return data


PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def decoded_signature(text: Any) -> bytes | None:
    """A draft's base64 signature as PNG bytes; None for none, or for anything that is not
    a PNG (the pad then shows none, and none is saved: what is saved is what is shown)."""
    try:
        png = base64.b64decode(text or "", validate=True)
    except (binascii.Error, ValueError, TypeError):
        return None
    return png if png.startswith(PNG_MAGIC) else None


def signature_png(values: dict[str, Any]) -> bytes | None:
    """The signature to save with the complaint: None when none was drawn, or when the
    complaint is anonymous (a signature would name the petitioner)."""
    v = normalised(values)
    return None if v["anonymous"] else decoded_signature(v["signature"])


def _neutral(path: str, *, untouched: bool = False) -> tuple[str, Any] | None:
    """A harmless stand-in for a field with an error, so the next check can run."""
    text = {"title": "-", "body": "-", "agency": "-", "region": "-", "petitioner.name": "-",
            "referred_to": "-"}
    choice = {"kind": "other", "channel": "walk_in", "disclosure": "private",
              "notify_by": None, "outcome": "filed", "petitioner.type": "individual"}
    # A valid stand-in for contact details, so notify_by does not also complain about a
    # phone number that is merely mistyped.
    contact = {"petitioner.phone": "010-2345-6789", "petitioner.email": "x@example.org",
               "petitioner.address": "-"}
    optional = ("petitioner.postcode", "petitioner.birth_year")
    if path in contact and not untouched:
        return path, contact[path]
    if path in text:
        return path, text[path]
    if path in choice:
        return path, choice[path]
    if path in optional or path in contact:
        return path, None
    if path in ("consent.at", "guidance.documents_missing", "oral_report.at"):
        return path, None
    if path in ("guidance.procedure", "guidance.site_check"):
        return path, None
    if path == "oral_report.read_back":
        return path, True
    if path == "petitioner.identity_disclosure":
        return path, None
    return None


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = data
    for key in parents:
        node = node[key]
    if value is None and path in ("consent.at", "guidance.documents_missing",
                                  "guidance.procedure", "guidance.site_check",
                                  "oral_report.at", "petitioner.identity_disclosure"):
        node.pop(last, None)
    else:
        node[last] = value


@dataclass(frozen=True)
class Problems:
    errors: dict[str, ValidationError]  # form field → the domain's error
    warnings: tuple[IntakeWarning, ...]
    rrn_fields: tuple[str, ...]  # form fields holding something shaped like an RRN

    @property
    def ok(self) -> bool:
        return not self.errors


def problems(values: dict[str, Any], *, now: datetime,
             untouched: frozenset[str] | set[str] = frozenset()) -> Problems:
    """Every error the domain finds in the form, by form field, and its warnings.

    ``parse_complaint`` stops at the first error; each error's field gets a neutral value
    and the check runs again, so errors further down the form show too. Fields in
    ``untouched`` (not yet reached in the conversation) are given a neutral value from
    the start, so an empty title does not complain while the petitioner is still speaking.
    """
    data = to_intake(values)
    v = normalised(values)
    rrn = tuple(f for f in RRN_FIELDS if isinstance(v.get(f), str) and contains_rrn(v[f]))
    for field in untouched:
        for path, form_field in FIELD_OF_PATH.items():
            if form_field == field and not v.get(field):
                if path.startswith("petitioner.") and data["petitioner"] is None:
                    continue
                if path.split(".")[-1] not in (data.get("petitioner") or {}) \
                        and path not in data:
                    continue  # not asked for (referred_to unless the outcome is referred)
                stand_in = _neutral(path, untouched=True)
                if stand_in is not None:
                    _set(data, *stand_in)
    errors: dict[str, ValidationError] = {}
    replaced: set[str] = set()
    for _ in range(len(FIELD_OF_PATH) + 2):
        try:
            _, warnings = parse_complaint(data, now=now)
        except ValidationError as exc:
            errors.setdefault(FIELD_OF_PATH.get(exc.field, ""), exc)
            stand_in = _neutral(exc.field)
            if exc.code == "conflict" and exc.field == "referred_to":
                stand_in = ("referred_to", None)
            if stand_in is None or exc.field in replaced:
                break  # nothing more can be learnt
            replaced.add(exc.field)
            _set(data, *stand_in)
            continue
        return Problems(errors=errors, warnings=tuple(warnings), rrn_fields=rrn)
    return Problems(errors=errors, warnings=(), rrn_fields=rrn)
