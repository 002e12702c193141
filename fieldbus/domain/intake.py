"""From an intake JSON object to a validated draft, or one clear error naming the field.

The shape is checked against the published JSON Schema (``resources/schemas``), then
each value is cleaned: text NFC-normalised and free of control characters, phone numbers
parsed, resident registration numbers masked (and the caller told), the consented items
(phone, e-mail, postcode, birth year) dropped when the citizen did not consent to keeping
them — name and address are kept on the basis of 민원처리법, not of consent
(``resources/rules/consent.json``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sync.deadlines import KST
from fieldbus.domain.errors import ValidationError
from fieldbus.domain.phones import is_mobile, normalize_phone
from fieldbus.domain.records import (
    AppealFacts,
    ComplaintDraft,
    Consent,
    CounselDraft,
    Guidance,
    IntakeWarning,
    OralReport,
    Petitioner,
)
from fieldbus.domain.rrn import mask_rrns
from fieldbus.domain.text import clean_text
from sync.resources import resource_path

#: Clocks on laptops drift; a paper form entered a minute "early" is not from the future.
CLOCK_SKEW = timedelta(minutes=5)
EARLIEST = datetime(2000, 1, 1, tzinfo=KST)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


@cache
def _validator(name: str) -> Callable[[Any], Any]:
    import fastjsonschema

    with resource_path("schemas", f"{name}.schema.json").open(encoding="utf-8") as handle:
        return fastjsonschema.compile(json.load(handle))


def _nfc(value: Any, depth: int = 0) -> Any:
    """``value`` with its strings NFC-normalised, so schema lengths count what clean_text counts."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if depth < 3 and isinstance(value, dict):
        return {key: _nfc(item, depth + 1) for key, item in value.items()}
    if depth < 3 and isinstance(value, list):
        return [_nfc(item, depth + 1) for item in value]
    return value


def _check_shape(schema: str, data: Any) -> None:
    import fastjsonschema

    try:
        _validator(schema)(data)
    except fastjsonschema.JsonSchemaValueException as exc:
        raise _schema_error(exc) from None


def _schema_error(exc: Any) -> ValidationError:
    path = [str(p) for p in exc.path[1:]]
    where = ".".join(path)
    node = exc.value
    if exc.rule == "required" and isinstance(node, dict):
        missing = [key for key in exc.rule_definition if key not in node]
        field = ".".join([*path, missing[0]]) if missing else where
        return ValidationError(field, "is required", code="required")
    if exc.rule == "additionalProperties" and isinstance(node, dict):
        known = set((exc.definition or {}).get("properties", {}))
        extra = sorted(key for key in node if key not in known)
        field = ".".join([*path, extra[0]]) if extra else where
        return ValidationError(field, "is not a known field", code="unknown_field")
    if exc.rule == "type" and not path:
        return ValidationError("", "an intake must be a JSON object", code="type")
    message = exc.message
    prefix = exc.name + " "
    if message.startswith(prefix):
        message = message[len(prefix):]
    return ValidationError(where, message, code=exc.rule or "invalid")


class _Cleaner:
    """Collects warnings while cleaning the fields of one record."""

    def __init__(self) -> None:
        self.warnings: list[IntakeWarning] = []

    def text(self, value: Any, field: str, max_len: int, *, multiline: bool = False,
             required: bool = True) -> str | None:
        cleaned = clean_text(value, field=field, max_len=max_len, multiline=multiline,
                             required=required)
        if cleaned is None:
            return None
        masked, count = mask_rrns(cleaned)
        if count:
            self.warnings.append(IntakeWarning(
                field, "rrn_masked",
                f"{count} resident registration number(s) masked: they must not be stored"))
        return masked

    def required_text(self, value: Any, field: str, max_len: int, *,
                      multiline: bool = False) -> str:
        result = self.text(value, field, max_len, multiline=multiline)
        assert result is not None  # clean_text raises for a missing required value
        return result


def parse_datetime(value: Any, *, field: str, now: datetime) -> datetime:
    """ISO 8601 with or without offset (without: KST); never in the future."""
    if not isinstance(value, str):
        raise ValidationError(field, "must be an ISO 8601 date and time", code="type")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(field, "is not an ISO 8601 date and time", code="datetime") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=KST)
    if moment > now + CLOCK_SKEW:
        raise ValidationError(field, "is in the future", code="future")
    if moment < EARLIEST:
        raise ValidationError(field, "is before 2000", code="too_old")
    return moment.astimezone(KST)


def parse_date(value: Any, *, field: str, today: date | None = None) -> date:
    if not isinstance(value, str):
        raise ValidationError(field, "must be a date YYYY-MM-DD", code="type")
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise ValidationError(field, "is not a valid date YYYY-MM-DD", code="date") from None
    if today is not None and day > today:
        raise ValidationError(field, "is in the future", code="future")
    return day


