"""Errors claimgraph raises on purpose. Each message says what went wrong and what to do."""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base of every deliberate claimgraph error; the CLI prints its message on one line."""


class InputError(ClaimgraphError):
    """The input cannot be analysed as an article (empty, binary, too large, unreadable)."""


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class InputTooLargeError(InputError):
    pass


class UnsupportedLanguageError(InputError):
    pass


class ModelNotFoundError(ClaimgraphError):
    """The configured spaCy model is not installed."""


class AnalysisTimeoutError(ClaimgraphError):
    """An article took longer than the analyzer's per-document time budget; the batch goes on without it."""


class InternalAnalysisError(ClaimgraphError):
    """A bug met while analysing one article of a batch: reported as that article's failure (CLI exit code 1)."""
