"""Re-running over deid's own output: parts of its surrogates are not detected again (fictional).

Only deid's tags are recognised in any text; realistic surrogates are left alone only where the
vault proves the text is deid's own output (test_own_output_proofs.py).
"""

from __future__ import annotations

from deid.model import Mention
from deid.spanfix import drop_known

from pseudo_helpers import doc, run_three_phases


def _m(text: str, surface: str, entity: str = "ORGANIZATION", rec: str = "FilteredSpacyRecognizer") -> Mention:
    i = text.index(surface)
    return Mention(i, i + len(surface), entity, 0.85, rec, surface)


def test_mention_inside_a_known_surrogate_is_dropped_others_kept():
    text = "Screening with Amber Crest Group suggests Quillon is low."
    known = {"amber crest group"}.__contains__
    ms = [_m(text, "Crest Group"), _m(text, "Quillon", "PERSON")]
    assert [m.text for m in drop_known(text, ms, lambda t: known(t.lower()))] == ["Quillon"]


def test_lower_case_ner_word_right_after_a_tag_is_dropped():
    text = "his old crew from the [LOCATION_5] marina came."
    ms = [_m(text, "marina", "LOCATION")]
    assert drop_known(text, ms, lambda t: False) == []


def test_span_of_tags_and_punctuation_only_is_known(make_pseudo):
    p = make_pseudo(style="tag")
    assert p.is_known_surrogate("[LOCATION_4], [LOCATION_5]")
    assert not p.is_known_surrogate("[LOCATION_4], Quellport")


def test_realistic_surrogate_alone_is_no_reason_to_skip_a_mention(tmp_path, make_pseudo):
    text = "Signed: Tavish Quillon."
    vault = str(tmp_path / "v.db")
    first = make_pseudo(style="realistic", vault=vault)
    (out,) = run_three_phases(first, [(doc(text), [("Tavish Quillon", "PERSON")])])
    first.close()
    again = make_pseudo(style="realistic", vault=vault)
    assert not again.is_known_surrogate(out[0])  # a new document may name a real person so
    assert again.is_known_surrogate("[PERSON_3]")
