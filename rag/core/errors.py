"""The project's error hierarchy.

Every foreseeable failure is one of these, with a message that names the bad value and
says how to fix it. The CLIs and the app catch `RagError` and show the message; users never
see a traceback for a problem they can act on.
"""

from __future__ import annotations


class RagError(Exception):
    """Base class: any error a user can act on."""


class ConfigError(RagError):
    """A setting is out of range or malformed (e.g. an environment variable)."""


class ParseError(RagError):
    """A seed page cannot be turned into an article (missing title, abstract, bad bytes)."""


class IndexMissingError(RagError):
    """No index at the configured place."""


class IndexStaleError(RagError):
    """The index exists but does not match the seeds or the settings it was built with."""


class IndexCorruptError(IndexStaleError):
    """An index file is missing, truncated, edited or malformed since its build.

    A kind of stale index, so everything that rebuilds a stale index (`python -m ingest`,
    the app's start-up) rebuilds a corrupt one too without knowing the difference.
    """


class InvalidInputError(RagError, ValueError):
    """Input that cannot be used: a question, or an argument that is not a question.

    One base so that the CLI maps every such mistake to exit code 2 without listing each
    kind; a ValueError too, so callers that catch ValueError keep working.
    """


class InvalidQuestionError(InvalidInputError):
    """A question that cannot be asked: empty, too long, or not text."""


class InvalidArgumentError(InvalidInputError):
    """An argument that is not a question and cannot be used: a blank abbreviation to look
    up, an out-of-range `python -m rag algorithm` flag, text of the wrong type."""
