"""Render `deid check` / `deid score` results: text, JSON, SARIF 2.1.0, GitHub annotations; never text."""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version
from typing import Any, Iterator

from deid.risk.gate import Checked

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _version() -> str:
    try:
        return version("deid")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"


def _findings(c: Checked) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(level, message, reason) for what a reviewer must look at; no original text anywhere."""
    for r in c.reasons:
        if r["rule"] == "residual" and r.get("blocking"):
            yield "error", (f"Residual {r['type']} identifier survives (detector confidence "
                            f"{r.get('confidence', 0):.2f})."), r
        elif r.get("driver"):
            if r["type"] == "PLACE":
                detail = f"place of about {r.get('population', 0):,} people"
            else:
                detail = f"shared by about 1 in {max(1, round(1 / max(r.get('frequency', 1), 1e-12))):,} people"
            yield ("warning" if not c.shareable else "note",
                   f"Quasi-identifier {r['type']} ({r['rule']}): {detail}.", r)


def _summary_message(c: Checked) -> str:
    if c.error or c.risk is None:
        return f"Could not be assessed ({c.error}); not shareable."
    r = c.risk
    verdict = "shareable" if c.shareable else "NOT shareable"
    return f"Risk {r.score:.0f}/100 ({r.level}), k about {r.k_estimate:g}: {verdict} for this profile."


def _rule_id(reason: dict[str, Any]) -> str:
    return f"residual.{reason['type']}" if reason["rule"] == "residual" else reason["rule"]


def render_text(results: list[Checked]) -> str:
    """Per document: verdict line, then the findings that decide it (path:line:col rule type)."""
    lines = []
    for c in results:
        lines.append(f"{'ok  ' if c.shareable else 'FAIL'} {c.path}"
                     f"{'' if c.doc_id == c.path else ' [' + c.doc_id + ']'}: {_summary_message(c)}")
        for level, msg, r in _findings(c):
            lines.append(f"     {c.path}:{r.get('line', 1)}:{r.get('column', 1)}: {level}: {msg}")
    bad = sum(1 for c in results if not c.shareable)
    lines.append(f"{len(results) - bad} shareable, {bad} not shareable of {len(results)} documents")
    return "\n".join(lines)


def render_json(results: list[Checked], profile: str) -> str:
    """Machine-readable report (same risk shape as `deid run --report`)."""
    bad = sum(1 for c in results if not c.shareable)
    data = {"profile": profile, "documents": [c.to_dict() for c in results],
            "summary": {"documents": len(results), "shareable": len(results) - bad, "not_shareable": bad}}
    return json.dumps(data, indent=2)


def render_score_table(results: list[Checked]) -> str:
    """Documents ordered by risk, highest first."""
    rows = sorted(results, key=lambda c: -(c.risk.score if c.risk else 101.0))
    out = [f"{'score':>5}  {'level':<6}  {'k':>10}  {'shareable':<9}  path"]
    for c in rows:
        if c.risk is None:
            out.append(f"{'-':>5}  {'failed':<6}  {'-':>10}  {'no':<9}  {c.path}")
            continue
        out.append(f"{c.risk.score:5.1f}  {c.risk.level:<6}  {c.risk.k_estimate or 0:>10.4g}  "
                   f"{'yes' if c.shareable else 'no':<9}  {c.path}"
                   f"{'' if c.doc_id == c.path else ' [' + c.doc_id + ']'}")
    return "\n".join(out)


def _region(r: dict[str, Any]) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": r.get("line", 1), "startColumn": r.get("column", 1)}
    if "start" in r and "end" in r:
        region["charOffset"] = r["start"]
        region["charLength"] = max(0, r["end"] - r["start"])
    return region


def render_sarif(results: list[Checked], profile: str) -> str:
    """SARIF 2.1.0: one result per deciding finding plus one per non-shareable document."""
    rules: dict[str, dict[str, Any]] = {}
    sarif_results: list[dict[str, Any]] = []

    def add(rule_id: str, level: str, message: str, path: str, region: dict[str, Any]) -> None:
        rules.setdefault(rule_id, {"id": rule_id, "name": rule_id.replace(".", "_"),
                                   "shortDescription": {"text": f"deid risk rule {rule_id}"}})
        sarif_results.append({"ruleId": rule_id, "level": level, "message": {"text": message},
                              "locations": [{"physicalLocation": {
                                  "artifactLocation": {"uri": path}, "region": region}}]})

    for c in results:
        if not c.shareable:
            add("not_shareable" if c.risk else "assessment_failed", "error", _summary_message(c), c.path,
                {"startLine": 1})
        for level, msg, r in _findings(c):
            add(_rule_id(r), level, msg, c.path, _region(r))
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "deid", "version": _version(),
                            "informationUri": "https://pypi.org/project/deid/",
                            "rules": list(rules.values())}},
        "properties": {"profile": profile},
        "results": sarif_results,
    }]}
    return json.dumps(log, indent=2)


def _gh_escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render_github(results: list[Checked]) -> str:
    """GitHub Actions workflow commands: ::error / ::warning file=…,line=…,col=…::message."""
    out = []
    for c in results:
        f = _gh_escape(c.path, prop=True)
        if not c.shareable:
            out.append(f"::error file={f},line=1,title=deid%3A not shareable::{_gh_escape(_summary_message(c))}")
        for level, msg, r in _findings(c):
            if level == "note":
                continue
            out.append(f"::{level} file={f},line={r.get('line', 1)},col={r.get('column', 1)},"
                       f"title={_gh_escape('deid ' + _rule_id(r), prop=True)}::{_gh_escape(msg)}")
    bad = sum(1 for c in results if not c.shareable)
    out.append(f"deid check: {len(results) - bad} shareable, {bad} not shareable of {len(results)} documents")
    return "\n".join(out)
