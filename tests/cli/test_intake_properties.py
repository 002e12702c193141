"""Property tests for ``parse_complaint``, the validation behind ``complaint add``.

Whatever JSON arrives, the parser either returns a draft or raises ``ValidationError`` —
never another exception, which the command line would turn into an "internal error" —
and whatever it accepts is clean: NFC, no control characters, within the limits.
"""

from __future__ import annotations

import copy
import json
import unicodedata
from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.intake import parse_complaint
from tests.cli.conftest import COMPLAINT_SAMPLES, sample

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=timezone(timedelta(hours=9)))
SAMPLES = [sample(name) for name in COMPLAINT_SAMPLES]
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Every place a value can go, the known fields and a few unknown ones.
PATHS = [
    ("kind",), ("title",), ("body",), ("agency",), ("region",), ("channel",), ("petitioner",),
    ("consent",), ("disclosure",), ("notify_by",), ("outcome",), ("referred_to",),
    ("received_at",), ("attachments",), ("extra",),
    ("petitioner", "name"), ("petitioner", "type"), ("petitioner", "phone"),
    ("petitioner", "email"), ("petitioner", "address"), ("petitioner", "postcode"),
    ("petitioner", "birth_year"), ("petitioner", "extra"),
    ("consent", "personal_info"), ("consent", "notice_version"), ("consent", "items"),
    ("consent", "at"), ("consent", "extra"),
]

texts = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(min_codepoint=0x1100, max_codepoint=0x11FF)),  # jamo
    st.text(alphabet=st.sampled_from("가나다 \n\t\r\x00\x1b\x85\u2028\u202e\u3000\ufeff")),
)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    texts,
    st.sampled_from(["inquiry", "referred", "sms", "email", "post", "walk_in", "public",
                     "010-2345-6789", "054-123-4567", "a@b.kr", "39140", "2026-11-26",
                     "2026-11-26T10:00:00+09:00", "9999-12-31T23:59:59-12:00",
                     "0001-01-01T00:00:00+14:00", "2026-11-26T10:00:00.123456789Z",
                     "900101-1234567", ""]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)
edits = st.lists(
    st.tuples(st.sampled_from(PATHS), st.one_of(json_values, st.just(KeyError))),
    max_size=4,
)


def _apply(intake: dict, path: tuple[str, ...], value) -> None:
    node = intake
    for key in path[:-1]:
        if not isinstance(node.get(key), dict):
            return
        node = node[key]
    if value is KeyError:
        node.pop(path[-1], None)
    else:
        node[path[-1]] = value


def _check_accepted(draft) -> None:
    assert unicodedata.is_normalized("NFC", draft.title)
    assert draft.title == draft.title.strip() and draft.title
    assert len(draft.title) <= 200
    assert not any(unicodedata.category(c) == "Cc" for c in draft.title)  # not even \n, \t
    assert not BIDI & set(draft.title)
    assert unicodedata.is_normalized("NFC", draft.body)
    assert draft.body and len(draft.body) <= 20000
    assert all(c in "\n\t" or unicodedata.category(c) != "Cc" for c in draft.body)
    assert not BIDI & set(draft.body)
    for text in (draft.agency, draft.region, draft.consent.notice_version,
                 *draft.consent.items,
                 *(() if draft.petitioner is None else
                   (draft.petitioner.name, draft.petitioner.address or "",
                    draft.petitioner.email or ""))):
        assert unicodedata.is_normalized("NFC", text)
        assert not any(unicodedata.category(c) == "Cc" for c in text), text
    if draft.received_at is not None:
        assert draft.received_at <= NOW + timedelta(minutes=5)
        assert draft.received_at.utcoffset() is not None
    # What was accepted can be stored and sent: it encodes as UTF-8 JSON.
    json.dumps([draft.title, draft.body], ensure_ascii=False).encode("utf-8")


def _parse(intake):
    try:
        draft, warnings = parse_complaint(intake, now=NOW)
    except ValidationError as exc:
        assert isinstance(exc.field, str)
        assert str(exc).strip() and "\n" not in str(exc)
        return None
    _check_accepted(draft)
    return draft


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.sampled_from(SAMPLES), title=texts, body=texts)
def test_any_title_and_body_give_a_clean_draft_or_a_validation_error(base, title, body):
    intake = copy.deepcopy(base)
    intake["title"], intake["body"] = title, body
    draft = _parse(intake)
    if draft is not None:
        assert draft.title == unicodedata.normalize("NFC", "\n".join(title.splitlines())).strip()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.sampled_from(SAMPLES), title=texts, body=texts, changes=edits)
def test_arbitrary_json_in_random_fields_never_crashes(base, title, body, changes):
    intake = copy.deepcopy(base)
    intake["title"], intake["body"] = title, body
    for path, value in changes:
        _apply(intake, path, value)
    _parse(intake)


@settings(max_examples=100, deadline=None)
@given(value=json_values)
def test_any_json_document_never_crashes(value):
    _parse(value)


@settings(max_examples=200, deadline=None)
@given(title=st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
                     min_size=1, max_size=200))
def test_any_hangul_title_within_the_limit_is_kept_whether_composed_or_not(title):
    for form in ("NFC", "NFD"):
        intake = copy.deepcopy(SAMPLES[0])
        intake["title"] = unicodedata.normalize(form, title)
        draft = _parse(intake)
        assert draft is not None and draft.title == title


def test_the_samples_are_accepted():
    for intake in SAMPLES:
        assert _parse(copy.deepcopy(intake)) is not None
