"""Load the whole course once: every file validated, bad files reported and skipped."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from catalog.cache import cached, no_collection
from catalog.syllabus import Syllabus, load_syllabus
from courseware.models import Chapter, Glossary, GlossaryTerm, Section
from grading.library import Library, load_library
from quizzes.models import AnyQuestion, Bank, Blueprint, Question
from scenarios.models import Scenario
from source.problems import ContentError, Problem
from source.yamlsource import LocatedYaml, parse_yaml, read_text, validate, validate_item

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
GLOSSARY_FILE = "glossary.yaml"
T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class ContentRoots:
    """Where each kind of content lives."""

    chapters: Path
    banks: Path
    blueprints: Path
    scenarios: Path

    @classmethod
    def shipped(cls) -> ContentRoots:
        """The course shipped with the package."""
        return cls(
            PACKAGE_ROOT / "courseware" / "content",
            PACKAGE_ROOT / "quizzes" / "banks",
            PACKAGE_ROOT / "quizzes" / "blueprints",
            PACKAGE_ROOT / "scenarios" / "library",
        )

    @classmethod
    def under(cls, root: Path) -> ContentRoots:
        """A course laid out as root/{chapters,banks,blueprints,scenarios}."""
        return cls(root / "chapters", root / "banks", root / "blueprints", root / "scenarios")

    @classmethod
    def from_env(cls) -> ContentRoots:
        """CMA_CONTENT_DIR if set, else the shipped course."""
        custom = os.environ.get("CMA_CONTENT_DIR")
        return cls.under(Path(custom)) if custom else cls.shipped()


@dataclass
class Catalog:
    """The loaded course. Treat as read-only: it is shared by every session."""

    syllabus: Syllabus
    library: Library
    chapters: tuple[Chapter, ...] = ()
    questions: dict[str, AnyQuestion] = field(default_factory=dict)
    question_bank: dict[str, str] = field(default_factory=dict)
    blueprints: dict[str, Blueprint] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    glossary: tuple[GlossaryTerm, ...] = ()
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    # question versions edited in the app (catalog/versions.py): served version numbers other than 1, retired
    # ids (kept in `questions` for history, never served in new practice or exams) and the shipped questions
    versions: dict[str, int] = field(default_factory=dict)
    retired: frozenset[str] = frozenset()
    shipped_questions: dict[str, AnyQuestion] | None = None

    def version_of(self, question_id: str) -> int:
        """The version a question is served at (1: as shipped)."""
        return self.versions.get(question_id, 1)

    def shipped_question(self, question_id: str) -> AnyQuestion | None:
        """A question as the bank file ships it."""
        shipped = self.shipped_questions if self.shipped_questions is not None else self.questions
        return shipped.get(question_id)

    @cached_property
    def served_questions(self) -> dict[str, AnyQuestion]:
        """The questions new practice, papers and quizzes draw from: all but the retired ones."""
        if not self.retired:
            return self.questions
        return {k: q for k, q in self.questions.items() if k not in self.retired}

    @cached_property
    def sections(self) -> dict[str, Section]:
        """Every section by id."""
        return {s.id: s for c in self.chapters for s in c.sections}

    @cached_property
    def questions_by_point(self) -> dict[str, list[str]]:
        """Question ids testing each knowledge point, in bank order (retired questions left out: this index
        feeds practice by point, section checks and review suggestions)."""
        out: dict[str, list[str]] = {}
        for q in self.served_questions.values():
            for p in q.points:
                out.setdefault(p, []).append(q.id)
        return out

    @cached_property
    def module_of_question(self) -> dict[str, list[str]]:
        """The module of each question's first knowledge point (a one-item list, the shape tallies take)."""
        module_of = self.syllabus.module_of
        return {qid: [module_of[q.points[0]]] for qid, q in self.questions.items() if q.points[0] in module_of}

    @cached_property
    def points_of_question(self) -> dict[str, list[str]]:
        """The knowledge points of each question."""
        return {qid: list(q.points) for qid, q in self.questions.items()}

    @cached_property
    def sections_by_point(self) -> dict[str, list[str]]:
        """Section ids teaching each knowledge point."""
        out: dict[str, list[str]] = {}
        for s in self.sections.values():
            for p in s.points:
                out.setdefault(p, []).append(s.id)
        return out

    @cached_property
    def scenarios_by_point(self) -> dict[str, list[str]]:
        """Scenario ids practising each knowledge point (scenario points and rule points)."""
        out: dict[str, list[str]] = {}
        for sc in self.scenarios.values():
            points = set(sc.points) | {p for r in sc.rules for p in r.points}
            for p in sorted(points):
                out.setdefault(p, []).append(sc.id)
        return out

    def reread_section(self, question: Any) -> Section | None:
        """The section to reread after a question: the first one teaching its first point."""
        found = self.sections_by_point.get(question.points[0], [])
        return self.sections[found[0]] if found else None

    def chapter(self, chapter_id: str) -> Chapter | None:
        """The chapter with this id."""
        return next((c for c in self.chapters if c.id == chapter_id), None)

    def stats(self) -> dict[str, Any]:
        """Coverage of every knowledge point by sections, questions and scenarios."""
        points = {
            pid: {
                "sections": len(self.sections_by_point.get(pid, [])),
                "questions": len(self.questions_by_point.get(pid, [])),
                "scenarios": len(self.scenarios_by_point.get(pid, [])),
            }
            for pid in self.syllabus.points
        }
        return {
            "points": points,
            "questions": len(self.questions),
            "scenarios": len(self.scenarios),
            "chapters": len(self.chapters),
            "sections": len(self.sections),
            "blueprints": len(self.blueprints),
            "problems": len(self.problems),
        }


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.glob(pattern)) if folder.is_dir() else []


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(PACKAGE_ROOT))
    except ValueError:
        return str(path)


