"""Plain typed values that flow between the pipeline stages.

A `SourceUnit` is the smallest citable piece of a seed page (one abstract sentence, one
figure caption, one reference, ...). Everything downstream (chunks, glossary entries,
algorithm citations, answers) refers to units by their stable, human-readable `id`.
These types carry no behaviour beyond (de)serialisation, so every module can import them
without pulling in torch or FAISS.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Section names a unit can have, in reading order; also used to order citations.
SECTIONS = ("citation", "abstract", "keywords", "coi", "figure", "reference")


@dataclass(frozen=True)
class SourceUnit:
    """One citable passage of a seed page.

    `text` is `seed[start:end]` with whitespace runs collapsed to one space (NBSP included),
    except for the `citation` unit, whose text is composed from the bibliographic fields;
    their own spans are in `metadata["fields"]`.
    """

    id: str
    doc_key: str
    section: str
    label: str
    text: str
    start: int
    end: int
    metadata: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "SourceUnit":
        return cls(**data)


@dataclass(frozen=True)
class Article:
    """The bibliographic record of one seed page plus its units."""

    doc_key: str
    title: str
    first_author: str
    journal: str
    year: int
    volume: str
    issue: str
    pages: str
    doi: str
    epub_date: str
    article_type: str
    keywords: tuple[str, ...]
    source_name: str
    units: tuple[SourceUnit, ...]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["keywords"] = list(self.keywords)
        data["units"] = [u.to_dict() for u in self.units]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        data = dict(data)
        data["keywords"] = tuple(data["keywords"])
        data["units"] = tuple(SourceUnit.from_dict(u) for u in data["units"])
        return cls(**data)


@dataclass(frozen=True)
class Chunk:
    """A retrieval unit: text that is embedded and indexed, and the unit IDs it covers.

    `text` is what the retriever sees (unit text with its section context); citations
    always resolve through `unit_ids`, never through the chunk text.
    """

    id: str
    text: str
    unit_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "unit_ids": list(self.unit_ids)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Chunk":
        return cls(id=data["id"], text=data["text"], unit_ids=tuple(data["unit_ids"]))


@dataclass(frozen=True)
class Citation:
    """A cited unit as a reader checks it: where it is, what it says, which part answers.

    `span` is (start, end) into `text`: the part of the unit that answers the question,
    for highlighting. `links` lists the outside links the page showed (references only).
    """

    unit_id: str
    section: str
    label: str
    text: str
    span: tuple[int, int]
    score: float = 0.0
    links: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span)
        data["links"] = list(self.links)
        return data


@dataclass(frozen=True)
class Answer:
    """What `rag.ask` returns, whatever the route.

    `answer` is markdown with inline `[unit-id]` citations. When `abstained` is true the
    answer says the review's indexed text does not address the question and `related`
    lists the closest passages (not as support). `dot` holds the treatment algorithm's
    Graphviz graph when the route is "algorithm".
    """

    question: str
    route: str  # "retrieval" | "glossary" | "algorithm"
    answer: str
    citations: tuple[Citation, ...] = ()
    abstained: bool = False
    retrieved: tuple[tuple[str, float], ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)
    rewritten_question: str = ""
    related: tuple[Citation, ...] = ()
    notices: tuple[str, ...] = ()
    mode: str = "extractive"  # "extractive" | "generative"
    algorithm: dict[str, Any] | None = None
    dot: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question, "route": self.route, "answer": self.answer,
            "citations": [c.to_dict() for c in self.citations], "abstained": self.abstained,
            "retrieved": [{"unit_id": u, "score": round(s, 6)} for u, s in self.retrieved],
            "timings_ms": {k: round(v, 3) for k, v in self.timings_ms.items()},
            "rewritten_question": self.rewritten_question,
            "related": [c.to_dict() for c in self.related], "notices": list(self.notices),
            "mode": self.mode, "algorithm": self.algorithm, "dot": self.dot,
        }
