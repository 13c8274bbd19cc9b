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
                          case_column: str | None = None) -> Any:
        """Return a copy of a pandas DataFrame with the text columns de-identified."""
        import pandas as pd

        result = df.copy()
        cols = list(columns) if columns else [c for c in df.columns if pd.api.types.is_string_dtype(df[c])]
        for col in cols:
            values = df[col]
            mask = values.notna()
            texts = [str(v) for v in values[mask]]
            cases = [str(c) for c in df.loc[mask, case_column]] if case_column else ["default"] * len(texts)
            docs = [Document(id=f"{col}-{i}", case=c, text=t) for i, (t, c) in enumerate(zip(texts, cases))]
            new, _ = self.engine.process_documents(docs)
            result[col] = result[col].astype(object)
            result.loc[mask, col] = new
        return result
