"""CounselChat questions and therapist answers, 20200325_counsel_chat.csv (../shared/data/counsel_chat).

No gold: over-redaction only. Each distinct question (title + text) is one document and each
answer another; a question and its answers share a case.
"""

from __future__ import annotations

from pathlib import Path

from deid.evalsets.common import read_csv
from deid.evaluation import GoldDoc
from deid.errors import InputError

FILE = "20200325_counsel_chat.csv"
MARKER = FILE


def load(folder: Path) -> list[GoldDoc]:
    """Question documents then answer documents, in file order."""
    questions: dict[str, GoldDoc] = {}
    answers: list[GoldDoc] = []
    try:
        for n, r in enumerate(read_csv(folder / FILE)):
            qid = r["questionID"]
            if qid not in questions:
                text = f"{r['questionTitle'] or ''}\n{r['questionText'] or ''}\n"
                questions[qid] = GoldDoc(id=f"counsel_chat:q{qid}", case=f"counsel_chat:{qid}", text=text,
                                         kind="email", source="counsel_chat")
            answers.append(GoldDoc(id=f"counsel_chat:a{n:04d}", case=f"counsel_chat:{qid}",
                                   text=r["answerText"] or "", kind="letter", source="counsel_chat"))
    except KeyError:
        raise InputError(f"{FILE}: missing questionID/questionTitle/questionText/answerText column") from None
    return list(questions.values()) + answers
