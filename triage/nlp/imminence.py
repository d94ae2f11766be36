"""Imminence cues: does a message say the harm is happening now, or is it past or general?

The critical head's word features see "detained", "hacked", "shutdown" but not when: a detention
this morning and a report on last year's detentions share the harm words. Three classes of
terms (``triage/data/imminence.yaml``, every taxonomy language) say when:

- ``now``: the time is now or very recent (today, tonight, yesterday, hours ago, still);
- ``urge``: act at once (immediately, as soon as possible, help);
- ``distant``: the harm is past or general (last year, years ago, a report, a study, a policy).

The number of distinct terms of each class (as ``log1p``) goes into the critical head's meta
model beside the linear score and the seed-term hits (``label_heads``). The gain is small (see
``text_model.META_EXTRA``): precision at recall 0.90 rose by about 0.03 on the held-out
messages, at recall 0.95 not at all. Tried and left out, for adding nothing beyond these counts
on the held-out split: a harm term within 80 characters of a time word, the words around each
harm term as features, each time word as its own feature, and years (19xx/20xx) counted.
Also left out (labels 2026.12.6's data, the critical head alone, on the same 1,182 held-out
messages, where the best precision at recall 0.95 is 0.67 and its bootstrap deviation 0.06;
paired with the base model, a difference varies by about 0.015-0.035): each class counted in
the sentences that hold a critical seed term apart from the rest (0.66-0.67), a fourth class of calm
words ("no rush", "is safe now", "released", "not yet": 0.68; more common in critical messages than
in the others), the terms in the subject line counted apart (0.67-0.69, the out-of-fold ranking
unchanged), first-person words and large numbers (0.65-0.67), the seed terms of the kinds and of
high and low priority (0.66-0.68), the rights-issue scores (0.66-0.68, the development set
worse), a second linear model trained on high against critical only (0.68), a linear SVM's
score beside the logistic one (0.65) and naive-Bayes-weighted features (0.49). More weight on
high-priority negatives lowered it (0.63-0.66); C and the meta model's C moved it by less than
0.01. What lifted it a little was data: the messages of ``batch_x`` (0.69; its hard negatives
alone 0.66; see data/samples/written/README.md). Tried again on labels 2026.12.7's data (same
split; dev = the development set's 29 critical of 240): the high-against-critical model as a
meta column (0.65-0.66, the development set's P@R0.95 0.58 -> 0.48), the hrd_safety and
shutdowns scores (0.68, +0.01 paired), the six challenge scores (0.68, the development set's
P@R0.90 0.79 -> 0.77), a larger C chosen out of fold (0.65-0.66). A set of four rights-issue
scores reached 0.705, but it was picked after seeing the held-out figures and made the
development set worse (P@R0.90 0.79 -> 0.75): not kept.

One Aho-Corasick automaton over the folded text's UTF-8 bytes, as the seed terms
(``seed_terms.Lexicon``): a term must start a word, and end one unless it is a stem (``*``);
Arabic-script terms may follow a one-letter clitic (و، ف، ب، ل); CJK terms match anywhere.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

import ahocorasick
import numpy as np

from triage.config.files import IMMINENCE_CLASSES, load_imminence_terms
from triage.nlp.byte_scan import as_bytes, char_after, char_before
from triage.nlp.seed_terms import _inside_word
from triage.nlp.text_fold import fold

CLASSES = IMMINENCE_CLASSES
_CJK = frozenset(
    chr(c)
    for lo, hi in ((0x3040, 0x30FF), (0x3400, 0x9FFF), (0xF900, 0xFAFF), (0xAC00, 0xD7AF))
    for c in range(lo, hi + 1)
)
_ARABIC_CLITICS = frozenset("وفبل")
_ANYWHERE, _WORD, _ARABIC = 0, 1, 2


def _script(term: str) -> int:
    if any(ch in _CJK for ch in term):
        return _ANYWHERE
    if any("\u0600" <= ch <= "\u06ff" for ch in term):
        return _ARABIC
    return _WORD


class ImminenceScanner:
    """Counts the distinct terms of each class in a folded text, in one pass."""

    def __init__(self, terms: Mapping[str, Mapping[str, Sequence[str]]], version: str) -> None:
        self.version = version
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, list[tuple[int, bool, int]]] = {}
        for n, name in enumerate(CLASSES):
            for language_terms in terms.get(name, {}).values():
                for raw in language_terms:
                    stem = raw.endswith("*")
                    key = fold(raw.rstrip("*")).strip()
                    if key:
                        entries.setdefault(key, []).append((n, stem, _script(key)))
        for key, owners in entries.items():
            self._automaton.add_word(as_bytes(key), (len(key.encode("utf-8")), key, owners))
        self._empty = not entries
        if entries:
            self._automaton.make_automaton()

    def counts(self, folded: str) -> tuple[int, int, int]:
        """Distinct terms found per class, in ``CLASSES`` order."""
        if self._empty or not folded:
            return (0, 0, 0)
        scanned = as_bytes(folded)
        found: tuple[set[str], set[str], set[str]] = (set(), set(), set())
        for end, (size, term, owners) in self._automaton.iter(scanned):
            start = end - size + 1
            before = char_before(scanned, start) if start else ""
            after = char_after(scanned, end)
            for n, stem, script in owners:
                if script == _ANYWHERE:
                    found[n].add(term)
                    continue
                if after and not stem and _inside_word(after):
                    continue
                if before and _inside_word(before):
                    if script != _ARABIC or before not in _ARABIC_CLITICS:
                        continue
                    two_back = start - len(before.encode("utf-8"))
                    if two_back and _inside_word(char_before(scanned, two_back)):
                        continue
                found[n].add(term)
        return (len(found[0]), len(found[1]), len(found[2]))


@functools.cache
def scanner() -> ImminenceScanner:
    """The scanner of the shipped term lists (built once per process)."""
    data = load_imminence_terms()
    return ImminenceScanner({name: data[name] for name in CLASSES}, data["version"])


def imminence_matrix(folded_texts: Sequence[str]) -> np.ndarray:
    """``log1p`` of the distinct terms per class: (rows, 3), what the critical meta model sees."""
    scan = scanner().counts
    out = np.zeros((len(folded_texts), len(CLASSES)))
    for i, text in enumerate(folded_texts):
        out[i] = scan(text)
    return np.log1p(out)
