"""The CLI contract: `triage classify`, `triage evaluate`, `triage run --no-prefect`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, SHARED

CONTRACT_KEYS = {
    "id", "language", "rights_issue", "rights_issue_scores", "challenge", "challenge_scores",
    "countries", "sender_country", "regions", "global_south", "priority", "kind", "needs_review",
}  # fmt: skip
RIGHTS = {"privacy", "surveillance", "expression", "shutdowns", "harmful_content",
          "discrimination", "labour", "hrd_safety", "child_rights", "remedy", "environment",
          "other"}  # fmt: skip


def triage(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from pipelines.cli import main; main()", *args]
    return subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})},
        timeout=600,
    )  # fmt: skip


def test_classify_gold_file_gives_a_valid_line_per_input_line(tmp_path: Path) -> None:
    gold = SAMPLES / "gold.jsonl"
    out = tmp_path / "out.jsonl"
    result = triage("classify", str(gold), "-o", str(out))
    assert result.returncode == 0, result.stderr
    inputs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    outputs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [o["id"] for o in outputs] == [i["id"] for i in inputs]
    for line in outputs:
        assert set(line) >= CONTRACT_KEYS
        assert line["rights_issue"] and set(line["rights_issue"]) <= RIGHTS
        assert set(line["rights_issue_scores"]) == RIGHTS
        assert line["priority"] in {"critical", "high", "normal", "low"}
        assert isinstance(line["needs_review"], bool)
        assert all(len(c) == 2 and c.isupper() for c in line["countries"])


def test_malformed_lines_get_an_error_naming_the_line_and_others_go_on(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok1", "body": "Internet shutdown in Ethiopia since Monday."}),
                "{this is not json",
                json.dumps({"id": "nobody"}),
                json.dumps(["a list"]),
                json.dumps({"id": "ok2", "body": "", "subject": "empty body"}),
                json.dumps({"id": "ok3", "body": "😀😀😀 🙏"}),
                json.dumps({"id": "ok4", "body": "x" * 1_000_000}),
                json.dumps(
                    {
                        "id": "ok5",
                        "body": "Habari, mtandao umezimwa Tanzania",
                        "country": "Tanzania",
                        "channel": "form",
                    }
                ),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = triage("classify", str(source), "-o", str(out))
    assert result.returncode == 1
    assert "line 2" in result.stderr and "line 3" in result.stderr and "line 4" in result.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 8
    ok = {line["id"]: line for line in lines if "error" not in line}
    assert set(ok) == {"ok1", "ok2", "ok3", "ok4", "ok5"}
    assert ok["ok2"]["needs_review"] and ok["ok3"]["needs_review"]
    assert ok["ok5"]["sender_country"] == "TZ"
    errors = [line for line in lines if "error" in line]
    assert [e["line"] for e in errors] == [2, 3, 4]


def test_evaluate_prints_per_label_scores() -> None:
    result = triage("evaluate", str(SAMPLES / "gold.jsonl"), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)["facets"]
    assert report["rights_issue"]["scored"] >= 300
    assert 0.0 <= report["rights_issue"]["macro_f1"] <= 1.0
    assert set(report["rights_issue"]["labels"]) == RIGHTS
    assert {"precision", "recall", "f1", "support"} <= set(report["kind"]["labels"]["allegation"])
    assert set(report["rights_issue"]["by_language"]) == {"en", "es", "fr", "pt", "ar"}
    assert {"global_south", "global_north"} <= set(report["countries"]["by_region"])
    assert all({"gold", "predicted", "count"} == set(c) for c in report["kind"]["confusions"])


def test_evaluate_reads_a_real_corpus_with_its_label_mapping() -> None:
    result = triage("evaluate", "--corpus", "rdr2022", "--corpora-dir",
                    str(SHARED / "corpora" / "labelled"), "--json")  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    scored = set(report["facets"]["rights_issue"]["labels"])
    assert scored <= {"privacy", "expression", "shutdowns"}  # only what the corpus knows
    assert 0.5 <= report["checks"]["privacy_vs_expression_accuracy"] <= 1.0
    bad = triage("evaluate", "--corpus", "nonexistent", "--json")
    assert bad.returncode == 2 and "unknown corpus" in bad.stderr


@pytest.mark.slow
def test_run_without_prefect_prints_counts_as_json_and_is_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    first = triage("run", "samples", "--no-prefect", "--json", "--database", url)
    assert first.returncode == 0, first.stderr
    counts = json.loads(first.stdout)
    assert counts["seen"] == counts["stored"] + counts["quarantined"] + counts["duplicates"]
    second = json.loads(
        triage("run", "samples", "--no-prefect", "--json", "--database", url).stdout
    )
    assert second["stored"] == 0 and second["seen"] == 0  # nothing new: no file re-read
    table = triage("queue", "--database", url)
    assert table.returncode == 0 and "Open queue" in table.stdout
    listed = json.loads(triage("queue", "--json", "--database", url).stdout)
    assert 0 < len(listed) <= counts["stored"]
    for case in listed:
        assert case["owner"] and case["team"] and case["rule_id"]
        assert case["priority"] in {"critical", "high", "normal", "low"}
        assert set(case["deadlines"]) == {"acknowledge", "respond", "close_loop"}
        for deadline in case["deadlines"].values():
            assert deadline["due_at"].endswith("+00:00")  # ISO 8601, UTC
            assert deadline["state"] in {"ok", "at_risk", "breached", "paused", "met"}
        assert case["deadline_state"] in {"ok", "at_risk", "breached", "paused", "met"}


def test_promote_refuses_a_version_that_does_not_exist() -> None:
    pointer = ROOT / "models" / "labels" / "promoted.json"
    before = pointer.read_text()
    result = triage("promote", "no-such-version")
    assert result.returncode == 2
    assert "no such model directory" in result.stderr
    assert pointer.read_text() == before
