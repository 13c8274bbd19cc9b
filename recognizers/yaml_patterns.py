"""Pattern recognizers declared as data in recognizers/patterns/*.yaml (Presidio's YAML schema)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from presidio_analyzer import Pattern, PatternRecognizer

if TYPE_CHECKING:
    from deid.config import Profile

PATTERN_DIR = Path(__file__).parent / "patterns"
FLAGS = {"IGNORECASE": re.IGNORECASE, "MULTILINE": re.MULTILINE, "DOTALL": re.DOTALL}


def create(profile: "Profile") -> list[PatternRecognizer]:
    """One PatternRecognizer per YAML entry in recognizers/patterns/."""
    recs: list[PatternRecognizer] = []
    for path in sorted(PATTERN_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in data.get("recognizers", []):
            flags = 0
            for f in entry.get("flags", []):
                flags |= FLAGS[f]
            recs.append(PatternRecognizer(
                supported_entity=entry["entity"],
                name=entry["name"],
                supported_language=profile.detection.language,
                patterns=[Pattern(p["name"], p["regex"], float(p["score"])) for p in entry.get("patterns", [])],
                deny_list=entry.get("deny_list"),
                context=entry.get("context"),
                global_regex_flags=flags or re.DOTALL | re.MULTILINE,
            ))
    return recs
