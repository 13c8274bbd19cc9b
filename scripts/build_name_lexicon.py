"""Rebuild recognizers/data/name_lexicon.tsv.gz from the pinned name packages.

Usage: pip install -e '.[lexicon]' && python scripts/build_name_lexicon.py
"""

from recognizers.name_data import DATA_FILE, write_lexicon

if __name__ == "__main__":
    n = write_lexicon()
    print(f"wrote {n} tokens to {DATA_FILE}")
