"""Logging setup that keeps third-party loggers (which may print text) capped at WARNING."""

from __future__ import annotations

import logging
import sys

NOISY = ("presidio-analyzer", "presidio-anonymizer", "decision_process", "spacy", "faker", "tldextract")


def setup(verbosity: int = 0, quiet: bool = False) -> None:
    """Configure deid's logger for the CLI: -v INFO, -vv DEBUG; third parties stay at WARNING+."""
    level = logging.WARNING
    if quiet:
        level = logging.ERROR
    elif verbosity == 1:
        level = logging.INFO
    elif verbosity >= 2:
        level = logging.DEBUG
    root = logging.getLogger("deid")
    root.handlers.clear()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("deid %(levelname)s %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    root.propagate = False
    cap_third_party()


def cap_third_party() -> None:
    """Cap loggers of libraries that log document text at debug level."""
    for name in NOISY:
        lg = logging.getLogger(name)
        lg.setLevel(max(lg.level, logging.ERROR if name == "decision_process" else logging.WARNING))
