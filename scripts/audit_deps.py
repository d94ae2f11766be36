#!/usr/bin/env python3
"""``make audit``: pip-audit over the installed environment; any known vulnerability fails.

pip-audit has no severity filter, and PyPI's advisories carry no severity, so every known
vulnerability fails the build (stricter than "high or critical"); one accepted after review is
listed in ``ACCEPTED`` with its reason and passed to ``--ignore-vuln``.

A package the vulnerability service cannot answer for is *not* a pass: the script says how
many packages were audited and how many could not be, so a green run with nothing audited
cannot pass for a clean bill of health. OSV is tried first, then PyPI's JSON API.

Where neither answers (this workplace reaches pypi.org, but not OSV, and not PyPI's per-version
JSON that pip-audit reads), the script falls back to PyPI's per-project JSON: its
``vulnerabilities`` are those of the project's latest release, so they are an exact audit of
every installed package that *is* the latest release, and nothing for the others, which are
counted as not audited.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
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


def _project_json(name: str) -> dict[str, Any] | None:
    url = f"https://pypi.org/pypi/{name}/json"
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return json.load(response)
    except (OSError, ValueError):
        return None


def latest_release_audit() -> dict[str, Any]:
    """pip-audit's report shape, from PyPI's per-project JSON (see the module docstring)."""
    installed = sorted(
        {
            (d.metadata["Name"], d.version)
            for d in metadata.distributions()
            if d.metadata["Name"] and d.metadata["Name"] != "triage"  # this project itself
        }
    )
    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(lambda nv: _project_json(nv[0]), installed))
    dependencies: list[dict[str, Any]] = []
    for (name, version), answer in zip(installed, answers, strict=True):
        if answer is None:
            dependencies.append({"name": name, "version": version,
                                 "skip_reason": "PyPI did not answer"})  # fmt: skip
        elif answer["info"]["version"] != version:
            latest = answer["info"]["version"]
            dependencies.append({"name": name, "version": version,
                                 "skip_reason": f"not the latest release ({latest})"})  # fmt: skip
        else:
            vulns = [
                {"id": v.get("id", "?"), "fix_versions": v.get("fixed_in", [])}
                for v in answer.get("vulnerabilities", [])
                if not v.get("withdrawn") and v.get("id") not in ACCEPTED
            ]
            dependencies.append({"name": name, "version": version, "vulns": vulns})
    return {"dependencies": dependencies}


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
        else:
            report = latest_release_audit()
            results.append((len(audited_in(report)), len(report["dependencies"]),
                            "pypi-latest", report))  # fmt: skip
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
        print("  not audited: " + ", ".join(f"{d['name']} {d['version']}" for d in skipped))
    return 1 if vulnerable else 0


if __name__ == "__main__":
    raise SystemExit(main())