def load_catalog(roots: ContentRoots | None = None, *, cache: bool = True) -> Catalog:
    """Load every content file; problems are collected, bad files skipped, the rest served. With `cache`, a
    course whose files and code are unchanged since the last load comes from the warm cache (catalog/cache.py)."""
    roots = roots or ContentRoots.from_env()
    if cache:
        folders = (roots.chapters, roots.banks, roots.blueprints, roots.scenarios)
        return cached(folders, lambda: _load(roots))
    return _load(roots)


def _load(roots: ContentRoots) -> Catalog:
    with no_collection():
        return _load_all(roots)


def _load_all(roots: ContentRoots) -> Catalog:
    catalog = Catalog(load_syllabus(), load_library())
    _load_chapters(catalog, roots.chapters)
    _load_glossary(catalog, roots.chapters / GLOSSARY_FILE)
    _load_banks(catalog, roots.banks)
    _load_blueprints(catalog, roots.blueprints)
    _load_scenarios(catalog, roots.scenarios)
    _order_questions(catalog)
    return catalog


def _order_questions(catalog: Catalog) -> None:
    """Questions in syllabus order (by their first point), bank order within a point."""
    rank = {pid: i for i, pid in enumerate(catalog.syllabus.points)}
    ordered = sorted(catalog.questions.values(), key=lambda q: rank.get(q.points[0], len(rank)))
    catalog.questions = {q.id: q for q in ordered}


def _each(catalog: Catalog, folder: Path, pattern: str, load: Callable[[Path, str], T]) -> list[tuple[str, T]]:
    """Load every matching file, recording problems of the ones that fail."""
    out = []
    for path in _files(folder, pattern):
        catalog.files += 1
        display = _display(path)
        try:
            out.append((display, load(path, display)))
        except ContentError as exc:
            catalog.problems.extend(exc.problems)
    return out


def _yaml_loader(catalog: Catalog, model: type[M]) -> Callable[[Path, str], tuple[M, LocatedYaml]]:
    context = {"points": set(catalog.syllabus.points)}

    def load(path: Path, display: str) -> tuple[M, LocatedYaml]:
        doc = parse_yaml(read_text(path, display), display)
        return validate(model, doc, display, context), doc

    return load


def _load_chapters(catalog: Catalog, folder: Path) -> None:
    if not _files(folder, "*.md"):
        return
    from courseware.loader import load_chapter  # Markdown and figures: only a cold load reads chapters

    points, modules = set(catalog.syllabus.points), {m.id for m in catalog.syllabus.modules}
    seen: dict[str, str] = {}
    kept = []
    for display, chapter in _each(catalog, folder, "*.md", lambda p, d: load_chapter(p, d, points, modules)):
        clash = [s for s in chapter.sections if s.id in seen]
        for s in clash:
            catalog.problems.append(Problem(display, s.line, f"sections.{s.id}", f"节编号与 {seen[s.id]} 重复"))
        if not clash:
            seen.update(dict.fromkeys((s.id for s in chapter.sections), display))
            kept.append(chapter)
    order = [m.id for m in catalog.syllabus.modules]
    catalog.chapters = tuple(sorted(kept, key=lambda c: (order.index(c.module), c.order, c.id)))


