"""Name lexicon: names NER misses (lower-case speech-to-text); common words only with context."""

from __future__ import annotations

import pytest

from recognizers.name_data import FIRST, LAST, fold, load_lexicon
from recognizers.name_lexicon import NameLexiconRecognizer


@pytest.fixture(scope="module")
def recognizer():
    return NameLexiconRecognizer()


def _found(analyzer, recognizer, text: str) -> set[str]:
    """Words the lexicon recognizer alone marks as PERSON."""
    arts = analyzer.engine.nlp_engine.process_text(text, "en")
    return {text[r.start:r.end] for r in recognizer.analyze(text, ["PERSON"], arts)}


@pytest.mark.parametrize("token,kind", [
    ("dana", FIRST), ("Priya", FIRST), ("kwame", FIRST), ("ngozi", FIRST), ("Siobhan", FIRST),
    ("whitfield", LAST), ("Nakamura", LAST), ("José", FIRST),
])
def test_name_lexicon_holds_names_of_several_cultures(token, kind):
    assert load_lexicon().kind(token) & kind


@pytest.mark.parametrize("token,kind", [
    ("chidi", FIRST), ("bongani", FIRST), ("unathi", FIRST), ("isiaka", FIRST), ("shubham", FIRST),
    ("subodh", FIRST), ("jimoh", LAST), ("uwizeye", LAST), ("sandqvist", LAST),
])
def test_name_lexicon_holds_frequent_names_per_country_from_names_dataset(token, kind):
    lex = load_lexicon()
    assert lex.kind(token) & kind and not lex.is_ambiguous(token)


@pytest.mark.parametrize("token", ["tiesiog", "biuro", "geras"])
def test_name_lexicon_marks_common_words_of_other_languages_ambiguous(token):
    lex = load_lexicon()
    assert lex.kind(token) and lex.is_ambiguous(token)


@pytest.mark.parametrize("token", ["mmh", "singapore", "oes"])
def test_name_lexicon_takes_no_fillers_fragments_or_places_from_names_dataset(token):
    assert not load_lexicon().kind(token)


@pytest.mark.parametrize("word", ["will", "hope", "grace", "may", "mark", "bill", "summer", "rose",
                                  "joy", "faith", "sue", "pat", "art", "chase", "brook", "long",
                                  "young", "white", "black", "green", "king", "june", "april"])
def test_name_lexicon_marks_common_words_ambiguous(word):
    lex = load_lexicon()
    assert lex.kind(word) and lex.is_ambiguous(word)


@pytest.mark.parametrize("name", ["dana", "marcus", "priya", "siobhan", "whitfield"])
def test_name_lexicon_plain_names_are_not_ambiguous(name):
    assert not load_lexicon().is_ambiguous(name)


def test_name_lexicon_fold_drops_case_and_accents():
    assert fold("JOSÉ") == "jose"


@pytest.mark.slow
@pytest.mark.parametrize("text,name", [
    ("i told dana about it and she just nodded", "dana"),
    ("me and marcus went to the lake", "marcus"),
    ("yeah so priya was there too", "priya"),
    ("i told will about the job", "will"),
    ("my friend grace was there the whole time", "grace"),
    ("grace said she was tired of it", "grace"),
    ("we went out with grace whitfield last night", "grace"),
    ("dana king came over after work", "king"),
    ("and then we called hope to ask", "hope"),
    ("I was talking with my sister, and then Mark showed up late.", "Mark"),
    ("GRACE: I don't know what to say.", "GRACE"),
    ("Client: Okonkwo, Grace\nDOB: unknown", "Grace"),
    ("After nine, Sandeep keeps the phone.", "Sandeep"),
    ("so then chidi came over and we just talked", "chidi"),
    ("the rose bush bongani planted has flowers now", "bongani"),
])
def test_name_lexicon_finds_names_in_context(analyzer, recognizer, text, name):
    assert name in _found(analyzer, recognizer, text)


@pytest.mark.slow
@pytest.mark.parametrize("text,word", [
    ("i will try to be there", "will"),
    ("i have a lot of hope about this", "hope"),
    ("by the grace of god we got through it", "grace"),
    ("i may go to the meeting", "may"),
    ("she got a good mark on the test", "mark"),
    ("the bill came to forty dollars", "bill"),
    ("we went there last summer", "summer"),
    ("it took a long time", "long"),
    ("my mom said no", "mom"),
    ("he went home early", "went"),
    ("Client: reports better sleep", "Client"),
    ("THERAPIST: How was the week?", "THERAPIST"),
    ("Notes on Grief and Duty", "Duty"),
    ("She scored 31 on the Beck Depression Inventory.", "Beck"),
    ("Her Irish grandmother raised her.", "Irish"),
    ("she is on call most nights", "most"),
    ("she would miss her Holy Communion that year", "Holy"),
    ("graded in-vivo exposure", "vivo"),
    ("the service was at Hope Lutheran Church", "Hope"),
])
def test_name_lexicon_leaves_common_words_without_context(analyzer, recognizer, text, word):
    assert word not in _found(analyzer, recognizer, text)


@pytest.mark.slow
@pytest.mark.parametrize("text,word", [
    ("Her father had Parkinson's disease.", "Parkinson"),
    ("We tried the Gottman method at home.", "Gottman"),
])
def test_name_lexicon_allow_list_words_survive(analyzer, text, word):
    assert not any(word in m.text for m in analyzer.analyze(text))


@pytest.mark.slow
def test_name_lexicon_is_registered_in_default_profile(analyzer):
    ms = analyzer.analyze("honestly i told dana about it yesterday")
    assert any(m.text == "dana" and m.entity_type == "PERSON" for m in ms)


def test_name_lexicon_file_holds_every_census_and_gender_guesser_name():
    from recognizers.name_data import PARTICLES, census_names, gender_guesser_names

    lex = load_lexicon()
    first, last = census_names()
    assert all(lex.kinds.get(t, 0) & FIRST for t in (first | gender_guesser_names()) - PARTICLES)
    assert all(lex.kinds.get(t, 0) & LAST for t in last - PARTICLES)


@pytest.mark.slow
def test_name_lexicon_rebuild_matches_shipped_file(tmp_path):
    pytest.importorskip("wordfreq")
    pytest.importorskip("english_words")
    pytest.importorskip("names_dataset")
    from recognizers.name_data import DATA_FILE, write_lexicon

    write_lexicon(tmp_path / "lex.tsv.gz", tmp_path / "common.txt.gz")
    assert load_lexicon.__wrapped__(str(tmp_path / "lex.tsv.gz")) == load_lexicon.__wrapped__(str(DATA_FILE))