def _person(raw: dict[str, Any], where: str, clean: _Cleaner, *, keep_contact: bool,
            now: datetime) -> Petitioner:
    name = clean.required_text(raw.get("name"), f"{where}.name", 50)
    phone = raw.get("phone")
    email = clean.text(raw.get("email"), f"{where}.email", 254, required=False)
    address = clean.text(raw.get("address"), f"{where}.address", 300, required=False)
    if phone not in (None, ""):
        phone = normalize_phone(phone, field=f"{where}.phone")
    else:
        phone = None
    if email is not None and not _EMAIL.match(email):
        raise ValidationError(f"{where}.email", "is not an e-mail address", code="email")
    birth_year = raw.get("birth_year")
    if birth_year is not None:
        birth_year = int(birth_year)  # the schema let 1951.0 through as an integer
    if birth_year is not None and birth_year > now.year:
        raise ValidationError(f"{where}.birth_year", "is in the future", code="future")
    person = Petitioner(
        name=name, type=raw.get("type") or "individual", phone=phone, email=email,
        address=address, postcode=raw.get("postcode") or None, birth_year=birth_year,
        identity_disclosure=raw.get("identity_disclosure"),
    )
    if not keep_contact and person.has_consented_items:
        # Name and address are processed on the basis of 민원처리법 (개인정보 보호법
        # 제15조①2·3), not of consent: only the consented items go.
        clean.warnings.append(IntakeWarning(
            where, "contact_dropped",
            "phone, e-mail, postcode and birth year were not kept: the citizen did not "
            "consent to them (name and address are kept on the basis of 민원처리법)"))
        person = Petitioner(name=person.name, type=person.type, address=person.address,
                            identity_disclosure=person.identity_disclosure)
    return person


def _guidance(raw: Any, clean: _Cleaner) -> Guidance:
    """시행령 제6조④: what the citizen was told; left-out fields print the kind's default."""
    if not raw:
        return Guidance()
    documents = raw.get("documents")
    missing = clean.text(raw.get("documents_missing"), "guidance.documents_missing", 500,
                         multiline=True, required=False)
    if documents == "incomplete" and missing is None:
        raise ValidationError("guidance.documents_missing",
                              "is required when the documents are incomplete", code="required")
    if missing is not None and documents != "incomplete":
        raise ValidationError("guidance.documents_missing",
                              "is only for documents 'incomplete'", code="conflict")
    return Guidance(
        documents=documents, documents_missing=missing,
        procedure=clean.text(raw.get("procedure"), "guidance.procedure", 1000,
                             multiline=True, required=False),
        site_check=clean.text(raw.get("site_check"), "guidance.site_check", 500,
                              multiline=True, required=False),
    )


def _oral_report(raw: Any, kind: str, *, now: datetime) -> OralReport | None:
    """공익신고자 보호법 제8조③: an oral report is read back before the reporter signs."""
    if raw is None:
        return None
    if kind != "report":
        raise ValidationError("oral_report", "is only for a report (kind 'report')",
                              code="conflict")
    if raw.get("read_back") is not True:
        raise ValidationError("oral_report.read_back",
                              "an oral report must be read back to the reporter before "
                              "signing (공익신고자 보호법 제8조③)", code="read_back_required")
    at = (parse_datetime(raw["at"], field="oral_report.at", now=now)
          if raw.get("at") else None)
    return OralReport(read_back=True, at=at)


def parse_complaint(data: Any, *, now: datetime) -> tuple[ComplaintDraft, list[IntakeWarning]]:
    """Validate one intake object (see ``resources/schemas/complaint-intake.schema.json``).

    Attachments come back as paths in ``data["attachments"]``; reading them is I/O and
    belongs to the caller (:mod:`fieldbus.services.intake.attachment_files`).
    """
    data = _nfc(data)
    _check_shape("complaint-intake", data)
    clean = _Cleaner()
    consent_raw = data["consent"]
    received_at = None
    if data.get("received_at") is not None:
        received_at = parse_datetime(data["received_at"], field="received_at", now=now)
    consent = Consent(
        personal_info=consent_raw["personal_info"],
        notice_version=clean.required_text(consent_raw["notice_version"], "consent.notice_version", 20),
        items=tuple(clean.required_text(item, f"consent.items.{i}", 40)
                    for i, item in enumerate(consent_raw.get("items") or ())),
        at=(parse_datetime(consent_raw["at"], field="consent.at", now=now)
            if consent_raw.get("at") else None),
    )
    petitioner = None
    if data["petitioner"] is not None:
        petitioner = _person(data["petitioner"], "petitioner", clean,
                             keep_contact=consent.personal_info, now=now)
    kind = data["kind"]
    outcome = data["outcome"]
    referred_to = clean.text(data.get("referred_to"), "referred_to", 100, required=False)
    if outcome == "referred" and referred_to is None:
        raise ValidationError("referred_to", "is required when the outcome is 'referred'",
                              code="required")
    if outcome != "referred" and referred_to is not None:
        raise ValidationError("referred_to", "is only for the outcome 'referred'", code="conflict")
    if petitioner is not None and petitioner.identity_disclosure is not None \
            and kind != "report":
        raise ValidationError("petitioner.identity_disclosure",
                              "is only for a report (kind 'report')", code="conflict")
    if kind == "report" and data["disclosure"] == "public":
        raise ValidationError("disclosure", "a public-interest report is never public: the "
                              "reporter's identity is sealed", code="conflict")
    notify_by = data["notify_by"]
    _check_notify(notify_by, petitioner)
    draft = ComplaintDraft(
        kind=kind,
        title=clean.required_text(data["title"], "title", 200),
        body=clean.required_text(data["body"], "body", 20000, multiline=True),
        agency=clean.required_text(data["agency"], "agency", 100),
        region=clean.required_text(data["region"], "region", 100),
        channel=data["channel"],
        petitioner=petitioner,
        consent=consent,
        disclosure=data["disclosure"],
        notify_by=notify_by,
        outcome=outcome,
        referred_to=referred_to,
        received_at=received_at,
        guidance=_guidance(data.get("guidance"), clean),
        oral_report=_oral_report(data.get("oral_report"), kind, now=now),
    )
    return draft, clean.warnings


