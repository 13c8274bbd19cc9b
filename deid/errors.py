"""One error hierarchy with stable codes; messages carry ids, types, offsets and counts only."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOT_SHAREABLE = 1  # also: some documents failed
EXIT_USAGE = 2


class DeidError(Exception):
    """Base of every deid error; ``code`` is stable, ``exit_code`` maps to the CLI."""

    code = "E000"
    exit_code = EXIT_USAGE

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class ConfigError(DeidError):
    """A profile or NLP configuration is invalid."""

    code = "E001"


class ModelNotInstalled(DeidError):
    """The configured spaCy pipeline is not installed; we never download one."""

    code = "E002"


class InputError(DeidError):
    """An input path is missing, unreadable or clashes with the output."""

    code = "E003"


class DocumentError(DeidError):
    """One document could not be processed (decode, parse, timeout); it is failed closed."""

    code = "E004"
    exit_code = EXIT_NOT_SHAREABLE


class UnsupportedFormat(DocumentError):
    """No reader is registered for this file type."""

    code = "E005"


class VaultError(DeidError):
    """The pseudonym vault cannot be opened or would be unsafe."""

    code = "E006"
