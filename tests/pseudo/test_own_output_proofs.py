"""Idempotence without a recall hole: the vault proves which text is deid's own output (fictional)."""

from __future__ import annotations

from deid.model import Document, Mention
from deid.rewrite import build_anonymizer, rewrite
from pseudo_helpers import doc, mentions_for

ORIGINAL = ("Session 4 with Tavish Quillon on 14 March 2024.\n"
            "Tavish said Dr. Orlagh Brennick at Quellport Clinic helped.\n"
            "Next session on 21 March 2024.\n"
            "Mood: stable. Sleep: improving.\n"
            "Plan: continue weekly sessions.\n")
SPANS = [("Tavish Quillon", "PERSON"), ("14 March 2024", "DATE"), ("Tavish", "PERSON"),
         ("Orlagh Brennick", "PERSON"), ("Quellport Clinic", "ORGANIZATION"), ("21 March 2024", "DATE")]


def _first_run(make_pseudo, vault, text=ORIGINAL, spans=SPANS, doc_id="c1/s4.txt"):
    """One run: three phases, the rewrite, proofs kept and promoted at the end (as runner.run does)."""
    p = make_pseudo(vault=str(vault))
    d = Document(id=doc_id, case="c1", text=text)
    ms = mentions_for(text, spans)
    p.assign(p.collect(d, ms))
    out = rewrite(build_anonymizer(), p, d, ms)
    p.record_written(p.written_proofs(d, ms, out))
    p.promote_written()
    p.close()
    return out


def _found(text: str, surfaces: list[tuple[str, str]]) -> list[Mention]:
    return mentions_for(text, surfaces)


def _redetect(out: str) -> list[tuple[str, str]]:
    """What a detector finds again in the output: every name, organisation and date."""
    lines = out.splitlines()
    words = lines[0].split(" with ")[1].split(" on ")
    given, surname = words[0].split()
    date1 = words[1].rstrip(".")
    org = lines[1].split(" at ")[1].split(" helped")[0]
    doctor = lines[1].split("Dr. ")[1].split(" at ")[0]
    date2 = lines[2].split(" on ")[1].rstrip(".")
    return [(f"{given} {surname}", "PERSON"), (date1, "DATE"), (given, "PERSON"), (doctor, "PERSON"),
            (org, "ORGANIZATION"), (date2, "DATE")]


def test_document_deid_wrote_keeps_no_mention(tmp_path, make_pseudo):
    out = _first_run(make_pseudo, tmp_path / "v.db")
    again = make_pseudo(vault=str(tmp_path / "v.db"))
    d = Document(id="elsewhere.txt", case="other", text=out)  # moved or renamed: still proven
    assert again.drop_proven([d], [_found(out, _redetect(out))]) == [[]]
    assert again.stats()["own_output_documents"] == 1


def test_edited_output_keeps_lines_deid_wrote_and_detects_new_text(tmp_path, make_pseudo):
    out = _first_run(make_pseudo, tmp_path / "v.db")
    given = _redetect(out)[2][0]
    edited = out + f"Added later: {given} phoned. Marisol Quenby came too.\n"
    again = make_pseudo(vault=str(tmp_path / "v.db"))
    spans = _redetect(out) + [(given, "PERSON"), ("Marisol Quenby", "PERSON")]
    kept = again.drop_proven([Document(id="c1/s4.txt", case="c1", text=edited)], [_found(edited, spans)])[0]
    assert [m.text for m in kept] == [given, "Marisol Quenby"]  # new text: even a surrogate is replaced
    assert again.stats()["mentions_kept_in_own_output"] == 6
    assert again.stats()["edited_own_output_documents"] == 1


def test_a_new_document_sharing_one_line_with_an_output_keeps_every_mention(tmp_path, make_pseudo):
    out = _first_run(make_pseudo, tmp_path / "v.db")
    line = out.splitlines()[1]  # a strong line: it names a surrogate person and organisation
    new = f"Intake for a new client.\nReferred on 3 May 2024.\n{line}\nShe works nights.\n"
    again = make_pseudo(vault=str(tmp_path / "v.db"))
    spans = [("3 May 2024", "DATE")] + _redetect(out)[2:5]
    ms = _found(new, spans)
    assert again.drop_proven([doc(new)], [ms]) == [ms]


def test_a_new_document_naming_an_earlier_surrogate_keeps_every_mention(tmp_path, make_pseudo):
    out = _first_run(make_pseudo, tmp_path / "v.db")
    given = _redetect(out)[2][0]
    new = f"Intake: {given} Okonkwo, referred on 3 May 2024.\n"  # a real person with that given name
    again = make_pseudo(vault=str(tmp_path / "v.db"))
    ms = _found(new, [(f"{given} Okonkwo", "PERSON"), ("3 May 2024", "DATE")])
    assert again.drop_proven([doc(new)], [ms]) == [ms]
    assert not again.is_known_surrogate(f"{given} Okonkwo")


def test_a_line_with_only_a_shifted_date_proves_nothing(tmp_path, make_pseudo):
    text = "Notes.\nNext session on 21 March 2024.\n"
    out = _first_run(make_pseudo, tmp_path / "v.db", text, [("21 March 2024", "DATE")])
    line = out.splitlines()[1]
    new = f"Other notes.\n{line}\n"  # a new document that has the same line
    again = make_pseudo(vault=str(tmp_path / "v.db"))
    ms = _found(new, [(line.split(" on ")[1].rstrip("."), "DATE")])
    assert again.drop_proven([doc(new)], [ms]) == [ms]


def test_proofs_of_the_current_run_are_not_seen_before_it_ends(tmp_path, make_pseudo):
    p = make_pseudo(vault=str(tmp_path / "v.db"))
    d = doc(ORIGINAL)
    ms = mentions_for(ORIGINAL, SPANS)
    p.assign(p.collect(d, ms))
    out = rewrite(build_anonymizer(), p, d, ms)
    p.record_written(p.written_proofs(d, ms, out))
    found = _found(out, _redetect(out))
    assert p.drop_proven([doc(out)], [found]) == [found]  # order of batches cannot matter
    p.promote_written()
    assert p.drop_proven([doc(out)], [found]) == [[]]


def test_without_a_vault_nothing_is_recorded_or_dropped(make_pseudo):
    p = make_pseudo()
    d = doc(ORIGINAL)
    ms = mentions_for(ORIGINAL, SPANS)
    p.assign(p.collect(d, ms))
    out = rewrite(build_anonymizer(), p, d, ms)
    assert p.written_proofs(d, ms, out) == []
    assert p.drop_proven([doc(out)], [ms]) == [ms]


def test_proofs_hold_hashes_only(tmp_path, make_pseudo):
    import sqlite3

    _first_run(make_pseudo, tmp_path / "v.db")
    con = sqlite3.connect(str(tmp_path / "v.db"))
    rows = con.execute("SELECT hash FROM written").fetchall()
    con.close()
    assert rows and all(len(h) == 64 and int(h, 16) >= 0 for (h,) in rows)
