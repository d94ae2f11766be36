"""MinHash signatures and the band-count bound routing's campaign check relies on."""

from __future__ import annotations

import hashlib
import random
import re

import numpy as np

from triage.nlp import near_duplicates as nd
from triage.nlp.text_fold import fold
from triage.services.route_pending import MIN_SHARED_BANDS, SAME_CAMPAIGN


def reference_signature(text: str) -> list[int] | None:
    """The definition, written plainly: stored fingerprints were made this way."""
    words = re.findall(r"\w+", fold(text))
    shingles = {" ".join(words[i : i + 4]) for i in range(len(words) - 3)}
    if len(shingles) < nd.MIN_SHINGLES:
        return None
    hashes = np.array(
        [int.from_bytes(hashlib.blake2b(s.encode(), digest_size=7).digest(), "big")
         for s in shingles],
        dtype=np.uint64,
    )  # fmt: skip
    mixed = (hashes[:, None] % nd._PRIME) * nd._A[None, :] + nd._B[None, :]
    return [int(v) for v in (mixed % nd._PRIME).min(axis=0)]


def reference_band_keys(sig: list[int]) -> list[int]:
    """The band's number, then 60 bits of the digest of its values, as a signed integer."""
    keys = []
    for band in range(nd.BANDS):
        chunk = ",".join(str(v) for v in sig[band * nd.ROWS : (band + 1) * nd.ROWS])
        digest = hashlib.blake2b(chunk.encode(), digest_size=8).hexdigest()
        unsigned = int(f"{band:x}{digest[:15]}", 16)
        keys.append(unsigned - (1 << 63))  # a BIGINT's range
    return keys


def test_signature_and_band_keys_match_the_definition() -> None:
    rng = random.Random(7)
    vocabulary = ["derechos", "protección", "d’expression", "privacy", "Überwachung", "سلام",
                  "защита", "मानव", "data", "the", "of", "journalists", "2026"]  # fmt: skip
    texts = ["", "too short to count", "Thank you " * 3]
    texts += [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(5, 300)))
              for _ in range(200)]  # fmt: skip
    for text in texts:
        expected = reference_signature(text)
        assert nd.signature(text) == expected
        if expected is not None:
            keys = nd.band_keys(expected)
            assert keys == reference_band_keys(expected)
            assert all(-(1 << 63) <= k < 1 << 63 for k in keys)


def test_fewer_shared_bands_than_the_minimum_never_reach_the_campaign_threshold() -> None:
    """The closest pair sharing ``b`` bands differs in one value of every other band."""
    rng = random.Random(3)
    for shared in range(nd.BANDS + 1):
        a = [rng.getrandbits(60) for _ in range(nd.PERMUTATIONS)]
        b = list(a)
        for band in range(shared, nd.BANDS):
            b[band * nd.ROWS] += 1
        common = set(nd.band_keys(a)) & set(nd.band_keys(b))
        assert len(common) == shared
        assert (nd.similarity(a, b) >= SAME_CAMPAIGN) == (shared >= MIN_SHARED_BANDS)
