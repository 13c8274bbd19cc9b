"""Rebuild recognizers/data/drug_names.txt.gz from the pinned drug-named-entity-recognition package.

Usage: pip install -e '.[lexicon]' && python scripts/build_drug_list.py
"""

from recognizers.drug_data import DRUG_FILE, write_drugs

if __name__ == "__main__":
    n = write_drugs()
    print(f"wrote {n} drug names to {DRUG_FILE}")
