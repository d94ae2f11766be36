"""Hostile content does not run, and a message's remote images are not fetched.

Every field the UI shows from a message (subject, sender name, body, quoted text, HTML part,
attachment name) and from staff (note, outcome) carries script, event-handler, SVG and
``javascript:`` payloads. Each payload would set ``window.__pwned`` and call a listener on
loopback; the test opens the queue, the case and the sandboxed original in Chromium and checks
that the flag is unset and the listener heard nothing, with positive controls showing the
payloads are on the page (as text) and that the listener does hear a real request.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from tests.postgres_server import free_port
from tests.web.conftest import Site
from tests.web.staff import case_ids, ingest, sign_in
from tests.web.test_staff_browser import sign_in as browser_sign_in


class Listener:
    """Records every request it receives: anything here came from a payload."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.port = free_port()
        heard = self.paths

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                heard.append(self.path)
                self.send_response(204)
                self.end_headers()

            do_POST = do_GET

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@pytest.fixture
def listener() -> Iterator[Listener]:
    found = Listener()
    found.thread.start()
    try:
        yield found
    finally:
        found.server.shutdown()
        found.server.server_close()


def payload(field: str, base: str) -> str:
    hit = f"{base}/{field}"
    return (
        f'<script>window.__pwned="{field}";fetch("{hit}-script")</script>'
        f"<img src=x onerror=\"window.__pwned='{field}';fetch('{hit}-img')\">"
        f"<svg onload=\"window.__pwned='{field}';fetch('{hit}-svg')\"><script>fetch('{hit}-svgs')"
        f"</script></svg><a href=\"javascript:window.__pwned='{field}'\">{field}-link</a>"
    )


def hostile_email(base: str, received: datetime) -> bytes:
    msg = EmailMessage()
    msg["Received"] = f"from mx by in; {format_datetime(received)}"
    msg["From"] = Address(display_name=payload("name", base)[:200], addr_spec="x@example.org")
    msg["To"] = "humanrights@example-platform.com"
    msg["Subject"] = payload("subject", base)
    msg["Message-ID"] = "<hostile@example.org>"
    msg.set_content(
        "Our defenders are threatened.\n" + payload("body", base)
        + "\n\nOn Monday someone wrote:\n> " + payload("quoted", base) + "\n"
    )  # fmt: skip
    msg.add_alternative(
        "<html><body><p>HTML-MARKER visible text</p>"
        f'<img src="{base}/remote-image.png" alt="tracker">'
        f'<div style="background:url({base}/remote-css.png)">styled</div>'
        f'<iframe src="{base}/remote-frame"></iframe>'
        f'<link rel="stylesheet" href="{base}/remote-style.css">'
        f'<form action="{base}/form"><input name=q></form>'
        + payload("html", base) + "</body></html>",
        subtype="html",
    )  # fmt: skip
    msg.add_attachment(b"data", maintype="application", subtype="octet-stream",
                       filename='<img src=x onerror="fetch(1)">.pdf')  # fmt: skip
    return msg.as_bytes()


def test_nothing_hostile_runs_and_no_remote_image_loads(
    page: Any, site: Site, listener: Listener
) -> None:
    httpx.get(f"{listener.base}/control")  # positive control: the listener does hear
    assert listener.paths == ["/control"]
    listener.paths.clear()

    ingest(site.url, site.folder / "hostile",
           {"hostile": hostile_email(listener.base, datetime.now(UTC) - timedelta(minutes=5))})
    case_id = case_ids(site.url)["hostile"]
    staff = sign_in(site.base, "tomas.novak")
    for path, data in ((f"/cases/{case_id}/notes", {"body": payload("note", listener.base)}),
                       (f"/cases/{case_id}/outcome", {"category": "other",
                                                      "summary": payload("outcome",
                                                                         listener.base)})):
        response = staff.client.post(path, data={**data, "csrf_token": staff.csrf})
        assert response.status_code == 303, path

    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    browser_sign_in(page, site.base, "tomas.novak")
    page.goto(f"{site.base}/queue?queue=closed")
    assert "<script>window.__pwned=\"subject\"" in page.locator("table.queue").inner_text()

    page.goto(f"{site.base}/cases/{case_id}")
    main = page.locator("main").inner_text()
    for field in ("subject", "name", "body", "note", "outcome"):
        assert f'window.__pwned="{field}"' in main, field  # shown, as text
    page.locator("summary", has_text="Quoted text").click()
    page.locator("summary", has_text="Original").click()
    frame_element = page.locator("iframe").first
    assert frame_element.get_attribute("sandbox") == ""
    frame = frame_element.content_frame
    frame.locator("text=HTML-MARKER").wait_for()  # the original did load (positive control)
    page.wait_for_timeout(1500)  # time for any payload or remote fetch to fire

    assert page.evaluate("() => window.__pwned === undefined")
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert frame.locator('a[href^="javascript:"]').count() == 0
    assert frame.locator("script").count() == 0
    assert listener.paths == [], listener.paths
    assert errors == []

    # The attachment is a download, never rendered, whatever its name says.
    link = page.locator(".attachments a").first
    response = staff.client.get(link.get_attribute("href") or "")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment;")
    assert "<" not in response.headers["content-disposition"]

    original = staff.client.get(frame_element.get_attribute("src") or "")
    csp = original.headers["content-security-policy"]
    assert "sandbox" in csp and "img-src data:" in csp and "http" not in csp
