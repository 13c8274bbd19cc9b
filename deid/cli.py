"""Command line: thin wrappers that parse options, call deid, render, and map exit codes."""

from __future__ import annotations

import dataclasses
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any, Callable

import click

from deid import errors
from deid.cli_vault import vault, vault_kwargs, vault_options
from deid.evalsets import DEFAULT_DATA_DIR, GOLD_SOURCES, NO_GOLD_SOURCES
from deid.log import setup as setup_logging

log = logging.getLogger("deid.cli")


def _verbosity(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("-v", "--verbose", count=True, help="-v progress and timings, -vv debug (never text).")(f)
    f = click.option("-q", "--quiet", is_flag=True, help="Only errors; no progress bar.")(f)
    return f


def _profile_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--profile", "profile", default="default", show_default=True,
                        help="Profile name (configs/profiles) or path to a YAML profile.")(f)


def _engine_spec(profile_name: str, roster: tuple[str, ...] = (), secret_file: str | None = None,
                 **extra: dict[str, Any]) -> Any:
    """The validated profile (with CLI overrides) and secret every process builds its engine from."""
    from deid.config import load_profile
    from deid.parallel import EngineSpec
    from deid.secrets import load_secret

    overrides: dict[str, Any] = dict(extra)
    if roster:
        prof0 = load_profile(profile_name)
        files = list(prof0.detection.roster.files) + [str(Path(r).resolve()) for r in roster]
        overrides["detection"] = {"roster": {"files": files}}
    profile = load_profile(profile_name, **overrides)
    secret, _ = load_secret(secret_file)
    return EngineSpec(profile, secret)


def _build_engine(profile_name: str, roster: tuple[str, ...] = (), secret_file: str | None = None,
                  spec: Any = None) -> Any:
    spec = spec or _engine_spec(profile_name, roster, secret_file)
    t = time.perf_counter()
    engine = spec.build()
    log.info("loaded profile %s and model in %.1fs", spec.profile.name, time.perf_counter() - t)
    return engine


def _table_overrides(columns: str | None, id_columns: tuple[str, ...], case_column: str | None) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    if columns:
        tables["columns"] = [c.strip() for c in columns.split(",") if c.strip()]
    if id_columns:
        tables["id_columns"] = dict((c.split(":", 1) + ["ID"])[:2] for c in id_columns)
    if case_column:
        tables["case_column"] = case_column
    return {"tables": tables} if tables else {}


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
@click.option("--workers", type=click.IntRange(min=0), default=None,
              help="Worker processes (default: profile run.workers; 0 = the machine's cores).")
@click.option("--resume", is_flag=True, help="Skip files whose content hash matches the --report of a previous run.")
@click.option("--columns", help="Table text columns, comma-separated (default: detect text columns).")
@click.option("--id-column", "id_columns", multiple=True, metavar="COL[:TYPE]",
              help="Table column pseudonymised as a whole (TYPE default ID, e.g. client:PERSON). Repeatable.")
@click.option("--case-column", help="Table column naming each row's case (consistent pseudonyms per case).")
@vault_options
@_verbosity
def run(input_path: Path, output_path: Path, profile: str, report_path: Path | None,
        roster: tuple[str, ...], secret_file: str | None, workers: int | None, resume: bool,
        columns: str | None, id_columns: tuple[str, ...], case_column: str | None,
        vault: Path | None, reversible: bool, reveal_key_file: str | None,
        verbose: int, quiet: bool) -> None:
    """De-identify INPUT (a file or folder) into OUTPUT, mirroring relative paths.

    Exit status: 0 all written, 1 some document failed (it is not written), 2 usage or input error.

    Example:

    \b
        deid run sample_data/ out/ --report out-report.json
    """
    from deid.report import text_summary, write_report
    from deid.runner import default_workers, plan_jobs, run as run_batch

    setup_logging(verbose, quiet)
    plan_jobs(input_path, output_path)  # validate before loading the model
    if resume and not report_path:
        raise click.UsageError("--resume needs --report (the previous run's report)")
    spec = _engine_spec(profile, roster, secret_file, **_table_overrides(columns, id_columns, case_column))
    spec = dataclasses.replace(spec, pseudo_kwargs=vault_kwargs(vault, reversible, reveal_key_file,
                                                                input_path, output_path))
    engine = _build_engine(profile, roster, secret_file, spec=spec)
    n = workers if workers is not None else spec.profile.run.workers
    report = run_batch(engine, input_path, output_path, progress=None if not quiet else False,
                       workers=n or default_workers(), spec=spec,
                       resume_from=report_path if resume else None)
    engine.pseudo.close()
    try:
        if report_path:  # streamed from the run's spool, so the report is never whole in memory
            summary = {**report.summary(), "pseudonyms": engine.pseudo.stats()}
            write_report(report.entries(), summary, report_path)
        if not quiet:
            click.echo(text_summary(report.summary()), err=True)
            for d in report.failed:
                click.echo(f"deid: failed: {d.path}: {d.error}", err=True)
        failed = bool(report.failed)
    finally:
        report.close()
    sys.exit(errors.EXIT_NOT_SHAREABLE if failed else errors.EXIT_OK)


@main.command("eval")
@click.argument("gold", type=click.Path(path_type=Path), required=False)
@_profile_option
@click.option("--baseline", type=click.Choice(["presidio"]), help="Also score plain Presidio, side by side.")
@click.option("--source", "sources", multiple=True, type=click.Choice(GOLD_SOURCES),
              help="A public set with gold spans, in --data-dir (repeatable).")
@click.option("--overredaction", multiple=True, type=click.Choice(NO_GOLD_SOURCES),
              help="Share of word tokens removed on a public set without gold (repeatable).")
@click.option("--limit", type=click.IntRange(min=1), help="Score a fixed-seed random sample of N documents per set.")
@click.option("--data-dir", type=click.Path(path_type=Path), default=str(DEFAULT_DATA_DIR), show_default=True,
              help="Folder holding the public sets.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@_verbosity
def eval_cmd(gold: Path | None, profile: str, baseline: str | None, sources: tuple[str, ...],
             overredaction: tuple[str, ...], limit: int | None, data_dir: Path, as_json: bool,
             verbose: int, quiet: bool) -> None:
    """Score detection against gold spans (token-level recall, precision, F2 per label; entity recall).

    GOLD is a JSONL corpus or a public set's folder (auto-detected); each set is reported separately.

    Example:

    \b
        deid eval ../shared/corpus/dev.jsonl --baseline presidio
        deid eval --source tab_echr_test --source asq_phi --limit 200 --baseline presidio
        deid eval --overredaction annomi
    """
    from deid.evalsets.run import plan, render, run as run_groups

    setup_logging(verbose, quiet)
    groups = plan(gold, sources, overredaction, data_dir, limit)
    systems = {f"deid ({profile})": profile}
    if baseline:
        systems["presidio (plain)"] = "presidio_baseline"
    results = run_groups(groups, {name: (lambda p=prof: _eval_engine(p)) for name, prof in systems.items()})
    if as_json:
        click.echo(json.dumps(results[groups[0].title] if len(groups) == 1 else results, indent=2))
    else:
        click.echo("\n\n".join(render(g, results[g.title]) for g in groups))


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


main.add_command(vault)
from deid.cli_check import register as _register_check  # noqa: E402  (deid check, deid score)
_register_check(main)

if __name__ == "__main__":
    main()