def _load_glossary(catalog: Catalog, path: Path) -> None:
    if not path.exists():
        return
    for display, (glossary, doc) in _each(catalog, path.parent, path.name, _yaml_loader(catalog, Glossary)):
        seen: set[str] = set()
        for i, term in enumerate(glossary.terms):
            if term.term in seen:
                line = doc.line_of(["terms", i, "term"])
                catalog.problems.append(Problem(display, line, f"terms.{i}.term", f"术语 {term.term} 重复"))
            seen.add(term.term)
        catalog.glossary = tuple(sorted(glossary.terms, key=lambda t: t.term))


@cache
def _question_adapter() -> TypeAdapter[AnyQuestion]:
    return TypeAdapter(Question)


@cache
def _questions_adapter() -> TypeAdapter[list[AnyQuestion]]:
    return TypeAdapter(list[Question])


def _validate_questions(items: Any, doc: LocatedYaml, display: str, catalog: Catalog) -> list[tuple[int, AnyQuestion]]:
    """Every good question with its index. The whole list is validated in one call; when something is wrong
    each item is validated on its own, so every bad one is reported with its line and the rest are kept."""
    if not isinstance(items, list):
        return []
    context = {"points": set(catalog.syllabus.points)}
    try:
        return list(enumerate(_questions_adapter().validate_python(items, context=context)))
    except ValidationError:
        pass
    good: list[tuple[int, AnyQuestion]] = []
    for i in range(len(items)):
        try:
            good.append((i, validate_item(_question_adapter(), doc, display, ["questions", i], context)))
        except ContentError as exc:
            catalog.problems.extend(exc.problems)
    return good


def _load_banks(catalog: Catalog, folder: Path) -> None:
    """Each question is validated on its own: a bad one is reported with its line and the rest are served."""
    context = {"points": set(catalog.syllabus.points)}
    first_seen: dict[str, tuple[str, LocatedYaml, int]] = {}  # where each id was first seen; lines found lazily
    for path in _files(folder, "*.yaml"):
        catalog.files += 1
        display = _display(path)
        try:
            doc = parse_yaml(read_text(path, display), display)
        except ContentError as exc:
            catalog.problems.extend(exc.problems)
            continue
        items = doc.data.get("questions") if isinstance(doc.data, dict) else None
        good = _validate_questions(items, doc, display, catalog)
        try:  # the file's own fields (schema_version, id, title), with one good question standing in
            stand_in = [items[good[0][0]]] if good and isinstance(items, list) else items
            header = doc.with_data({**doc.data, "questions": stand_in}) if isinstance(doc.data, dict) else doc
            validate(Bank, header, display, context)
        except ContentError as exc:
            catalog.problems.extend(exc.problems)
            continue
        for i, q in good:
            if q.id in first_seen:
                where, other, n = first_seen[q.id]
                first = f"{where}:{other.line_of(['questions', n, 'id'])}"
                line = doc.line_of(["questions", i, "id"])
                catalog.problems.append(Problem(display, line, f"questions.{i}.id", f"题目编号 {q.id} 与 {first} 重复"))
                continue
            first_seen[q.id] = (display, doc, i)
            catalog.questions[q.id] = q
            catalog.question_bank[q.id] = display


def _load_blueprints(catalog: Catalog, folder: Path) -> None:
    modules = {m.id for m in catalog.syllabus.modules}
    for display, (bp, doc) in _each(catalog, folder, "*.yaml", _yaml_loader(catalog, Blueprint)):
        bad = [m for m in bp.module_weights if m not in modules]
        for m in bad:
            line = doc.line_of(["module_weights", m])
            catalog.problems.append(Problem(display, line, f"module_weights.{m}", f"大纲中没有模块 {m}"))
        for i, part in enumerate(bp.parts):
            for j, m in enumerate(part.modules):
                if m not in modules:
                    bad.append(m)
                    line = doc.line_of(["parts", i, "modules", j])
                    catalog.problems.append(Problem(display, line, f"parts.{i}.modules", f"大纲中没有模块 {m}"))
        if not bad:
            catalog.blueprints[bp.id] = bp


def _load_scenarios(catalog: Catalog, folder: Path) -> None:
    if not _files(folder, "*.yaml"):
        return
    from scenarios.checks import check_scenario  # the rule engine: only a cold load checks scenarios

    for display, (sc, doc) in _each(catalog, folder, "*.yaml", _yaml_loader(catalog, Scenario)):
        found = check_scenario(sc, catalog.library, doc, display)
        for i, section in enumerate(sc.sections):
            if section not in catalog.sections:
                line = doc.line_of(["sections", i])
                found.append(Problem(display, line, f"sections.{i}", f"没有这一节 {section}"))
        if sc.id in catalog.scenarios:
            found.append(Problem(display, doc.line_of(["id"]), "id", f"情景编号 {sc.id} 重复"))
        catalog.problems.extend(found)
        if not found:
            catalog.scenarios[sc.id] = sc
