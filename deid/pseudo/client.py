"""Who the client of a case is, from generic cues: the `tag` style writes them as [CLIENT].

Votes (weights) for PERSON mentions of a document, summed over the case; the person with the
most votes is the client. The roster's first entry outvotes everything when it occurs in the case.
- a client cue right before the name: "Client: Dana Whitfield", "the client, Dana", "patient
  Dana", "client's name is Dana" (3);
- a letter's subject line or a form's name field: "Re: Ms Dana Whitfield", "Name: Dana" (2);
- a named speaker label in a transcript whose other speaker is labelled as the therapist
  ("THERAPIST:" / "T:" / "COUNSELLOR:") and none as the client (2).
"""

from __future__ import annotations

import re
from typing import Sequence

from deid.model import Mention

ROSTER_WEIGHT = 100
_CUE = re.compile(r"(?i)\b(?:client|patient|service[ -]user|clt|pt)(?:'s\s+name(?:\s+is)?|\s+name|\s+(?:is|was|named|called))?"
                  r"[ \t*_]*[:,\-–—(]?[ \t*_]*(?:(?:mr|mrs|ms|mx|miss|dr)\.?[ \t]+)?$")
_FIELD = re.compile(r"(?im)^[ \t>*_-]*(?:re|subject|name|full name|client name|patient name)[ \t*_]*:[ \t*_]*"
                    r"(?:(?:mr|mrs|ms|mx|miss|dr)\.?[ \t]+)?$")
_STAMP = r"(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?[ \t]*)?"
_THERAPIST = re.compile(r"(?im)^[ \t]*" + _STAMP + r"(?:\[|<v[ \t]+)?(?:\*\*)?(?:therapist|counsell?or|clinician|"
                        r"psychologist|psychotherapist|th|t)(?:\*\*)?[ \t]*[:\]>]")
_CLIENT_ROLE = re.compile(r"(?im)^[ \t]*" + _STAMP + r"(?:\[|<v[ \t]+)?(?:\*\*)?(?:client|patient|c|cl|p|pt)"
                          r"(?:\*\*)?[ \t]*[:\]>]")
_LABEL_BEFORE = re.compile(r"[ \t]*" + _STAMP + r"(?:\[|<v[ \t]+)?(?:\*\*)?")
_LABEL_AFTER = re.compile(r"^(?:\*\*)?[ \t]*[:\]>]")


def client_votes(text: str, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """(index into mentions, weight) for PERSON mentions that cues mark as the client."""
    out: list[tuple[int, int]] = []
    speakers = bool(_THERAPIST.search(text)) and not _CLIENT_ROLE.search(text)
    for i, m in enumerate(mentions):
        line_before = text[text.rfind("\n", 0, m.start) + 1:m.start]
        if _CUE.search(line_before):
            out.append((i, 3))
        elif _FIELD.search(line_before):
            out.append((i, 2))
        elif speakers and _LABEL_BEFORE.fullmatch(line_before) and _LABEL_AFTER.match(text[m.end:m.end + 4]):
            out.append((i, 2))
    return out
