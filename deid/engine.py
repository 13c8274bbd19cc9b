"""Everything one process needs to de-identify documents, built once from a Profile."""

from __future__ import annotations

import gc
import hashlib
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from presidio_anonymizer import AnonymizerEngine

from deid.analyze import Analyzer, Detection
from deid.config import Profile
from deid.model import Document, DocResult, Mention
from deid.pseudonyms import Pseudonymizer
from deid.pseudo.pseudonymizer import KNOWN_SURROGATE_MARKS
from deid.rewrite import build_anonymizer, rewrite
from deid import risk as risk_mod
from deid.pseudo.surrogates import preload
from recognizers.name_context import census_names


@dataclass
class Engine:
    """Analyzer + pseudonymizer + anonymizer for one process (never shared across processes)."""

    profile: Profile
    analyzer: Analyzer
    pseudo: Pseudonymizer
    anonymizer: AnonymizerEngine
    warm: bool = False

    @classmethod
    def build(cls, profile: Profile, secret: bytes, **pseudo_kwargs: Any) -> "Engine":
        """Load the model and build the engines."""
        pseudo = Pseudonymizer.from_profile(profile, secret, **pseudo_kwargs)
        analyzer = Analyzer.from_profile(profile)
        analyzer.skip = pseudo.is_known_surrogate  # deid's tags; its own output is dropped by vault proofs
        analyzer.skip_marks = KNOWN_SURROGATE_MARKS
        return cls(profile=profile, analyzer=analyzer, pseudo=pseudo, anonymizer=build_anonymizer())

    def detect(self, docs: list[Document]) -> list[list[Mention]]:
        """Phase 1: mentions of every document (batched through nlp.pipe), then case-level names."""
        texts = [d.text for d in docs]
        mentions = self.analyzer.analyze_many(texts)
        if self.profile.detection.propagate_case_names:
            mentions = self.analyzer.propagate_cases([d.case for d in docs], texts, mentions)
        return self.pseudo.drop_proven(docs, mentions)  # deid's own output (vault proofs) stays as it is

    def detect_full(self, docs: list[Document]) -> list[Detection]:
        """Phase 1 with the near misses the residual risk needs (one analyzer pass), then case-level names."""
        texts = [d.text for d in docs]
        dets = self.analyzer.detect_many(texts, self.profile.risk.residual_score_threshold)
        if self.profile.detection.propagate_case_names:
            spread = self.analyzer.propagate_cases([d.case for d in docs], texts, [d.mentions for d in dets])
            for det, ms in zip(dets, spread):
                det.mentions = ms
        for det, ms in zip(dets, self.pseudo.drop_proven(docs, [d.mentions for d in dets])):
            det.mentions = ms  # deid's own output (vault proofs) stays as it is
        return dets

    def warm_up(self) -> None:
        """Load what detection and key collection load lazily (no surrogate is assigned); once."""
        if self.warm:
            return
        self.warm = True
        doc = Document(id="warm-up", case="warm-up",
                       text="Dana Whitfield met Dr. Okafor in Tacoma, Washington on 14 March 2021.\n"
                            "CLIENT: i told my sister priya, she's 47, works as a nurse at St. Mary's "
                            "Hospital; call 555-0142 or dana@example.com, MRN 4471920.")
        self.collect([doc], self.detect([doc]))
        self.assess(doc.text)  # the quasi-identifier tables and their regex prefilters
        census_names(first_only=False)  # lower-case name checks ask for both lists
        census_names(first_only=True)
        preload(self.profile.pseudonyms.locale)  # phase 2's surrogate pools
        gc.collect()
        gc.freeze()  # loaded tables are permanent: later collections (and forked workers) skip them

    def collect(self, docs: list[Document], mentions: list[list[Mention]]) -> list[str]:
        """Phase 1b: entity keys for the serial surrogate assignment."""
        keys: list[str] = []
        for d, ms in zip(docs, mentions):
            keys.extend(self.pseudo.collect(d, ms))
        return keys

    def assign(self, keys: list[str]) -> None:
        """Phase 2 (serial, parent process only): surrogates for new keys, in document order."""
        self.pseudo.assign(keys)

    def record_written(self, results: list[DocResult]) -> None:
        """Parent: store the proofs of written documents in the vault (and drop them from memory)."""
        rows = [row for r in results if r.status == "ok" for row in r.written]
        for r in results:
            r.written = []
        self.pseudo.record_written(rows)

    def finish_run(self) -> None:
        """Parent, at the end of a run: this run's proofs of its own output become visible."""
        self.pseudo.promote_written()

    def pseudonym_state(self, since: int = 0) -> tuple[list[Any], int]:
        """Phase-2 assignments after journal position `since` (for the workers) and the new position."""
        return self.pseudo.export_state(since)

    def forget_pseudonym_journal(self, upto: int | None = None) -> None:
        """Drop journal entries already handed over (all of them when `upto` is None)."""
        self.pseudo.forget_journal(self.pseudo.journal_position() if upto is None else upto)

    def pseudonym_store(self) -> str:
        """Parent: the path of the state store worker processes read phase-2 assignments from."""
        return str(self.pseudo.state_store().path)

    def flush_pseudonyms(self) -> int:
        """Parent, after phase 2: hand the new assignments to the store; the journal position."""
        return self.pseudo.flush_to_store()

    def load_pseudonym_state(self, entries: list[Any]) -> None:
        """In a worker: take the parent's phase-2 assignments before phase 3."""
        self.pseudo.load_state(entries)

    def use_pseudonym_store(self, path: str, upto: int) -> None:
        """In a worker: read the parent's phase-2 assignments from its state store, as of `upto`."""
        self.pseudo.use_store_at(path, upto)  # the connection lives in the pseudonymizer's WorkerState

    def replace(self, doc: Document, mentions: list[Mention]) -> str:
        """Phase 3: the de-identified text of one document."""
        self.pseudo.ensure(doc, mentions)  # no-op after phase 2; never assigns in a worker
        return rewrite(self.anonymizer, self.pseudo, doc, mentions)

    def count(self, mentions: list[Mention]) -> dict[str, int]:
        """Counts of mentions by report label."""
        return dict(Counter(self.pseudo.label(m.entity_type) for m in mentions))

    def assess(self, text: str) -> "risk_mod.Risk":
        """Residual risk of an output text."""
        return risk_mod.assess(text, self)

    def assess_near(self, outputs: list[str], near: list[list[Mention]]) -> "risk_mod.Risk":
        """Residual risk of outputs joined by newlines, from phase 1's near misses (no second pass)."""
        return risk_mod.assess_detected(outputs, near, self)

    def process_documents(self, docs: list[Document]) -> tuple[list[str], list[list[Mention]]]:
        """All three phases in order for a small batch (one process)."""
        texts, dets = self.process_detected(docs)
        return texts, [d.mentions for d in dets]

    def process_detected(self, docs: list[Document]) -> tuple[list[str], list[Detection]]:
        """All three phases for a small batch, keeping the near misses for assess_near."""
        dets = self.detect_full(docs)
        mentions = [d.mentions for d in dets]
        self.pseudo.assign(self.collect(docs, mentions))
        return [self.replace(d, ms) for d, ms in zip(docs, mentions)], dets


def content_hash(data: bytes) -> str:
    """SHA-256 of input bytes, for --resume and the report."""
    return hashlib.sha256(data).hexdigest()


def new_result(path: str) -> DocResult:
    """A fresh result with its clock started."""
    r = DocResult(path=path, status="ok")
    r.seconds = time.perf_counter()
    return r
