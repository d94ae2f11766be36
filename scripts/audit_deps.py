#!/usr/bin/env python3
"""``make audit``: pip-audit over the installed environment; any known vulnerability fails.

pip-audit has no severity filter, and PyPI's advisories carry no severity, so every known
vulnerability fails the build (stricter than "high or critical"); one accepted after review is
listed in ``ACCEPTED`` with its reason and passed to ``--ignore-vuln``.

A package the vulnerability service cannot answer for is *not* a pass: the script says how
many packages were audited and how many could not be, so a green run with nothing audited
cannot pass for a clean bill of health. OSV is tried first, then PyPI's JSON API.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

# Vulnerability id -> why it is accepted (review again when the package is upgraded).
ACCEPTED: dict[str, str] = {}
SERVICES = ("osv", "pypi")
TIME_LIMIT = 300  # seconds per service: a network that swallows packets must not hang CI


def run_audit(service: str, out: Path) -> dict[str, Any]:
    command = [
        sys.executable, "-m", "pip_audit", "--local", "--skip-editable", "--progress-spinner",
        "off", "--desc", "off", "--format", "json", "--output", str(out),
        "--vulnerability-service", service, "--timeout", "30",
        *(arg for vuln in ACCEPTED for arg in ("--ignore-vuln", vuln)),
    ]  # fmt: skip
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              timeout=TIME_LIMIT)  # fmt: skip
    except subprocess.TimeoutExpired:
        print(f"pip-audit ({service}) gave no answer in {TIME_LIMIT} s", file=sys.stderr)
        return {"dependencies": []}
    try:
        report: dict[str, Any] = json.loads(out.read_text())
    except (OSError, ValueError):
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"pip-audit ({service}) failed: {last[:300]}", file=sys.stderr)
        report = {"dependencies": []}
    return report


def audited_in(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [d for d in report.get("dependencies", []) if "skip_reason" not in d]


def main() -> int:
    results: list[tuple[int, int, str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory(prefix="triage-audit-") as tmp:
        for service in SERVICES:  # the first service that can answer wins
            report = run_audit(service, Path(tmp) / f"{service}.json")
            listed = len(report.get("dependencies", []))
            results.append((len(audited_in(report)), listed, service, report))
            if results[-1][0]:
                break
    *_counts, service, report = max(results, key=lambda r: (r[0], r[1]))
    dependencies = report.get("dependencies", [])
    audited = audited_in(report)
    skipped = [d for d in dependencies if "skip_reason" in d]
    vulnerable = [(d, v) for d in audited for v in d.get("vulns", [])]
    for dep, vuln in vulnerable:
        fixed = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
        print(f"VULNERABLE {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})")
    print(f"pip-audit ({service}): {len(audited)} of {len(dependencies)} packages audited, "
          f"{len(vulnerable)} known vulnerabilities, {len(ACCEPTED)} accepted")  # fmt: skip
    if skipped:
        print(f"WARNING: {len(skipped)} packages could not be audited (vulnerability service "
              f"unreachable or package unknown to it), e.g. {skipped[0]['name']}: "
              f"{skipped[0]['skip_reason']}")  # fmt: skip
    return 1 if vulnerable else 0


if __name__ == "__main__":
    raise SystemExit(main())
