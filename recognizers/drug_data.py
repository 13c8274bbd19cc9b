"""Drug names (generic and brand) that must survive de-identification, built once, loaded fast.

Build (``python scripts/build_drug_list.py``, needs ``pip install '.[lexicon]'``) reads the drug
dictionary shipped in the pinned ``drug-named-entity-recognition`` package (MedlinePlus, MeSH,
DrugBank and NHS names) and keeps single-word names that are not also a person name in the name
lexicon, a place in the gazetteer, a month or weekday, or a stop word: "prazosin", "Zoloft",
"lamotrigine" stay, "Allegra" and "Camila" do not (they are names first). Run time only reads
``recognizers/data/drug_names.txt.gz``.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

DRUG_FILE = Path(__file__).parent / "data" / "drug_names.txt.gz"
_DRUG_WORD = re.compile(r"^[a-z][a-z-]{3,}[a-z]$")
# Words of a dose or schedule that follow a drug name ("prazosin 2 mg nocte", "Seroquel XR 50mg").
DOSE_WORDS = frozenset("""mg mcg ug µg g gram grams ml mls iu unit units tab tabs tablet tablets cap caps
capsule capsules puff puffs drop drops patch patches dose doses nocte mane bd bid tds tid qds qid od qd
qhs hs prn stat po iv im sc sl pr daily nightly weekly twice once am pm morning evening night xr xl er
sr cr la odt ir depot inj injection mr and or""".split())


@lru_cache(maxsize=1)
def load_drugs(path: str | None = None) -> frozenset[str]:
    """Lower-case single-word drug names, read once per process (empty when the file is absent)."""
    p = Path(path) if path else DRUG_FILE
    if not p.exists():
        return frozenset()
    with gzip.open(p, "rt", encoding="utf-8") as fh:
        return frozenset(w for w in fh.read().split("\n") if w and not w.startswith("#"))


# ---- build (needs the [lexicon] extra) -------------------------------------------------------

def build_rows() -> list[str]:
    """Single-word drug names from the pinned package, minus names, places and calendar words."""
    import bz2
    import pickle  # noqa: S403 - the pinned package's own data file, read at build time only
    from importlib import resources

    from spacy.lang.en.stop_words import STOP_WORDS

    from recognizers.gazetteer_recognizer import gazetteer
    from recognizers.name_data import calendar_words, load_lexicon

    src = resources.files("drug_named_entity_recognition") / "drug_ner_dictionary.pkl.bz2"
    with bz2.open(str(src), "rb") as fh:
        data = pickle.load(fh)  # noqa: S301
    lexicon = load_lexicon()
    places, _ = gazetteer()
    skip = calendar_words() | {w.lower() for w in STOP_WORDS} | DOSE_WORDS
    out = set()
    for variant in data["drug_variant_to_canonical"]:
        w = variant.strip().lower()
        if not _DRUG_WORD.match(w) or w in skip or w in places or lexicon.kind(w):
            continue
        out.add(w)
    return sorted(out)


def write_drugs(path: Path = DRUG_FILE) -> int:
    """Build and write the drug list (gzip, deterministic); returns the number of names."""
    rows = build_rows()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    header = ("# single-word drug names; built by scripts/build_drug_list.py from "
              "drug-named-entity-recognition, minus person names, places and calendar words\n")
    with gzip.GzipFile(tmp, "wb", mtime=0) as raw:
        raw.write((header + "".join(f"{w}\n" for w in rows)).encode("utf-8"))
    tmp.replace(path)
    return len(rows)
