"""Phase 3 rewrites exactly the mentions phase 1 keyed (fictional text)."""

from __future__ import annotations

from deid.rewrite import build_anonymizer, rewrite

from pseudo_helpers import doc, mentions_for


def test_adjacent_same_type_mentions_across_whitespace_are_replaced_separately(make_pseudo):
    text = "Employers: Quellport Bakery  Vantor Logistics\n"
    d = doc(text)
    ms = mentions_for(text, [("Quellport Bakery", "ORGANIZATION"), ("Vantor Logistics", "ORGANIZATION")])
    p = make_pseudo(style="realistic")
    p.assign(p.collect(d, ms))
    out = rewrite(build_anonymizer(), p, d, ms)
    assert "Quellport" not in out and "Vantor" not in out
    assert out.count("Bakery") == 1 and out.count("Logistics") == 1
    assert "  " in out  # the gap between them is kept
