"""How many words a per-process memo (word -> fact about it) holds before it is cleared.

Several hot paths remember a fact per distinct word or lemma (name lexicon, part-of-speech
guess, keyword parts). Each new document brings new words (names, e-mails, typos), so an
unbounded memo grows with the corpus. Cleared when full, a memo of this size keeps the common
words of any batch and stops memory growing from 1,000 to 10,000 documents (docs/benchmark.md).
"""

WORD_MEMO_MAX = 20_000
