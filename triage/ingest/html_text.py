"""HTML bodies: readable text for the classifiers, a sanitised copy safe to show staff."""

from __future__ import annotations

import nh3
from inscriptis import get_text

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
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
