"""CLI: vault placement rules, --reversible, `deid vault reveal`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from deid.cli import main
from pseudo_helpers import SECRET, doc, run_three_phases


@pytest.fixture(autouse=True)
def _keys(monkeypatch):
    monkeypatch.setenv("DEID_SECRET", SECRET.decode())
    monkeypatch.setenv("DEID_REVEAL_KEY", "reveal-key-0123456789abcdef")


def _input(tmp_path):
    src = tmp_path / "in" / "case-a"
    src.mkdir(parents=True)
    (src / "note.txt").write_text("Dana came in.", encoding="utf-8")
    return tmp_path / "in"


def test_cli_vault_inside_output_is_refused(tmp_path):
    res = CliRunner().invoke(main, ["run", str(_input(tmp_path)), str(tmp_path / "out"),
                                    "--vault", str(tmp_path / "out" / "v.db")])
    assert res.exit_code == 2 and "vault must not be inside OUTPUT" in res.output
    assert not (tmp_path / "out" / "v.db").exists()


def test_cli_vault_inside_input_is_refused(tmp_path):
    inp = _input(tmp_path)
    res = CliRunner().invoke(main, ["run", str(inp), str(tmp_path / "out"), "--vault", str(inp / "v.db")])
    assert res.exit_code == 2


def test_cli_reversible_needs_vault(tmp_path):
    res = CliRunner().invoke(main, ["run", str(_input(tmp_path)), str(tmp_path / "out"), "--reversible"])
    assert res.exit_code == 2 and "--reversible needs --vault" in res.output


def test_cli_vault_reveal_maps_surrogate_back(tmp_path, make_pseudo):
    path = tmp_path / "v.db"
    p = make_pseudo(vault=path, reversible=True, reveal_key=b"reveal-key-0123456789abcdef")
    out = run_three_phases(p, [(doc("Dana Whitfield at Lincoln High School"), [
        ("Dana Whitfield", "PERSON"), ("Lincoln High School", "ORGANIZATION")])])[0]
    p.close()
    res = CliRunner().invoke(main, ["vault", "reveal", str(path), out[0], out[1], "Nobody Known"])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines() == [f"{out[0]}\tDana Whitfield", f"{out[1]}\tLincoln High School",
                                       "Nobody Known\t?"]


def test_cli_vault_reveal_without_reveal_key_fails(tmp_path, make_pseudo, monkeypatch):
    path = tmp_path / "v.db"
    p = make_pseudo(vault=path, reversible=True, reveal_key=b"reveal-key-0123456789abcdef")
    run_three_phases(p, [(doc("Dana"), [("Dana", "PERSON")])])
    p.close()
    monkeypatch.delenv("DEID_REVEAL_KEY")
    res = CliRunner().invoke(main, ["vault", "reveal", str(path), "Anyone"])
    assert res.exit_code == 2 and "Traceback" not in res.output
