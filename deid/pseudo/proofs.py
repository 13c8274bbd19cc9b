"""Proofs that a text is deid's own output, so a run over it changes nothing without a recall hole.

Recognising deid's surrogates by their look alone would leave a real name that happens to equal
an earlier surrogate in place in any new document. Instead, phase 3 keeps keyed hashes of what it
wrote (in the vault, never text):

- the whole rewritten document;
- each line the rewrite changed, flagged *strong* when a name, organisation, place, contact or id
  was replaced in it (a line that only holds a shifted date could also be a line of a new
  document, so it proves nothing by itself);
- each line it left as it was, keyed with the document's id (it proves only within that document,
  so a line added to an output file later is not among them).

A later run drops every mention of a document deid wrote whole. In an edited output (at least one
strong line deid wrote, and at least SHARE of its non-blank lines written by deid) it drops the
mentions inside lines deid wrote: they were judged when the original was processed. Every other
mention stays, even one that equals a surrogate in an edited or added line (recall first: someone
may have typed a real name there), and every other document keeps all its mentions; a short line in
common with some earlier output ('THERAPIST: Hi Maria.') proves nothing. Hashes become visible only at the end of the run that wrote them
(`Vault.promote_written`), so a run's output never depends on the order of its batches.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable, MutableMapping

from deid.model import Document, Mention
from deid.pseudo.vault import Vault

STRONG = ("PERSON", "ORGANIZATION", "LOCATION", "CONTACT", "ID")  # replaced in a line: proof of deid's output
SHARE = 0.8  # an edited output: at least this share of its non-blank lines are lines deid wrote
Key = Callable[[str, str], str]


def line_starts(lines: list[str]) -> list[int]:
    """Offset of each line of a text split on newlines."""
    out, pos = [], 0
    for line in lines:
        out.append(pos)
        pos += len(line) + 1
    return out


def _same_line_key(key: Key, doc: Document, line: str) -> str:
    return key("WRITTEN_SAME", f"{doc.id}\x1f{line}")


def written_rows(key: Key, label: Callable[[str], str], doc: Document, mentions: list[Mention],
                 new_text: str) -> list[tuple[str, int]]:
    """(hash, strong) rows for one rewritten document; none when the rewrite changed nothing."""
    if new_text == doc.text:
        return []
    rows = {key("WRITTEN_DOC", new_text): 1}
    old_lines, new_lines = doc.text.split("\n"), new_text.split("\n")
    if len(old_lines) == len(new_lines):
        starts = line_starts(old_lines)
        strong = {bisect_right(starts, m.start) - 1 for m in mentions if label(m.entity_type) in STRONG}
        for i, (a, b) in enumerate(zip(old_lines, new_lines)):
            if a != b and b.strip():
                h = key("WRITTEN_LINE", b)
                rows[h] = max(rows.get(h, 0), int(i in strong))
            elif b.strip():
                rows.setdefault(_same_line_key(key, doc, b), 0)
    else:  # a replacement changed the line count: changed lines are proofs, none a strong one
        old = set(old_lines)
        for b in new_lines:
            if b.strip() and b not in old:
                rows.setdefault(key("WRITTEN_LINE", b), 0)
    return sorted(rows.items())


def drop_proven(key: Key, vault: Vault, doc: Document, ms: list[Mention],
                counts: MutableMapping[str, int]) -> list[Mention]:
    """The mentions of one document that are not proven to be deid's own output."""
    lines = doc.text.split("\n")
    spans: dict[str, list[tuple[int, int]]] = {}
    for line, start in zip(lines, line_starts(lines)):
        if line.strip():
            spans.setdefault(key("WRITTEN_LINE", line), []).append((start, start + len(line)))
            spans.setdefault(_same_line_key(key, doc, line), []).append((start, start + len(line)))
    whole = key("WRITTEN_DOC", doc.text)
    found = vault.written([whole, *spans])
    if whole in found:
        counts["own_output_documents"] += 1
        counts["mentions_kept_in_own_output"] += len(ms)
        return []
    if not any(strong for h, strong in found.items() if h != whole):
        return ms
    proven = sorted(set(span for h in found for span in spans.get(h, [])))
    if len(proven) < SHARE * sum(1 for line in lines if line.strip()):
        return ms  # a line or two in common with some output: not deid's output
    counts["edited_own_output_documents"] += 1
    pstarts = [s for s, _ in proven]
    keep = []
    for m in ms:
        i = bisect_right(pstarts, m.start) - 1
        if i >= 0 and m.end <= proven[i][1]:
            counts["mentions_kept_in_own_output"] += 1
            continue
        keep.append(m)
    return keep
