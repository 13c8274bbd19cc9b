"""`deid check` (a CI / pre-commit gate) and `deid score` (documents by risk): thin click commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from deid import errors
from deid.log import setup as setup_logging


def build_analyzer(profile: Any) -> Any:
    """The detection engine for the residual scan (loads the spaCy model; tests substitute theirs)."""
    from deid.analyze import Analyzer

    return Analyzer.from_profile(profile)


def _assess(paths: tuple[Path, ...], profile_name: str, vault: Path | None) -> tuple[Any, list[Any]]:
    """Expand paths, load the profile and model once, assess every document."""
    from deid.config import load_profile
    from deid.risk.gate import check_files, expand
    from deid.risk.surrogates import known_surrogates

    if not paths:
        raise errors.InputError("no PATH given")
    files = expand(list(paths))  # validate before loading the model
    known = known_surrogates(vault)
    profile = load_profile(profile_name)
    labels = dict(profile.detection.labels)
    analyzer = build_analyzer(profile)
    return profile, check_files(files, profile, analyzer, lambda t: labels.get(t, t), known)


_paths = click.argument("paths", metavar="PATH...", nargs=-1, type=click.Path(path_type=Path))
_profile = click.option("--profile", "profile", default="default", show_default=True,
                        help="Profile (audience + thresholds): default, talk, research, internal, or a YAML path.")
_vault = click.option("--vault", type=click.Path(path_type=Path),
                      help="Pseudonym vault: surrogates deid wrote are not reported as leftovers.")


@click.command("check")
@_paths
@_profile
@_vault
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text",
              show_default=True, help="Output: text, json, sarif (2.1.0) or github (workflow annotations).")
@click.option("-v", "--verbose", count=True, help="-v progress and timings (never text).")
def check(paths: tuple[Path, ...], profile: str, vault: Path | None, fmt: str, verbose: int) -> None:
    """Check that de-identified files may be shared with the profile's audience.

    Exit status: 0 every document is shareable, 1 some document is not (or could not be read),
    2 usage or input error.

    Example:

    \b
        deid check shareable/ --profile talk --format sarif > deid.sarif
    """
    from deid.check_report import render_github, render_json, render_sarif, render_text

    setup_logging(verbose, True)
    prof, results = _assess(paths, profile, vault)
    render = {"text": lambda: render_text(results), "json": lambda: render_json(results, prof.name),
              "sarif": lambda: render_sarif(results, prof.name), "github": lambda: render_github(results)}
    click.echo(render[fmt]())
    sys.exit(errors.EXIT_OK if all(c.shareable for c in results) else errors.EXIT_NOT_SHAREABLE)


@click.command("score")
@_paths
@_profile
@_vault
@click.option("-v", "--verbose", count=True, help="-v progress and timings (never text).")
def score(paths: tuple[Path, ...], profile: str, vault: Path | None, verbose: int) -> None:
    """Print a table of documents by re-identification risk, highest first.

    Example:

    \b
        deid score out/
    """
    from deid.check_report import render_score_table

    setup_logging(verbose, True)
    _, results = _assess(paths, profile, vault)
    click.echo(render_score_table(results))


def register(group: click.Group) -> None:
    """Add `check` and `score` to the deid command group."""
    for cmd in (check, score):
        group.add_command(cmd)
