"""Re-running over deid's own output: parts of its surrogates are not detected again (fictional).

The vault's surrogates are recognised only inside a document proven to be deid's output
(test_own_output_proofs.py); elsewhere only deid's tags are.
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


def _rerun_pseudo(make_pseudo, vault, texts_spans):
    first = make_pseudo(style="realistic", vault=str(vault))
    out = run_three_phases(first, texts_spans)
    first.close()
    return out, make_pseudo(style="realistic", vault=str(vault))


def test_known_id_surrogate_is_recognised_in_any_layout(tmp_path, make_pseudo):
    text = "MRN 4471-2290 on file."
    (out,), again = _rerun_pseudo(make_pseudo, tmp_path / "v.db", [(doc(text), [("4471-2290", "ID")])])
    assert out[0] != "4471-2290"
    assert again._is_vault_surrogate(out[0])
    assert again._is_vault_surrogate(out[0].replace("-", " "))


def test_known_place_surrogate_with_its_kind_word_is_recognised(tmp_path, make_pseudo):
    text = "From Quellport Falls, near Quellport."
    (out,), again = _rerun_pseudo(make_pseudo, tmp_path / "v.db",
                                  [(doc(text), [("Quellport Falls", "LOCATION"), ("Quellport", "LOCATION")])])
    assert out[0] == f"{out[1]} Falls"
    assert again._is_vault_surrogate(out[0])


def test_initial_and_known_surname_surrogate_is_recognised(tmp_path, make_pseudo):
    text = "Signed: Tavish Quillon. Later T. Quillon called."
    (out,), again = _rerun_pseudo(make_pseudo, tmp_path / "v.db",
                                  [(doc(text), [("Tavish Quillon", "PERSON"), ("T. Quillon", "PERSON")])])
    assert again._is_vault_surrogate(out[1])
    assert again._is_vault_surrogate("the " + out[0])


def test_known_surrogate_alone_is_no_reason_to_skip_a_mention(tmp_path, make_pseudo):
    text = "Signed: Tavish Quillon."
    (out,), again = _rerun_pseudo(make_pseudo, tmp_path / "v.db", [(doc(text), [("Tavish Quillon", "PERSON")])])
    assert again._is_vault_surrogate(out[0])
    assert not again.is_known_surrogate(out[0])  # a new document may name a real person so
