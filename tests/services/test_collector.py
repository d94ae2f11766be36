"""The collector setting of a batch process: what was loaded is frozen, once."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from triage.services import collector


@pytest.fixture
def fresh_process_state() -> Iterator[None]:
    thresholds = gc.get_threshold()
    settled = collector._settled
    collector._settled = False
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    collector._settled = settled


def test_what_is_loaded_is_frozen_and_young_collections_are_rarer(
    fresh_process_state: None,
) -> None:
    gc.unfreeze()
    loaded = [{"model": i} for i in range(1000)]  # stands for the models: tracked containers
    collector.settle_long_lived()
    assert gc.get_freeze_count() >= len(loaded)
    assert not any(obj is loaded for obj in gc.get_objects())  # out of every pass
    assert gc.get_threshold()[0] == collector.YOUNG_THRESHOLD


def test_a_second_call_freezes_nothing_more(fresh_process_state: None) -> None:
    gc.unfreeze()
    collector.settle_long_lived()
    frozen = gc.get_freeze_count()
    batch = [{"message": i} for i in range(1000)]  # batch data alive at a later call
    collector.settle_long_lived()
    assert gc.get_freeze_count() == frozen
    assert any(obj is batch for obj in gc.get_objects())  # still collectable
