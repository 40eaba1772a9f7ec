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
