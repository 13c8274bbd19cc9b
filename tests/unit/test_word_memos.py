"""Per-process word memos stay bounded however many new words a corpus brings."""

from __future__ import annotations

import deid.nlp_engine as nlp_engine
import recognizers.name_lexicon as name_lexicon
import recognizers.pos_guess as pos_guess
from deid.model import Document


def test_word_memos_never_hold_more_than_their_bound(engine, monkeypatch):
    monkeypatch.setattr(nlp_engine, "_KEYWORDS_MAX", 50)
    monkeypatch.setattr(name_lexicon, "_KNOWN_MAX", 50)
    monkeypatch.setattr(pos_guess, "_MEMO_MAX", 50)
    words = " ".join(f"Zorvath{i} met Quillon{i} in Brennick{i}." for i in range(120))  # 360 new words
    engine.detect([Document(id="m", case="m", text=words)])
    lexicon = [r for r in engine.analyzer.engine.registry.recognizers if isinstance(r, name_lexicon.NameLexiconRecognizer)]
    memos = [r._known for r in lexicon] + [nlp_engine._KEYWORDS, pos_guess._MEMO, pos_guess._FACTS]
    assert lexicon and all(0 < len(m) <= 51 for m in memos)  # used, and cleared when full
