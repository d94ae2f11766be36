"""Reason codes for items that cannot become a Message. Codes, never content, travel onwards."""

from __future__ import annotations


class QuarantineError(Exception):
    """Raised by parsers; the batch records the item as quarantined and goes on."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.detail = detail


TOO_LARGE = "too_large"
TOO_DEEP = "mime_too_deep"
TOO_MANY_HEADERS = "too_many_headers"
TOO_MANY_PARTS = "too_many_parts"
EMPTY = "empty"
NOT_EMAIL = "not_an_email"
PARSE_ERROR = "parse_error"
FORM_INVALID = "form_invalid"
UNREADABLE = "unreadable"
TOO_SLOW = "too_slow"  # over the per-message CPU budget
