"""HTML bodies: readable text for the classifiers, a sanitised copy safe to show staff."""

from __future__ import annotations

import html as html_lib
import re

import nh3
from inscriptis import get_text

# nh3's cost grows with the square of the nesting depth (200,000 nested <div>s: minutes). Past
# this many tags the staff copy is the plain text, escaped: nothing of the markup is needed to
# read a message, and a hostile one must not stop the batch.
MAX_TAGS = 5000
_TAG = re.compile(r"<[A-Za-z/!]")

# No <img>: remote images would tell a sender (or an attacker) that the mail was opened.
_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "li", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}}


def html_to_text(html: str) -> str:
    if not html.strip():
        return ""
    try:
        return get_text(html).strip()
    except Exception:  # inscriptis on hostile markup: fall back to the sanitiser's text
        return nh3.clean(html, tags=set()).strip()


def sanitise_html(html: str) -> str:
    if len(_TAG.findall(html)) > MAX_TAGS:
        return "<pre>" + html_lib.escape(html_to_text(html)) + "</pre>"
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
