"""``triage classify``: the taxonomy's evaluation format in, one result line per input line out.

No database is touched. A malformed line gets an error line naming it (and a message on
stderr from the CLI); the other lines are classified all the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TextIO

from triage.core.types import ClassifyInput
from triage.ingest.text_parts import split_text
from triage.services.classifier_cache import get_classifier

BATCH = 500


@dataclass(frozen=True, slots=True)
class LineError:
    line: int
    id: str | None
    error: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "line": self.line, "error": self.error}


def parse_line(number: int, text: str) -> ClassifyInput | LineError:
    try:
        data = json.loads(text)
    except ValueError as exc:
        return LineError(number, None, f"line {number}: not valid JSON ({exc.msg})")
    if not isinstance(data, dict):
        return LineError(number, None, f"line {number}: expected a JSON object")
    item_id = data.get("id")
    if not isinstance(item_id, str | int) or isinstance(item_id, bool) or str(item_id) == "":
        return LineError(number, None, f"line {number}: missing or invalid 'id'")
    body = data.get("body")
    if not isinstance(body, str):
        return LineError(number, str(item_id), f"line {number}: missing or non-string 'body'")
    optional: dict[str, str | None] = {}
    for key in ("subject", "sender", "channel", "organisation", "country"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            return LineError(number, str(item_id), f"line {number}: '{key}' must be a string")
        optional[key] = value
    return to_input(str(item_id), body, optional)


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def to_input(item_id: str, body: str, fields: Mapping[str, Any]) -> ClassifyInput:
    """What the classifier reads of a record: the new text, with the signature apart."""
    parts = split_text(body)
    return ClassifyInput(
        id=item_id,
        subject=str(fields.get("subject") or ""),
        body=parts.new_text or body,
        sender=str(fields.get("sender") or ""),
        channel=_text_or_none(fields.get("channel")),
        organisation=_text_or_none(fields.get("organisation")),
        country=_text_or_none(fields.get("country")),
        signature=parts.signature,
    )


def classify_lines(lines: Iterable[str]) -> Iterator[dict[str, Any] | LineError]:
    """Yield one output per non-blank input line, in order."""
    classifier = get_classifier()
    batch: list[ClassifyInput | LineError] = []

    def flush() -> Iterator[dict[str, Any] | LineError]:
        items = [b for b in batch if isinstance(b, ClassifyInput)]
        results = iter(classifier.classify(items))
        for entry in batch:
            if isinstance(entry, LineError):
                yield entry
            else:
                yield next(results).as_contract(entry.id)

    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        batch.append(parse_line(number, text))
        if len(batch) >= BATCH:
            yield from flush()
            batch = []
    yield from flush()


def classify_stream(source: TextIO, sink: TextIO) -> tuple[int, list[LineError]]:
    written = 0
    errors: list[LineError] = []
    for result in classify_lines(source):
        if isinstance(result, LineError):
            errors.append(result)
            sink.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
        else:
            sink.write(json.dumps(result, ensure_ascii=False) + "\n")
        written += 1
    return written, errors
