#!/usr/bin/env python3
"""Build heldout4.jsonl from the marked-up documents in src/*.txt (standard library only).

Each source file holds one or more documents. A document starts with a header line
``=== ID KIND FORMAT IDENTIFIABLE`` (IDENTIFIABLE is true/false); the body runs to the next
header. Inline markup (the brackets never occur in the documents themselves):

    ⟦surface|L|key⟧   an identifier; L is P D A L O C I J (PERSON DATE AGE LOCATION
                      ORGANIZATION CONTACT ID PROFESSION); the entity id is ``CASE:key`` (``other/key`` → ``other:key``)
    ⟪surface|why⟫     a look-alike that must survive (keep span)
    ⟬why::text⟭       a quasi-identifier span (rare fact); may contain the two marks above

The markup is stripped, offsets are computed against the clean text, every span is checked
(``text[start:end] == surface``) and, per case, any unmarked occurrence of a marked PERSON
surface is reported so that no mention is forgotten. Usage: ``python build.py [--check]``.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = {"P": "PERSON", "D": "DATE", "A": "AGE", "L": "LOCATION", "O": "ORGANIZATION",
          "C": "CONTACT", "I": "ID", "J": "PROFESSION"}
KINDS = {"transcript", "progress_note", "intake", "case_study", "letter", "email", "subtitle"}
FORMATS = {"txt", "md", "vtt", "srt"}
MARK = re.compile(r"⟦([^⟦⟧|]+)\|([PDALOCIJ])\|([a-z0-9._/-]+)⟧|⟪([^⟪⟫|]+)\|([^⟪⟫|]+)⟫"
                  r"|⟬([^⟬⟭:]+)::|⟭")
HEADER = re.compile(r"^=== (\S+) (\S+) (\S+) (true|false)\n", re.M)


def entity_id(case: str, key: str) -> str:
    """``key`` is local to the document's case; ``other/key`` names an entity of case ``other``
    (a clinician or group member who also appears in another case)."""
    return key.replace("/", ":") if "/" in key else f"{case}:{key}"


def parse_body(body: str, case: str) -> tuple[str, list[dict], list[dict], list[dict]]:
    """Strip the markup from one document body; return clean text, phi, keep and quasi spans."""
    out, phi, keep, quasi, pos = [], [], [], [], 0
    length, qstack = 0, []
    for m in MARK.finditer(body):
        chunk = body[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(6) is not None:
            qstack.append((length, m.group(6).strip()))
            continue
        if m.group(0) == "⟭":
            if not qstack:
                raise ValueError(f"{case}: stray quasi close")
            qstart, why = qstack.pop()
            quasi.append({"start": qstart, "end": length, "why": why})
            continue
        surface = m.group(1) or m.group(4)
        start, end = length, length + len(surface)
        if m.group(1):
            phi.append({"start": start, "end": end, "label": LABELS[m.group(2)],
                        "entity": entity_id(case, m.group(3))})
        else:
            keep.append({"start": start, "end": end, "why": m.group(5)})
        out.append(surface)
        length = end
    out.append(body[pos:])
    text = "".join(out)
    if qstack or any(c in text for c in "⟦⟧⟪⟫⟬⟭"):
        raise ValueError(f"{case}: unbalanced markup")
    return text, phi, keep, quasi


def load(src: Path) -> list[dict]:
    """Parse every source file into gold documents."""
    docs = []
    for path in sorted(src.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        heads = list(HEADER.finditer(raw))
        for i, h in enumerate(heads):
            body = raw[h.end(): heads[i + 1].start() if i + 1 < len(heads) else len(raw)]
            body = body.strip("\n") + "\n"
            doc_id, kind, fmt, ident = h.groups()
            case = doc_id.split("-")[0]
            assert kind in KINDS and fmt in FORMATS, doc_id
            text, phi, keep, quasi = parse_body(body, case)
            docs.append({"id": doc_id, "case": case, "kind": kind, "format": fmt, "text": text,
                         "phi": phi, "keep": keep, "quasi": quasi,
                         "identifiable_after_phi_removal": ident == "true"})
    return docs


# Words of marked multi-word names that are also plain English here ("116th and Lenox",
# "Big River", "Long Island City", "The Alliance", "Khalid bin Said" vs "he said"): not reported.
PLAIN = {"and", "the", "big", "long", "said", "van", "der", "de", "la", "del", "ter", "bin", "al",
         "street", "road", "lane", "avenue", "st", "rd", "baths", "station", "park", "hospital",
         "centre", "center", "school", "church", "hall", "library", "court", "gas", "works",
         "highway", "creek", "road", "flat"}


def check(docs: list[dict]) -> list[str]:
    """Validate spans and report unmarked occurrences of marked PERSON/LOCATION surfaces."""
    problems, surfaces = [], defaultdict(set)
    for d in docs:
        t = d["text"]
        for s in d["phi"] + d["keep"] + d["quasi"]:
            assert 0 <= s["start"] < s["end"] <= len(t), d["id"]
            assert t[s["start"]:s["end"]].strip() == t[s["start"]:s["end"]], (d["id"], s)
        for s in d["phi"]:
            if s["label"] in ("PERSON", "LOCATION"):
                for part in re.split(r"[\s,]+", t[s["start"]:s["end"]]):
                    if len(part) > 2 and part[0].isalpha() and part.lower() not in PLAIN:
                        surfaces[d["case"]].add(part.lower().rstrip("."))
    for d in docs:
        t, covered = d["text"], set()
        for s in d["phi"] + d["keep"]:
            covered.update(range(s["start"], s["end"]))
        for word in surfaces[d["case"]]:
            for m in re.finditer(r"(?<![\w])" + re.escape(word) + r"(?![\w])", t, re.I):
                if m.start() not in covered:
                    line = t[max(0, m.start() - 30): m.end() + 20].replace("\n", " ")
                    problems.append(f"{d['id']} unmarked {word!r} at {m.start()}: ...{line}...")
    return problems


def main() -> int:
    """Build, validate and write heldout4.jsonl; print counts."""
    docs = load(HERE / "src")
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    problems = check(docs)
    for p in problems:
        print(p)
    if "--check" in sys.argv:
        return 1 if problems else 0
    with (HERE / "heldout4.jsonl").open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    labels = Counter(s["label"] for d in docs for s in d["phi"])
    ents = {s["entity"] for d in docs for s in d["phi"]}
    words = sum(len(d["text"].split()) for d in docs)
    print(f"{len(docs)} documents, {words} words, {sum(labels.values())} phi spans "
          f"({len(ents)} entities), {sum(len(d['keep']) for d in docs)} keep spans, "
          f"{sum(len(d['quasi']) for d in docs)} quasi spans, "
          f"{sum(d['identifiable_after_phi_removal'] for d in docs)} identifiable after removal")
    for label, n in labels.most_common():
        print(f"  {label:13} {n}")
    print(Counter(d["kind"] for d in docs), Counter(d["format"] for d in docs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
