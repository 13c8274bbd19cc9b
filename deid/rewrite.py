"""Phase 3: apply replacements to a document's text with presidio-anonymizer."""

from __future__ import annotations

from functools import partial

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from deid.model import Document, Mention
from deid.pseudonyms import DeidSurrogate, Pseudonymizer


def build_anonymizer() -> AnonymizerEngine:
    """An AnonymizerEngine with deid's surrogate operator registered."""
    engine = AnonymizerEngine()
    engine.add_anonymizer(DeidSurrogate)
    return engine


def rewrite(engine: AnonymizerEngine, pseudo: Pseudonymizer, doc: Document,
            mentions: list[Mention]) -> str:
    """Replace every mention in the document's text through the deid_surrogate operator."""
    if not mentions:
        return doc.text
    results = [RecognizerResult(m.entity_type, m.start, m.end, m.score) for m in mentions]
    resolve = partial(pseudo.surrogate, doc)
    operators = {
        t: OperatorConfig("deid_surrogate", {"resolve": resolve, "entity_type": t})
        for t in {m.entity_type for m in mentions}
    }
    # Each mention is replaced as collected: Presidio's merging of same-type neighbours across
    # whitespace would make spans phase 2 never keyed (and fail the document closed).
    return engine.anonymize(text=doc.text, analyzer_results=results, operators=operators,
                            merge_entities_with_spaces=False).text
