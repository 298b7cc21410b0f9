"""A small error hierarchy; the CLI and UI turn these into user messages."""

from __future__ import annotations

from pathlib import Path


class AssistantError(Exception):
    """Base of every error the assistant reports to a user."""


class LoadError(AssistantError):
    """A file could not be read; ``reason`` is short and specific ("encrypted PDF")."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class IndexBusy(AssistantError):
    """Another ingest holds the index lock."""


class IndexMissing(AssistantError):
    """No index has been built yet at the configured path."""


class ModelMismatch(AssistantError):
    """The index was built with a different embedding model than the one configured."""


class ConfigError(AssistantError):
    """A setting has a value the assistant cannot use."""


class LLMError(AssistantError):
    """The configured chat model failed or timed out."""
