"""Near-identical messages (a coalition's joint letter, a campaign) by MinHash and LSH.

A joint letter arrives from twenty organisations with different greetings and signatures;
staff should see one item with twenty senders, not twenty cases. Texts are folded, cut into
4-word shingles, and summarised by 64 MinHash values; 16 bands of 4 values give the lookup
keys (two texts whose shingle sets overlap by ~50% or more very likely share a key), and the
signatures then estimate the overlap itself. Short texts get no fingerprint: "Thank you" from
two people is not a campaign.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from triage.nlp.text_fold import fold

SHINGLE = 4
PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
MIN_SHINGLES = 12
_PRIME = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20261129)  # fixed: signatures must compare across processes
_A = _rng.integers(1, (1 << 61) - 1, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, (1 << 61) - 1, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")
_blake2b = hashlib.blake2b
_SIGNED = 1 << 63  # keys are stored as signed 64-bit integers
assert BANDS <= 16, "a band's number takes the top four bits of its key"


def signature(text: str) -> list[int] | None:
    """64 MinHash values of the text's 4-word shingles, or None when it is too short."""
    words = _WORD.findall(fold(text))
    # Shingles as f-strings over four shifted views: the same strings as joining each slice
    # of four words, without a slice and a join per position.
    shifted = zip(words, words[1:], words[2:], words[3:], strict=False)  # stops at the last
    shingles = {f"{a} {b} {c} {d}" for a, b, c, d in shifted}
    if len(shingles) < MIN_SHINGLES:
        return None
    # One 7-byte BLAKE2b digest per shingle, read by numpy as big-endian integers (a zero
    # byte in front of each makes eight): the values ``int.from_bytes(digest, "big")`` gives,
    # without a Python-level conversion per shingle (this was most of routing's own time).
    digests = b"".join([_blake2b(s.encode(), digest_size=7).digest() for s in shingles])
    padded = np.zeros((len(shingles), 8), dtype=np.uint8)
    padded[:, 1:] = np.frombuffer(digests, dtype=np.uint8).reshape(-1, 7)
    hashes = padded.view(">u8").ravel().astype(np.uint64)
    # (a*x + b) mod p in 64-bit arithmetic wraps; x is below 2**56, so already reduced mod p
    # (2**61 - 1): what matters is a fixed, well-mixed permutation per row.
    mixed = hashes[:, None] * _A[None, :] + _B[None, :]
    return (mixed % _PRIME).min(axis=0).tolist()  # type: ignore[no-any-return]


def pack(sig: list[int] | None) -> bytes:
    """A signature as stored with its message: 64 little-endian 64-bit integers (512 bytes,
    against 1.3 KB as JSON), or no bytes for a text too short to have one."""
    return b"" if sig is None else np.asarray(sig, dtype="<u8").tobytes()


def unpack(data: bytes) -> list[int] | None:
    """The signature ``pack`` stored (None: the text was too short)."""
    if not data:
        return None
    return np.frombuffer(data, dtype="<u8").tolist()  # type: ignore[no-any-return]


def band_keys(sig: list[int]) -> list[int]:
    """One lookup key per band: texts that share any key are candidates.

    A key is a signed 64-bit integer (a BIGINT in the store, where a text key made the index
    half again as large): the band's number in the top four bits, then the top 60 bits of the
    8-byte BLAKE2b digest of the band's values."""
    keys = []
    for band in range(BANDS):
        chunk = ",".join(map(str, sig[band * ROWS : (band + 1) * ROWS]))
        digest = int.from_bytes(_blake2b(chunk.encode(), digest_size=8).digest(), "big")
        keys.append(((band << 60) | (digest >> 4)) - _SIGNED)
    return keys


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard overlap of the two shingle sets."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
