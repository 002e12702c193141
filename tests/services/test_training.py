"""Training stores: their own folder and device code, made-up cases, never synced."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldbus.domain.errors import PermissionDenied, ValidationError
from fieldbus.domain.records import COMPLAINT_KINDS, OUTCOMES
from fieldbus.services.training import (
    TRAINING_DEVICE,
    NotATrainingStore,
    TrainingStore,
    create_training,
    open_training,
    refuse_sync,
    seed,
    seed_data,
    training_dir,
)
from fieldbus.store import complaints, counsel, visits
from fieldbus.store.store import Store
from tests.conftest import PIN


@pytest.fixture
def trainer(data_dir):
    """A training store beside ``data_dir``, as ``fieldbus --training setup`` makes it."""
    store = create_training(training_dir(data_dir), officer="김교육", pin=PIN)
    yield store
    store.close()


def test_the_training_folder_is_a_sibling_named_for_what_it_is(tmp_path):
    assert training_dir(tmp_path / "fieldbus") == tmp_path / "fieldbus-training"
    assert training_dir(Path("/data/store/")) == Path("/data/store-training")


def test_a_training_store_is_marked_in_the_store_and_numbered_edu(trainer, data_dir):
    assert trainer.training is True
    assert trainer.meta("training") == "1"
    assert trainer.device == TRAINING_DEVICE
    assert not data_dir.exists()  # the real store's folder is never made or touched
    trainer.close()
    with open_training(training_dir(data_dir), officer="김교육",
                       pin=PIN) as again:  # read back at open
        assert again.training is True
    with Store.open(training_dir(data_dir), officer="김교육",
                    pin=PIN) as plain:  # whichever way it is opened
        assert plain.training is True


def test_a_real_store_is_not_a_training_store(store):
    assert store.training is False
    assert store.meta("training") is None


def test_the_training_store_holds_made_up_cases_of_every_kind(trainer):
    found = complaints.recent(trainer)
    data = seed_data()
    assert len(found) == len(data["complaints"])
    assert {c.draft.kind for c in found} == set(COMPLAINT_KINDS)
    assert {c.draft.outcome for c in found} == set(OUTCOMES)
    assert all(c.receipt_no.startswith(f"{TRAINING_DEVICE}-") for c in found)
    assert all(c.visit is not None and "교육용" in c.visit.venue for c in found)
    assert visits.current(trainer) is not None
    people = [c.draft.petitioner for c in found if c.draft.petitioner is not None]
    assert people and all(p.phone.startswith("010-0000-") for p in people)
    assert {"김교육", "박연습"} <= {p.name for p in people}
    returned = [c for c in found if c.review_state == "has_issues"]
    assert len(returned) == 2 and all(c.review_note for c in returned)
    sessions = counsel.recent(trainer)
    assert len(sessions) == len(data["counsel"]) == 2
    assert all(s.number.startswith(f"{TRAINING_DEVICE}-") for s in sessions)


def test_refuse_sync_refuses_a_training_store_and_passes_a_real_one(trainer, store):
    with pytest.raises(TrainingStore) as refused:
        refuse_sync(trainer)
    assert refused.value.code == "training_store"
    assert isinstance(refused.value, PermissionDenied)
    assert refuse_sync(store) is None


def test_a_real_store_refuses_a_training_device_code(data_dir):
    with pytest.raises(ValidationError) as refused:
        Store.create(data_dir, device="EDU1", officer="홍길동", pin=PIN)
    assert (refused.value.field, refused.value.code) == ("device", "device_reserved")
    assert not Store.exists(data_dir)


def test_the_training_place_refuses_a_real_store(data_dir):
    Store.create(training_dir(data_dir), device="B07A", officer="홍길동", pin=PIN).close()
    with pytest.raises(NotATrainingStore):
        open_training(training_dir(data_dir), officer="홍길동", pin=PIN)


def test_made_up_cases_never_go_into_a_real_store(store):
    with pytest.raises(TrainingStore):
        seed(store, store.officer)
    assert complaints.recent(store) == []
