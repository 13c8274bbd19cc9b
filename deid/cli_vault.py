"""`deid run` vault options and the `deid vault reveal` command."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import click

from deid.errors import InputError


def vault_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--vault, --reversible and --reveal-key-file for `deid run`."""
    f = click.option("--reveal-key-file", type=click.Path(exists=True, dir_okay=False),
                     help="Second key for --reversible (default: env DEID_REVEAL_KEY).")(f)
    f = click.option("--reversible", is_flag=True,
                     help="Also store originals in the vault, encrypted under the reveal key.")(f)
    f = click.option("--vault", type=click.Path(path_type=Path),
                     help="SQLite vault (key -> surrogate) reused across runs; never inside OUTPUT.")(f)
    return f


def _inside(child: Path, parent: Path) -> bool:
    try:
        child.resolve().relative_to(parent.resolve())
        return True
    except ValueError:
        return False


def vault_kwargs(vault_path: Path | None, reversible: bool, reveal_key_file: str | None,
                 input_path: Path, output_path: Path) -> dict[str, Any]:
    """Validate vault options and return Pseudonymizer keyword arguments."""
    if reversible and vault_path is None:
        raise InputError("--reversible needs --vault")
    if vault_path is None:
        return {}
    out_dir = output_path if output_path.is_dir() or not output_path.suffix else output_path.parent
    if _inside(vault_path, out_dir):
        raise InputError("the vault must not be inside OUTPUT")
    if input_path.is_dir() and _inside(vault_path, input_path):
        raise InputError("the vault must not be inside INPUT")
    kwargs: dict[str, Any] = {"vault": vault_path}
    if reversible:
        from deid.pseudo.crypto import load_reveal_key

        kwargs.update(reversible=True, reveal_key=load_reveal_key(reveal_key_file))
    return kwargs


@click.group()
def vault() -> None:
    """Work with a pseudonym vault (made by `deid run --vault`)."""


@vault.command("reveal")
@click.argument("vault_path", metavar="VAULT", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("surrogates", nargs=-1, required=True)
@click.option("--secret-file", type=click.Path(exists=True, dir_okay=False),
              help="Key file the vault was made with (default: env DEID_SECRET).")
@click.option("--reveal-key-file", type=click.Path(exists=True, dir_okay=False),
              help="Second key (default: env DEID_REVEAL_KEY).")
def reveal(vault_path: Path, surrogates: tuple[str, ...], secret_file: str | None,
           reveal_key_file: str | None) -> None:
    """Map surrogates back to originals (needs the secret and the reveal key).

    Prints one line per surrogate: SURROGATE<TAB>ORIGINAL ('?' when unknown).

    Example:

    \b
        deid vault reveal pseudonyms.db "Maria Lopez" "Maple Ridge High School"
    """
    from deid.pseudo.reveal import reveal_all
    from deid.secrets import load_secret
    from deid.pseudo.crypto import load_reveal_key

    secret, persistent = load_secret(secret_file)
    if not persistent:
        raise InputError("reveal needs the vault's secret (DEID_SECRET or --secret-file)")
    for surrogate, original in reveal_all(vault_path, secret, load_reveal_key(reveal_key_file), surrogates):
        click.echo(f"{surrogate}\t{original if original is not None else '?'}")
