"""Training stores (``fieldbus --training``): a separate store of made-up cases for new staff.

Why a separate store rather than a flag on cases: a trainee must be free to type anything
without a single invented case ever reaching the centre, and the real store must never
hold one. So a training store is its own folder, found by :func:`training_dir` only (the
CLI and the app both call it), its own key, and its own device code:

- **Folder**: ``<data dir>-training`` beside the real one (``~/.local/share/fieldbus`` →
  ``~/.local/share/fieldbus-training``), so a glance at the path tells them apart.
- **Marked in the store**: ``meta.training = '1'``, written when the store is created and
  read at every open (:attr:`Store.training`); a folder renamed or passed with
  ``--data-dir`` is still known for what it is, and :func:`open_training` refuses a real
  store in the training place.
- **Device code** :data:`TRAINING_DEVICE` (``EDU``): receipt numbers read
  ``EDU-261126-0001-X``. Every code starting with ``EDU`` is reserved for training: a
  real store refuses one at setup and a training store any other
  (:func:`fieldbus.domain.receipt_numbers.check_device`: a rule of device codes, which
  the store applies without knowing this module), and the hub refuses to enrol one, so
  a training receipt can never look like a real case's.
- **Never enrolled, never synced**: sync code calls :func:`refuse_sync` first.
- **Made-up cases**: :func:`create_training` fills a new training store from
  ``resources/training/cases.json`` through the same parsing and store functions as a
  real intake, so every seeded case is one the app could have taken. Reviews a synced
  case would get from the hub are recorded locally (``store.reviews``), so trainees see a
  case returned with a supervisor's note.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from fieldbus.domain.errors import PermissionDenied
from fieldbus.domain.receipt_numbers import TRAINING_DEVICE
from fieldbus.domain.records import Officer
from sync.resources import resource_path
from fieldbus.store.errors import StoreError
from fieldbus.store.store import Store

TRAINING_SUFFIX = "-training"


class TrainingStore(PermissionDenied):
    """Something a training store must never do (enrol, sync) was asked of one."""

    code = "training_store"


class NotATrainingStore(StoreError):
    """The training folder holds a store that was not made for training: left untouched."""

    code = "not_training_store"


def training_dir(data_dir: Path) -> Path:
    """Where the training store for the real store in ``data_dir`` lives: its sibling
    ``<name>-training``. The one place this is decided (CLI and app both call it)."""
    data_dir = Path(data_dir)
    return data_dir.with_name(data_dir.name + TRAINING_SUFFIX)


def refuse_sync(store: Store) -> None:
    """Raise :class:`TrainingStore` (code ``training_store``) when ``store`` is a training store.

    For the sync engine: call it first in ``fieldbus enrol``, ``fieldbus sync``, the
    app's automatic sync and anything else that would send data to the hub or register
    the laptop with it — before any network call. On a real store it returns None. The
    CLI maps the error to exit 4 (not allowed), like other :class:`PermissionDenied`.
    """
    if store.training:
        raise TrainingStore("this is a training store (교육용): its made-up cases are never "
                            "enrolled or synced")


def open_training(data_dir: Path, *, officer: str | None, pin: str, **options: Any) -> Store:
    """The training store in ``data_dir`` (from :func:`training_dir`), signed in as
    ``officer``; a store there that was not made for training is refused and closed."""
    store = Store.open(data_dir, officer=officer, pin=pin, **options)
    if not store.training:
        store.close()
        raise NotATrainingStore(f"{data_dir} holds a store that is not a training store; it "
                                "was left untouched")
    return store


def create_training(data_dir: Path, *, officer: str, pin: str, role: str = "officer",
                    **options: Any) -> Store:
    """A new training store in ``data_dir`` for ``officer``, filled with made-up cases."""
    store = Store.create(data_dir, device=TRAINING_DEVICE, officer=officer, pin=pin, role=role,
                         training=True, **options)
    try:
        seed(store, store.officer)
    except BaseException:
        store.close()
        raise
    return store


def seed_data() -> dict[str, Any]:
    return json.loads(resource_path("training", "cases.json").read_text(encoding="utf-8"))


def _counsel_intake(entry: dict[str, Any], today: date) -> dict[str, Any]:
    """The session's intake, its disposition dates set ``days_before_today``."""
    session = json.loads(json.dumps(entry["session"]))
    for key, days in entry["days_before_today"].items():
        session["disposition"][key] = None if days is None else \
            (today - timedelta(days=days)).isoformat()
    return session


def seed(store: Store, by: Officer) -> None:
    """Fill a new training store: a visit opened today, its complaints (every kind, several
    outcomes), a few of them reviewed (returned with a supervisor's note, approved) and
    counsel sessions, all through the real intake parsing and store calls."""
    from fieldbus.domain.intake import parse_complaint, parse_counsel
    from fieldbus.store import complaints, counsel, reviews, visits

    if not store.training:
        raise TrainingStore("made-up cases go into a training store only")
    data = seed_data()
    now = store.clock()
    visit = data["visit"]
    visits.open_visit(store, by, venue=visit["venue"], region=visit["region"],
                      team=tuple(visit["team"]))
    saved = complaints.add_many(store, [parse_complaint(item, now=now)[0]
                                        for item in data["complaints"]], by)
    reviews.apply_many(store, [reviews.Review(saved[item["complaint"]].id, item["state"],
                                              item["note"], now)
                               for item in data["reviews"]], by=by)
    for entry in data["counsel"]:
        draft, _ = parse_counsel(_counsel_intake(entry, now.date()), now=now)
        counsel.add(store, draft, by)
