# `make demo`: fresh venv + install + de-identify sample_data/ into out/.
# `make test`: fresh venv + install + the whole test suite (what CI runs).
VENV ?= .venv
PY := $(VENV)/bin/python

$(PY):
	$$(scripts/find-python.sh) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

install: $(PY)
	$(PY) -m pip install --quiet -e '.[test]'

demo: install
	$(VENV)/bin/deid run sample_data/ out/ --report out/report.json

test: install
	$(PY) -m pytest -q -n 2 --dist loadfile

.PHONY: install demo test
