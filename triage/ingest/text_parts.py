"""Setting the new text apart from quoted replies, forwarded chains and signatures.

Classifiers and staff need what the sender wrote *now*; quoted history and signatures would
otherwise drown it. The signature is kept, because it tells us who the sender is and where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line that starts a quoted earlier message, in the languages we support.
_REPLY_MARKERS = [
    r"^on .{3,200}\bwrote:\s*$",
    r"^el .{3,200}\bescribi[oó]:\s*$",
    r"^le .{3,200}\ba [ée]crit\s*:\s*$",
    r"^em .{3,200}\bescreveu:\s*$",
    r"^am .{3,200}\bschrieb .{0,80}:\s*$",
    r"^في .{3,200}\sكتب\s.{0,200}:\s*$",
    r"^-{2,}\s*(original message|mensaje original|message d'origine|mensagem original)\s*-{2,}",
    r"^-{3,}\s*(forwarded message|mensaje reenviado|message transf[ée]r[ée]|"
    r"mensagem encaminhada|رسالة معاد توجيهها)\s*-{3,}",
    r"^begin forwarded message:",
    r"^(from|de|von|من)\s*:\s*.+",  # Outlook-style header block; checked with the next line
]
_REPLY_RE = [re.compile(p, re.IGNORECASE) for p in _REPLY_MARKERS]
_HEADER_BLOCK_NEXT = re.compile(
    r"^(sent|enviado|envoy[ée]|gesendet|date|fecha|data|to|para|[àa]|an|subject|asunto|objet|"
    r"assunto|تاريخ|إلى|الموضوع)\s*:",
    re.IGNORECASE,
)
_SIG_DELIM = re.compile(r"^--\s?$")
_CLOSINGS = re.compile(
    r"^(best|kind|warm)?\s*(regards|wishes)|^sincerely|^thanks?( you)?,?$|^cheers|"
    r"^(atentamente|saludos|cordialmente|un saludo)|^(cordialement|bien [àa] vous|salutations)|"
    r"^(atenciosamente|abra[çc]os|cumprimentos)|^(مع (خالص )?التحي|وتفضلوا|شكرا)|"
    r"^(wasalaam|kwa heri|hormat kami|salam|с уважением)",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"^(this (e-?mail|message) (and any attachments )?(is|may be) confidential|"
    r"este (correo|mensaje) (es|puede ser) confidencial|ce (message|courriel) est confidentiel|"
    r"esta mensagem [ée] confidencial)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TextParts:
    new_text: str
    quoted_text: str
    signature: str


def split_text(body: str) -> TextParts:
    """Split a plain-text body into new text, quoted history and signature."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    quote_at = _quote_start(lines)
    head, quoted = lines[:quote_at], lines[quote_at:]
    sig_at = _signature_start(head)
    new_lines, sig_lines = head[:sig_at], head[sig_at:]
    return TextParts(
        new_text="\n".join(new_lines).strip(),
        quoted_text="\n".join(quoted).strip(),
        signature="\n".join(sig_lines).strip(),
    )


_REPLY_ANY = re.compile("|".join(f"(?:{p})" for p in _REPLY_MARKERS[:-1]), re.IGNORECASE)


def _quote_start(lines: list[str]) -> int:
    # Counts of non-blank and quoted lines from each line to the end, so "the rest is mostly
    # quoted" is O(1) per line (a long quoted thread made this quadratic).
    nonblank = [0] * (len(lines) + 1)
    quoted = [0] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        stripped = lines[i].strip()
        nonblank[i] = nonblank[i + 1] + (1 if stripped else 0)
        quoted[i] = quoted[i + 1] + (1 if stripped.startswith(">") else 0)
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith(">") and quoted[i] >= 0.6 * nonblank[i]:
            return i
        if _REPLY_ANY.search(stripped):
            return i
        if _REPLY_RE[-1].search(stripped):
            following = [ln.strip() for ln in lines[i + 1 : i + 4] if ln.strip()]
            if following and _HEADER_BLOCK_NEXT.search(following[0]):
                return i
    return len(lines)


def _signature_start(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if _SIG_DELIM.match(line):
            return i
    # No delimiter: a closing phrase in the last lines starts the signature.
    window = max(0, len(lines) - 12)
    for i in range(window, len(lines)):
        stripped = lines[i].strip()
        if stripped and (_CLOSINGS.search(stripped) or _DISCLAIMER.search(stripped)):
            return i
    return len(lines)
