"""Who handles this team's cases: the 소속·성명·연락처 a receipt names (부패방지권익위법
시행령 제50조), set per team in the store's ``meta`` and changed only with an audit entry."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, replace

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.phones import normalize_phone
from fieldbus.domain.records import Officer
from fieldbus.domain.text import clean_text
from fieldbus.store import audit
from fieldbus.store.store import Store

KEY = "handler"
#: Special-service numbers (110 정부민원안내콜센터, 1398 부패·공익신고) are not in the numbering
#: plan libphonenumber knows, but are what a citizen should call.
_SERVICE_NUMBER = re.compile(r"1[0-9]{2,3}")


@dataclass(frozen=True)
class Handler:
    org: str
    name: str | None
    phone: str


#: Until a team sets its own: the ACRC's bus, reached through the government call centre.
DEFAULT = Handler(org="국민권익위원회 이동신문고", name=None, phone="110")


def get(store: Store) -> Handler:
    stored = store.meta(KEY)
    return Handler(**json.loads(stored)) if stored else DEFAULT


def _phone(raw: str) -> str:
    text = raw.strip()
    return text if _SERVICE_NUMBER.fullmatch(text) else normalize_phone(text, field="phone")


def set_handler(store: Store, by: Officer, *, org: str | None = None, name: str | None = None,
                phone: str | None = None) -> Handler:
    """Change the fields given (``name=""`` removes the name); audited with the field names."""
    changes: dict[str, str | None] = {}
    if org is not None:
        changes["org"] = clean_text(org, field="org", max_len=100)
    if name is not None:
        changes["name"] = clean_text(name, field="name", max_len=50, required=False) or None
    if phone is not None:
        changes["phone"] = _phone(phone)
    if not changes:
        raise ValidationError("", "name at least one of org, name, phone", code="required")
    with store.write():
        handler = replace(get(store), **changes)
        store.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO "
                         "UPDATE SET value = excluded.value",
                         (KEY, json.dumps(asdict(handler), ensure_ascii=False)))
        audit.append(store.db, at=store.clock(), officer_id=by.id, action="handler_set",
                     details={"fields": sorted(changes)})
    return handler
