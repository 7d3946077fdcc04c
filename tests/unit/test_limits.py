"""The time limit (skillgap.limits.Deadline): it reaches the code it guards, never a
place where the exception would be swallowed."""

from __future__ import annotations

import gc
import sys
from types import FrameType

from skillgap.limits import _swallowing


def test_an_alarm_inside_a_gc_callback_or_del_waits_for_its_next_round() -> None:
    """An exception raised in a garbage-collector callback or a ``__del__`` is swallowed
    ("exception ignored in ..."); there the alarm must not raise."""
    seen: list[FrameType] = []

    def callback(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and not seen:
            seen.append(sys._getframe())

    class Finalised:
        def __del__(self) -> None:
            seen.append(sys._getframe())

    gc.callbacks.append(callback)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(callback)
    Finalised()  # dropped at once: its __del__ runs here
    inside_callback, inside_del = seen[0], seen[1]
    assert not _swallowing(sys._getframe())
    assert not _swallowing(inside_callback)  # once removed, it is an ordinary function
    gc.callbacks.append(callback)
    try:
        assert _swallowing(inside_callback)
    finally:
        gc.callbacks.remove(callback)
    assert _swallowing(inside_del)