def _check_notify(notify_by: str | None, petitioner: Petitioner | None) -> None:
    """The citizen must be reachable the way they asked to be told."""
    if notify_by is None:
        return
    needs = {"sms": "a mobile phone number", "email": "an e-mail address", "post": "an address"}
    has = {
        "sms": petitioner is not None and petitioner.phone is not None and is_mobile(petitioner.phone),
        "email": petitioner is not None and petitioner.email is not None,
        "post": petitioner is not None and petitioner.address is not None,
    }
    if not has[notify_by]:
        raise ValidationError("notify_by", f"{notify_by} needs {needs[notify_by]} kept with "
                              "the citizen's consent", code="unreachable")


def parse_counsel(data: Any, *, now: datetime) -> tuple[CounselDraft, list[IntakeWarning]]:
    """Validate one counsel session (``resources/schemas/counsel-intake.schema.json``)."""
    data = _nfc(data)
    _check_shape("counsel-intake", data)
    clean = _Cleaner()
    today = now.astimezone(KST).date()
    disposition = data["disposition"]
    disposed_on = parse_date(disposition["disposed_on"], field="disposition.disposed_on", today=today)
    learned_on = None
    if disposition.get("learned_on"):
        learned_on = parse_date(disposition["learned_on"], field="disposition.learned_on", today=today)
        if learned_on < disposed_on:
            raise ValidationError("disposition.learned_on", "is before the disposition date",
                                  code="conflict")
    appeal = _appeal_facts(disposition, disposed_on=disposed_on, learned_on=learned_on,
                           today=today)
    draft = CounselDraft(
        appellant=_person(data["appellant"], "appellant", clean, keep_contact=True, now=now),
        disposition_agency=clean.required_text(disposition["agency"], "disposition.agency", 100),
        disposition_title=clean.required_text(disposition["title"], "disposition.title", 200),
        disposed_on=disposed_on,
        learned_on=learned_on,
        eligibility_basis=data["eligibility"]["basis"],
        eligibility_checked_by=data["eligibility"]["checked_by"],
        counsel_name=clean.required_text(data["counsel"]["name"], "counsel.name", 50),
        counsel_qualification=data["counsel"]["qualification"],
        notes=clean.text(data.get("notes"), "notes", 20000, multiline=True, required=False),
        next_step=clean.text(data.get("next_step"), "next_step", 1000, multiline=True,
                             required=False),
        outcome=data["outcome"],
        appeal=appeal,
        shared_info_consent=data["eligibility"].get("shared_info_consent"),
    )
    return draft, clean.warnings


def _appeal_facts(disposition: dict, *, disposed_on: date, learned_on: date | None,
                  today: date) -> AppealFacts:
    """The optional 행정심판법 제27조②⑤⑥⑦ answers; the deadline itself is counted (and
    these checked against each other) by :func:`fieldbus.domain.appeal.appeal_deadline`."""
    from fieldbus.domain.appeal import appeal_deadline

    ended = disposition.get("force_majeure_ended_on")
    facts = AppealFacts(
        kind=disposition.get("appeal_kind"), notice=disposition.get("period_notice"),
        announced_days=disposition.get("announced_days"),
        force_majeure_ended_on=parse_date(ended, field="disposition.force_majeure_ended_on",
                                          today=today) if ended else None,
        abroad=bool(disposition.get("abroad")))
    if facts.notice != "told_longer" and facts.announced_days is not None:
        raise ValidationError("disposition.announced_days",
                              "only with period_notice told_longer", code="conflict")
    appeal_deadline(disposed_on=disposed_on, learned_on=learned_on, facts=facts)
    return facts
