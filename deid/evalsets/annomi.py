"""AnnoMI counselling transcripts, AnnoMI-simple.csv (../shared/data/annomi): no gold, over-redaction only.

Rows are utterances; a transcript is its rows grouped by ``transcript_id``, sorted by
``utterance_id``, written as ``THERAPIST: ...`` / ``CLIENT: ...`` lines (kind transcript, format txt).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from deid.evalsets.common import read_csv
from deid.evaluation import GoldDoc
from deid.errors import InputError

FILE = "AnnoMI-simple.csv"
MARKER = FILE


def load(folder: Path) -> list[GoldDoc]:
    """One GoldDoc (no phi) per transcript, by transcript id."""
    rows: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    try:
        for r in read_csv(folder / FILE):
            rows[int(r["transcript_id"])].append((int(r["utterance_id"]), r["interlocutor"], r["utterance_text"]))
    except (KeyError, ValueError):
        raise InputError(f"{FILE}: missing or non-numeric transcript_id/utterance_id column") from None
    docs = []
    for tid in sorted(rows):
        lines = [f"{who.upper()}: {text}" for _, who, text in sorted(rows[tid])]
        docs.append(GoldDoc(id=f"annomi:{tid:03d}", case=f"annomi:{tid:03d}", text="\n".join(lines) + "\n",
                            kind="transcript", source="annomi"))
    return docs
