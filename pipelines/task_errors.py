"""Task failures that Prefect may record: the step, the exception's class and ids, no text.

Prefect writes a failed task's exception (its message and the messages of the exceptions it
was raised from) to its database and its logs. A library that fails on a message often
quotes it: a codec quotes the bytes it could not decode, a tokenizer the token, a database
driver the SQL parameters. ``scrubbed`` sits between a task and Prefect and turns any
foreign exception into ``StepFailed`` naming only the step, the exception class and the ids
the task was given. triage's own exceptions already carry codes and ids; they pass with
their chain cut, since what they were raised from may quote the message.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
OWN_MODULES = ("triage.", "pipelines.")


class StepFailed(RuntimeError):
    """A task failed; see the application's own log for the ids involved."""


def _ids_in(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    for value in (*args, *kwargs.values()):
        if isinstance(value, list) and value and all(isinstance(v, int) for v in value):
            return f" ({len(value)} ids, {min(value)}..{max(value)})"
    return ""


def scrubbed(fn: F) -> F:
    """Wrap a task function so that its failure carries no message content."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            if type(exc).__module__.startswith(OWN_MODULES):
                exc.__cause__ = exc.__context__ = None
                exc.__suppress_context__ = True
                raise exc.with_traceback(None) from None
            failure = f"{fn.__name__} failed: {exc.__class__.__name__}{_ids_in(args, kwargs)}"
        raise StepFailed(failure)  # outside the except block: nothing chained to it

    return wrapper  # type: ignore[return-value]
