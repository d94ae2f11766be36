"""Texts as UTF-8 bytes for the Aho-Corasick automata (seed terms, imminence cues, CJK place
names), and the characters around a match.

pyahocorasick takes ``str``: the bytes are given as a latin-1 string, code points under 256.
With at most 256 distinct symbols the automaton's states look up their next state about twice
as fast as over characters, and UTF-8 cannot match a term's bytes anywhere but at a character
boundary, so the matches are the same. A match's neighbours are then read back as characters.
"""

from __future__ import annotations


def as_bytes(text: str) -> str:
    """The UTF-8 bytes of ``text`` as a string of code points under 256 (what the automata
    scan); lone surrogates too."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def as_text(scanned: str) -> str:
    """Back from ``as_bytes``, for a slice that starts and ends at character boundaries."""
    return scanned.encode("latin-1").decode("utf-8", "surrogatepass")


def char_before(scanned: str, start: int) -> str:
    """The character that ends just before byte ``start`` (> 0) of an ``as_bytes`` string."""
    last = scanned[start - 1]
    if last < "\x80":
        return last
    lead = start - 1
    while lead > 0 and "\x80" <= scanned[lead] < "\xc0":  # continuation bytes
        lead -= 1
    return as_text(scanned[lead:start])


def char_after(scanned: str, end: int) -> str:
    """The character that starts just after byte ``end`` (the inclusive end of a match), or
    "" at the end of the text."""
    start = end + 1
    if start >= len(scanned):
        return ""
    lead = scanned[start]
    if lead < "\x80":
        return lead
    size = 2 if lead < "\xe0" else 3 if lead < "\xf0" else 4
    return scanned[start : start + size].encode("latin-1").decode("utf-8", "replace")
