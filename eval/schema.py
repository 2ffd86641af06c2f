"""The evaluation set's schema: one JSON object per line -> validated `EvalQuestion`s.

In: a JSONL file (eval/questions.jsonl, or a user's own set passed with `--questions`).
Out: a list of frozen pydantic models, in file order. Every problem is reported as a
`ParseError` that names the file, the line and the field, so a hand-edited set is fixed in
one pass: "eval/questions.jsonl line 12, field 'route': Input should be 'retrieval', ...".

Pydantic lives here because this is where outside data enters (see STYLE.md). The rules
checked beyond types are the ones a metric would otherwise trip over silently: an
abstention item with gold units would count as a retrieval miss, a follow-up without its
history cannot be replayed, an answerable item without facts cannot be scored.

It deliberately does not check that unit IDs exist in an index: the same file can be
scored against any index, and tests/test_questions.py checks the shipped set against the
review's 18 units.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from rag.core.text import UNIT_ID_RE
from rag.core.errors import ConfigError, ParseError

CATEGORIES = ("abstract", "bibliographic", "figure", "reference", "paraphrase", "abbreviation",
              "treatment", "followup", "unanswerable")
ROUTES = ("retrieval", "glossary", "algorithm")

Category = Literal["abstract", "bibliographic", "figure", "reference", "paraphrase", "abbreviation",
                   "treatment", "followup", "unanswerable"]
Route = Literal["retrieval", "glossary", "algorithm"]

QUESTION_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class EvalQuestion(BaseModel):
    """One gold item. Field meanings are documented in eval/README.md."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    category: Category
    gold_units: tuple[str, ...]
    required_facts: tuple[tuple[str, ...], ...]
    abstain: bool
    route: Route
    history: tuple[str, ...] = ()
    notes: Optional[str] = None
    paraphrase_group: Optional[str] = None

    @field_validator("id")
    @classmethod
    def _id_is_a_slug(cls, value: str) -> str:
        if not QUESTION_ID_RE.match(value):
            raise ValueError(f"id must be lower-case words joined by '-', e.g. 'abs-s2-01', was: {value!r}")
        return value

    @field_validator("gold_units")
    @classmethod
    def _units_look_like_unit_ids(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [u for u in value if not UNIT_ID_RE.match(u)]
        if bad:
            raise ValueError(f"not unit IDs: {bad}; use e.g. 'abstract-s2', 'figure-2', 'reference-4'")
        if len(set(value)) != len(value):
            raise ValueError(f"duplicate unit IDs in {list(value)}")
        return value

    @field_validator("required_facts")
    @classmethod
    def _facts_have_alternatives(cls, value: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
        for i, fact in enumerate(value):
            if not fact or any(not alt.strip() for alt in fact):
                raise ValueError(f"fact {i} must be a non-empty list of non-empty strings, was: {list(fact)!r}")
        return tuple(tuple(alt.strip() for alt in fact) for fact in value)

    @field_validator("history")
    @classmethod
    def _history_has_text(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not turn.strip() for turn in value):
            raise ValueError(f"history turns must be non-empty, was: {list(value)!r}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> "EvalQuestion":
        if self.abstain and (self.gold_units or self.required_facts):
            raise ValueError("an abstain item has nothing to find: gold_units and required_facts must be []")
        if not self.abstain and not (self.gold_units and self.required_facts):
            raise ValueError("an answerable item needs at least one gold unit and one required fact")
        if self.category == "unanswerable" and not (self.abstain and self.route == "retrieval"):
            raise ValueError("category 'unanswerable' needs abstain: true and route: 'retrieval'")
        if self.category == "followup" and not self.history:
            raise ValueError("category 'followup' needs the preceding questions in history")
        return self


def load_questions(path: str | Path) -> list[EvalQuestion]:
    """Read and validate a JSONL evaluation set; blank lines are skipped.

    Raises ConfigError when the file is missing, ParseError (naming file, line and field)
    for bad JSON, a schema violation, a repeated id, or a file with no questions.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise ConfigError(f"Questions file not found: {path}; pass an existing JSONL file with --questions") from e
    except UnicodeDecodeError as e:
        raise ParseError(f"{path} is not UTF-8 text ({e}); save it as UTF-8") from e

    questions: list[EvalQuestion] = []
    first_line_of: dict[str, int] = {}
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            raise ParseError(f"{path} line {line_no}: invalid JSON ({e.msg} at column {e.colno}); "
                             "each line must be one JSON object") from e
        if not isinstance(data, dict):
            raise ParseError(f"{path} line {line_no}: expected a JSON object, got {type(data).__name__}")
        try:
            item = EvalQuestion.model_validate(data)
        except ValidationError as e:
            raise ParseError(f"{path} line {line_no}: {_describe(e)}") from e
        if item.id in first_line_of:
            raise ParseError(f"{path} line {line_no}: id {item.id!r} already used on line "
                             f"{first_line_of[item.id]}; ids must be unique")
        first_line_of[item.id] = line_no
        questions.append(item)
    if not questions:
        raise ParseError(f"{path} holds no questions; add one JSON object per line")
    return questions


def _describe(error: ValidationError) -> str:
    """Pydantic's errors as one line: "field 'route': Input should be ...; field 'id': ..."."""
    parts = []
    for err in error.errors():
        where = ".".join(str(p) for p in err["loc"]) or "record"
        message = err["msg"].removeprefix("Value error, ")
        parts.append(f"field {where!r}: {message}" if err["loc"] else message)
    return "; ".join(parts)
