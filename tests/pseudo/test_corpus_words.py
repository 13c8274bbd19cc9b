"""No surrogate is a real name found anywhere in the corpus, even in a later batch or case."""

from __future__ import annotations

from deid.pseudo.corpus import BITS, CorpusWords
from pseudo_helpers import doc, run_three_phases

FIRST = "Session with Dana Whitfield. Dana said the week was hard."


def _dana(pseudo) -> str:
    return run_three_phases(pseudo, [(doc(FIRST, "c1"), [("Dana Whitfield", "PERSON"), ("Dana", "PERSON")])])[0][1]


def test_corpus_words_holds_words_and_capitalised_runs_only():
    words = CorpusWords(b"k" * 32)
    words.add_text("Met her at Maple Ridge High School on Monday.\nthe quiet harbour")
    for present in ("maple", "Maple Ridge High School", "Ridge High", "harbour", "QUIET"):
        assert present in words
    for absent in ("Maria", "quiet harbour", "at Maple", "Juniper Hill"):
        assert absent not in words


def test_corpus_words_memory_does_not_grow_with_the_corpus():
    words = CorpusWords(b"k" * 32)
    words.add_texts(f"Name{i} Surname{i} met Person{i}." for i in range(5000))
    assert len(words.bits) == BITS // 8
    assert "Name4321 Surname4321" in words


def test_surrogate_of_an_early_batch_is_never_a_real_name_of_a_later_batch(make_pseudo):
    surrogate = _dana(make_pseudo())
    later = f"Later {surrogate} Okonkwo phoned about the letter."
    pseudo = make_pseudo()
    pseudo.note_corpus([FIRST, later])  # the run reads the corpus once before phase 2
    got = _dana(pseudo)  # batch 1 is assigned before batch 2 is detected
    assert got != surrogate
    second = run_three_phases(pseudo, [(doc(later, "c2"), [(f"{surrogate} Okonkwo", "PERSON")])])[0][0]
    assert got not in second.split()
    assert pseudo.stats()["surrogate_rejected_corpus_word"] >= 1


def test_without_the_corpus_pass_the_clash_is_possible(make_pseudo):
    """What the corpus pass prevents (so the test above proves something)."""
    surrogate = _dana(make_pseudo())
    assert _dana(make_pseudo()) == surrogate


def test_tag_style_reads_no_corpus(make_pseudo):
    pseudo = make_pseudo(style="tag")
    pseudo.note_corpus([FIRST])
    assert pseudo._corpus is None


def test_real_name_in_a_later_run_equal_to_an_earlier_surrogate_is_replaced_and_counted(tmp_path, make_pseudo):
    vault = tmp_path / "v.db"
    surrogate = _dana(make_pseudo(vault=vault))
    later = make_pseudo(vault=vault)
    text = f"New client {surrogate} Okonkwo; Dana came too."
    got = run_three_phases(later, [(doc(text, "c9"), [(f"{surrogate} Okonkwo", "PERSON"), ("Dana", "PERSON")])])[0]
    assert got[1] == surrogate  # Dana keeps her surrogate (the vault)
    assert surrogate not in got[0].split()  # the real name gets one of its own
    assert later.stats()["real_name_equals_earlier_surrogate"] == 1
