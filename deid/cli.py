"""Command line: thin wrappers that parse options, call deid, render, and map exit codes."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Any, Callable

import click

from deid import errors
from deid.log import setup as setup_logging

log = logging.getLogger("deid.cli")


def _verbosity(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("-v", "--verbose", count=True, help="-v progress and timings, -vv debug (never text).")(f)
    f = click.option("-q", "--quiet", is_flag=True, help="Only errors; no progress bar.")(f)
    return f


def _profile_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--profile", "profile", default="default", show_default=True,
                        help="Profile name (configs/profiles) or path to a YAML profile.")(f)


def _build_engine(profile_name: str, roster: tuple[str, ...] = (), secret_file: str | None = None) -> Any:
    from deid.config import load_profile
    from deid.engine import Engine
    from deid.secrets import load_secret

    overrides: dict[str, Any] = {}
    if roster:
        prof0 = load_profile(profile_name)
        files = list(prof0.detection.roster.files) + [str(Path(r).resolve()) for r in roster]
        overrides["detection"] = {"roster": {"files": files}}
    profile = load_profile(profile_name, **overrides)
    secret, _ = load_secret(secret_file)
    t = time.perf_counter()
    engine = Engine.build(profile, secret)
    log.info("loaded profile %s and model in %.1fs", profile.name, time.perf_counter() - t)
    return engine


class DeidGroup(click.Group):
    """Click group that turns deid errors into one-line messages and exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; DeidError -> message on stderr, its exit code; no traceback."""
        try:
            return super().invoke(ctx)
        except errors.DeidError as exc:
            click.echo(f"deid: error: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=DeidGroup)
@click.version_option(package_name="deid")
def main() -> None:
    """De-identify psychotherapy transcripts, notes and tables before they are shared."""


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.argument("output_path", metavar="OUTPUT", type=click.Path(path_type=Path))
@_profile_option
@click.option("--report", "report_path", type=click.Path(path_type=Path), help="Write the JSON report here.")
@click.option("--roster", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Names that must always be removed (CSV or text, one per line). Repeatable.")
@click.option("--secret-file", type=click.Path(exists=True, dir_okay=False),
              help="Key file for pseudonyms (default: env DEID_SECRET).")
@_verbosity
def run(input_path: Path, output_path: Path, profile: str, report_path: Path | None,
        roster: tuple[str, ...], secret_file: str | None, verbose: int, quiet: bool) -> None:
    """De-identify INPUT (a file or folder) into OUTPUT, mirroring relative paths.

    Exit status: 0 all written, 1 some document failed (it is not written), 2 usage or input error.

    Example:

    \b
        deid run sample_data/ out/ --report out-report.json
    """
    from deid.report import text_summary, write_json
    from deid.runner import plan_jobs, run as run_batch

    setup_logging(verbose, quiet)
    plan_jobs(input_path, output_path)  # validate before loading the model
    engine = _build_engine(profile, roster, secret_file)
    report = run_batch(engine, input_path, output_path, progress=None if not quiet else False)
    if report_path:
        write_json(report.to_dict(), report_path)
    if not quiet:
        click.echo(text_summary(report.summary()), err=True)
        for d in report.failed:
            click.echo(f"deid: failed: {d.path}: {d.error}", err=True)
    sys.exit(errors.EXIT_NOT_SHAREABLE if report.failed else errors.EXIT_OK)


@main.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@_profile_option
@click.option("--baseline", type=click.Choice(["presidio"]), help="Also score plain Presidio, side by side.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@_verbosity
def eval_cmd(gold: Path, profile: str, baseline: str | None, as_json: bool, verbose: int, quiet: bool) -> None:
    """Score detection against a gold JSONL corpus (token-level recall, precision, F2 per label).

    Example:

    \b
        deid eval ../shared/corpus/dev.jsonl --baseline presidio
    """
    from deid.evaluation import format_table, load_gold, predict, score

    setup_logging(verbose, quiet)
    docs = load_gold(gold)
    systems = {f"deid ({profile})": profile}
    if baseline:
        systems["presidio (plain)"] = "presidio_baseline"
    from deid.eval_risk import format_risk, risk_metrics

    results = {}
    for name, prof in systems.items():
        engine = _eval_engine(prof)
        preds, outputs = predict(engine, docs)
        results[name] = score(docs, preds)
        if prof == profile:
            results[name]["risk"] = risk_metrics(engine, docs, outputs)
    if as_json:
        click.echo(json.dumps(results, indent=2))
    else:
        click.echo(f"{gold.name}: {len(docs)} documents (token level; entR = entity-level recall)")
        click.echo(format_table(results))
        for name, res in results.items():
            if "risk" in res:
                click.echo(f"{name} {format_risk(res['risk'])}")


def _eval_engine(profile: str) -> Any:
    from deid.config import load_profile
    from deid.engine import Engine

    return Engine.build(load_profile(profile), b"deid-eval-fixed-secret-0000000000")


@main.command("profiles")
@click.argument("name", required=False)
def profiles(name: str | None) -> None:
    """List profiles, or print one fully resolved (after ``extends:``).

    Example:

    \b
        deid profiles research
    """
    import yaml

    from deid.config import list_profiles, load_profile

    if not name:
        for p in list_profiles():
            click.echo(p)
        return
    click.echo(yaml.safe_dump(load_profile(name).model_dump(), sort_keys=False))


from deid.cli_check import register as _register_check  # noqa: E402  (deid check, deid score)
_register_check(main)

if __name__ == "__main__":
    main()
