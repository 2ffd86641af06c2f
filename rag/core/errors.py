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


class InvalidQuestionError(RagError, ValueError):
    """A question that cannot be asked: empty, too long, or not text."""


class UnknownUnitError(RagError, KeyError):
    """A unit ID that the index does not hold."""

    def __str__(self) -> str:  # KeyError would otherwise repr() the message
        return str(self.args[0]) if self.args else ""
