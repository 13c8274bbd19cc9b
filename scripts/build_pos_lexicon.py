"""Build recognizers/data/pos_lexicon.tsv.gz: each word's usual part of speech, from the md tagger.

    python scripts/build_pos_lexicon.py [--data ../shared/data] [--out recognizers/data/pos_lexicon.tsv.gz]

deid's default pipeline runs spaCy's NER without the tagger (the tagger and its tok2vec cost as
much as NER itself); recognizers that ask a token's part of speech get it from this table and
a few case rules (recognizers/pos_guess.py). The table is counted by running the same model's
tagger over public counselling text (AnnoMI utterances, CounselChat questions and answers, see
their READMEs in ../shared/data for licences). Only counts per word are kept, never text: a row
is ``word  pos_when_lower  pos_when_capitalised_mid_sentence  count``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def texts(data: Path) -> Iterator[str]:
    """Utterances and answers from the public counselling sets."""
    csv.field_size_limit(1 << 27)
    with open(data / "annomi" / "AnnoMI-simple.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield row["utterance_text"]
    with open(data / "counsel_chat" / "20200325_counsel_chat.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for col in ("questionTitle", "questionText", "answerText"):
                if row.get(col):
                    yield row[col]


def main() -> None:
    """Tag the texts and write the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "recognizers" / "data" / "pos_lexicon.tsv.gz")
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()

    import spacy

    from deid.analyze import resolve_model
    from deid.config import load_profile

    nlp = spacy.load(resolve_model(load_profile("default").nlp), exclude=["parser", "lemmatizer", "ner"])
    lower: dict[str, Counter[str]] = defaultdict(Counter)
    title: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in nlp.pipe(texts(args.data), batch_size=64):
        for tok in doc:
            if not tok.is_alpha:
                continue
            low = tok.lower_
            if tok.is_lower:
                lower[low][tok.pos_] += 1
            elif tok.i > 0 and not doc[tok.i - 1].is_punct and not doc[tok.i - 1].is_space:
                title[low][tok.pos_] += 1
    rows = []
    for word in sorted(set(lower) | set(title)):
        n = sum(lower[word].values()) + sum(title[word].values())
        if n < args.min_count:
            continue
        lo = lower[word].most_common(1)[0][0] if lower[word] else ""
        ti = title[word].most_common(1)[0][0] if title[word] else ""
        rows.append(f"{word}\t{lo}\t{ti}\t{n}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# word\tpos_lower\tpos_title\tcount  (scripts/build_pos_lexicon.py; md tagger on AnnoMI + CounselChat)\n")
        fh.write("\n".join(rows) + "\n")
    print(f"{len(rows)} words -> {args.out}")


if __name__ == "__main__":
    main()
