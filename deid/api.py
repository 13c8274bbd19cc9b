"""Python API: ``Pipeline.from_profile("research").process(text)``."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from deid.config import Profile, load_profile
from deid.engine import Engine
from deid.model import Document, Mention
from deid.secrets import load_secret


class Pipeline:
    """A loaded de-identification pipeline (model, recognizers, pseudonymizer) for one process."""

    def __init__(self, engine: Engine) -> None:
        """Wrap a built Engine; use from_profile to construct one."""
        self.engine = engine

    @classmethod
    def from_profile(cls, profile: str | Profile = "default", secret: bytes | None = None,
                     secret_file: str | Path | None = None, **pseudo_kwargs: Any) -> "Pipeline":
        """Load a profile by name or path and build its engines (loads the spaCy model)."""
        prof = profile if isinstance(profile, Profile) else load_profile(profile)
        if secret is None:
            secret, _ = load_secret(secret_file)
        return cls(Engine.build(prof, secret, **pseudo_kwargs))

    @property
    def profile(self) -> Profile:
        """The validated profile in use."""
        return self.engine.profile

    def analyze(self, text: str) -> list[Mention]:
        """Detected identifier spans of a text."""
        return self.engine.analyzer.analyze(text)

    def process(self, text: str, case: str = "default", doc_id: str = "text") -> str:
        """De-identify one text."""
        return self.process_many([text], case=case)[0]

    def process_many(self, texts: Sequence[str], case: str = "default") -> list[str]:
        """De-identify texts of one case (batched)."""
        docs = [Document(id=f"text-{i}", case=case, text=t) for i, t in enumerate(texts)]
        out, _ = self.engine.process_documents(docs)
        return out

    def process_dataframe(self, df: Any, columns: Sequence[str] | None = None,
                          case_column: str | None = None,
                          id_columns: dict[str, str] | None = None) -> Any:
        """Return a copy of a pandas DataFrame with the text columns de-identified.

        columns: text columns (default: every column holding text); id_columns: column -> entity
        type, each value replaced whole and consistently with the same value in the text;
        case_column: names each row's case. Other columns are untouched.
        """
        from deid.formats import detect_documents
        from deid.formats.pieces import rewrite_output
        from deid.formats.tables import TableInfo, TableOptions, apply_outputs, frame_documents

        options = TableOptions(tuple(columns or ()), tuple((id_columns or {}).items()), case_column)
        docs = frame_documents(df, options, "frame", "default", TableInfo("frame", ""))
        if not docs:
            return df.copy()
        mentions = detect_documents(self.engine.detect, docs)
        self.engine.assign(self.engine.collect(docs, mentions))
        outputs = [rewrite_output(self.engine.replace, d, ms) for d, ms in zip(docs, mentions)]
        return apply_outputs(df, docs, outputs)[0]
