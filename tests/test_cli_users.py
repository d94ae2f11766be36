"""`triage users`: accounts from the command line, passwords never as arguments."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from triage.services.users import LoginRefused, api_user, authenticate


def triage(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from pipelines.cli import main; main()", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, input=stdin,
                          timeout=300)  # fmt: skip


def test_users_add_list_disable_passwd_token(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    db = ["--database", url]
    added = triage("users", "add", "lena.fischer", "--role", "owner", "--team",
                   "defenders-at-risk", "--password-stdin", *db, stdin="a long password 1\n")
    assert added.returncode == 0, added.stderr
    assert "a long password" not in added.stdout + added.stderr
    assert authenticate("lena.fischer", "a long password 1", database_url=url).role == "owner"

    weak = triage("users", "add", "x.y", "--password-stdin", *db, stdin="short\n")
    assert weak.returncode == 2 and "at least 12" in weak.stderr
    bad_role = triage("users", "add", "x.y", "--role", "root", "--password-stdin", *db,
                      stdin="a long password 1\n")  # fmt: skip
    assert bad_role.returncode == 2

    listed = json.loads(triage("users", "list", "--json", *db).stdout)
    assert listed == [{"username": "lena.fischer", "name": "lena.fischer", "role": "owner",
                       "team": "defenders-at-risk", "disabled": False}]  # fmt: skip

    changed = triage("users", "passwd", "lena.fischer", "--password-stdin", *db,
                     stdin="another long one 2\n")  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    assert authenticate("lena.fischer", "another long one 2", database_url=url)

    token = triage("users", "token", "lena.fischer", *db).stdout.strip()
    assert token.startswith("trg_") and api_user(token, database_url=url) is not None

    assert triage("users", "disable", "lena.fischer", *db).returncode == 0
    assert api_user(token, database_url=url) is None
    try:
        authenticate("lena.fischer", "another long one 2", database_url=url)
        raise AssertionError("a disabled account signed in")
    except LoginRefused:
        pass
    assert json.loads(triage("users", "list", "--json", *db).stdout)[0]["disabled"] is True
    assert triage("users", "disable", "nobody", *db).returncode == 2
