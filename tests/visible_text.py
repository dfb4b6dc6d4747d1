"""What a user reads on a page, and what of it must never be shown: English words, raw values, internal ids,
ISO dates. One checker for the AppTest walk (tests/ui/test_no_english.py) and the browser pass
(tests/browser/test_every_page_phone.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# ASCII words the interface itself may show. Each names a thing that has no Chinese name in use: file types one
# picks, exchange formats and the systems that use them, units of file size.
ALLOWED_WORDS = frozenset(
    {
        "CSV", "Excel", "PDF", "Word",  # file types one uploads or downloads
        "GIFT", "Moodle", "XML", "QTI", "Canvas", "Blackboard",  # question-bank formats and the systems using them
        "FSRS",  # the review scheduler the review mode is named after
        "HMAC",  # how the certificate code is signed (said on the verify page)
        "KB", "MB",  # file sizes next to an uploaded file
    }
)  # fmt: skip

RAW_VALUES = ("None", "nan", "NaN", "NaT", "empty", "True", "False", "null", "undefined", "<NA>")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_RAW = re.compile(r"(?<![A-Za-z])(" + "|".join(re.escape(v) for v in RAW_VALUES) + r")(?![A-Za-z])")
_SNAKE = re.compile(r"(?<![A-Za-z0-9])[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+(?![A-Za-z0-9])")
_UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.IGNORECASE)
_QID = re.compile(r"(?<![A-Za-z0-9])[a-z][a-z0-9-]*\.[a-z][a-z0-9_-]*(?![A-Za-z0-9])")  # crm-basics.q001
_ISO_DATE = re.compile(
    r"\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{2}:\d{2}:\d{2}(?:\.\d+)?|[yY]{4}[-/][mM]{2}[-/][dD]{2}"
    r"|(?<![\d-])\d{1,2}[-/]\d{1,2} \d{1,2}:\d{2}"  # 11-28 14:05
)
_EXTENSION = re.compile(r"(?<![A-Za-z0-9])\.[a-z]{2,5}(?![A-Za-z])")  # .docx, .xlsx named beside an upload


def readable(text: str) -> str:
    """The text as a reader sees it: Markdown and HTML markup, icons and link targets removed."""
    text = re.sub(r":material/[a-z_]+:", " ", text)
    text = re.sub(r":[a-z]+(?:-background)?\[", "[", text)  # :red[...] :orange-background[...]
    text = re.sub(r"\]\([^)]*\)", "]", text)  # [label](target)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.DOTALL | re.IGNORECASE)  # never shown
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\{#[^}]*\}", " ", text)  # heading anchors


@cache
def course_words() -> frozenset[str]:
    """English words the course text itself uses inside Chinese sentences (terms such as Kano, BPR, VMI).
    YAML keys and ids are left out, so they never become allowed words."""
    words: set[str] = set()
    files = [
        *(ROOT / "courseware" / "content").rglob("*.md"),
        *(ROOT / "courseware" / "content").rglob("*.yaml"),  # the glossary, with the English name of terms
        *(ROOT / "quizzes" / "banks").rglob("*.yaml"),
        *(ROOT / "quizzes" / "blueprints").rglob("*.yaml"),
        *(ROOT / "scenarios" / "library").rglob("*.yaml"),
        *(ROOT / "catalog").rglob("*.yaml"),
        ROOT / "grading" / "library.yaml",
    ]
    for path in files:
        for raw in path.read_text(encoding="utf-8").splitlines():
            english = raw.lstrip().startswith("english:")  # a glossary term's English name
            if not english and not re.search(r"[\u4e00-\u9fff]", raw):
                continue
            line = re.sub(r"(?:^|[{,])\s*(?:-\s+)?[\w.-]+:\s", " ", raw)  # YAML keys
            line = _SNAKE.sub(" ", _QID.sub(" ", readable(line)))
            found = (m.group(0).strip("'’") for m in _WORD.finditer(line))
            # in YAML files only terms (capitalised); lowercase words there are too often keys and values
            words.update(w for w in found if english or path.suffix == ".md" or w[0].isupper())
    return frozenset(words - set(RAW_VALUES))


def problems(text: str, *, data: Iterable[str] = ()) -> list[str]:
    """What in `text` must not be shown. `data` are values people typed or were given (usernames, join codes),
    shown as they are and removed before the check."""
    text = readable(text)
    for value in sorted(data, key=len, reverse=True):
        if value:
            text = text.replace(value, " ")
    found: list[str] = []
    found += [f"raw value {m.group(1)!r}" for m in _RAW.finditer(text)]
    found += [f"internal id {m.group(0)!r}" for m in _UUID.finditer(text)]
    found += [f"internal id {m.group(0)!r}" for m in _SNAKE.finditer(text)]
    found += [f"internal id {m.group(0)!r}" for m in _QID.finditer(text)]
    found += [f"ISO date or time {m.group(0)!r}" for m in _ISO_DATE.finditer(text)]
    text = _ISO_DATE.sub(" ", _SNAKE.sub(" ", _QID.sub(" ", _EXTENSION.sub(" ", text))))
    for m in _WORD.finditer(text):
        word = m.group(0).strip("'’")
        if word in RAW_VALUES or word in ALLOWED_WORDS or word in course_words():
            continue
        if re.fullmatch(r"[A-H]+", word) and "".join(sorted(set(word))) == word:  # options: A, ABD
            continue
        found.append(f"English word {word!r}")
    return found


# ---- AppTest: every text a user can read in the element tree ---------------------------------------------------

# Proto fields that hold text shown to the user. What users typed into text inputs is theirs and is not listed.
_TEXT_FIELDS = frozenset({"body", "label", "options", "help", "placeholder", "captions", "text", "title", "delta"})
_TYPED = frozenset({"text_input", "text_area", "chat_input"})


def _proto_strings(message: Any) -> Iterator[str]:
    for descriptor, value in message.ListFields():
        if descriptor.message_type is not None:
            for item in value if descriptor.is_repeated else [value]:
                if hasattr(item, "ListFields"):
                    yield from _proto_strings(item)
        elif descriptor.name in _TEXT_FIELDS:
            if isinstance(value, str):
                yield value
            elif descriptor.is_repeated:
                yield from (v for v in value if isinstance(v, str))


def _frame_strings(frame: Any) -> Iterator[str]:
    """Headers and every cell as the data grid prints them: a missing value prints "None", no rows "empty"."""
    import pandas as pd

    yield from (str(c) for c in frame.columns)
    if len(frame) == 0:
        yield "empty"  # what the data grid draws for a table without rows
    for row in frame.itertuples(index=False):
        for cell in row:
            missing = cell is None or (not isinstance(cell, str | list | tuple | dict) and bool(pd.isna(cell)))
            yield "None" if missing else str(cell)


def _chart_strings(spec: str) -> Iterator[str]:
    """Titles, trace names, category labels and hover texts of a plotly figure."""
    figure = json.loads(spec)

    def texts(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    yield value
                elif key in {"ticktext", "categoryarray"} and isinstance(value, list):
                    yield from (str(v) for v in value)
                else:
                    yield from texts(value)
        elif isinstance(node, list):
            for item in node:
                yield from texts(item)

    yield from texts(figure.get("layout", {}))
    for trace in figure.get("data", []):
        if isinstance(trace.get("name"), str):
            yield trace["name"]
        for axis in ("x", "y", "theta", "labels"):
            values = trace.get(axis)
            if isinstance(values, list) and all(isinstance(v, str) for v in values):
                # dates travel as ISO strings and are drawn through the axis format, which chart_faults checks
                yield from (v for v in values if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T[\d:.]+)?", v))
        for key in ("hovertemplate", "texttemplate"):
            if isinstance(trace.get(key), str):
                yield re.sub(r"%\{[^}]*\}", " ", trace[key])


def chart_faults(spec: str, config: str) -> list[str]:
    """A plotly chart must have no toolbar, and date axes must read in Chinese."""
    faults = []
    if json.loads(config or "{}").get("displayModeBar") is not False:
        faults.append("chart toolbar shown")
    for name, axis in json.loads(spec).get("layout", {}).items():
        dated = name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict) and axis.get("type") == "date"
        if dated and "月" not in str(axis.get("tickformat", "")):
            faults.append(f"{name}: date axis without a Chinese tick format")
    return faults


def visible_texts(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) for every text in an AppTest element tree: markdown, captions, alerts, headings, widget
    labels and options, metrics, tables and data frames (headers and cells), tabs, expanders, dialogs, charts."""
    if hasattr(node, "children"):  # a block
        here = f"{where}/{node.type}"
        label = getattr(node, "label", None)
        if isinstance(label, str) and label:
            yield here, label
        elif getattr(node, "proto", None) is not None and hasattr(node.proto, "ListFields"):
            yield from ((here, t) for t in _proto_strings(node.proto))  # dialog titles, popover labels
        for child in node.children.values():
            yield from visible_texts(child, here)
        return
    here = f"{where}/{node.type}"
    if node.type in _TYPED:
        for name in ("label", "help", "placeholder"):
            if getattr(node.proto, name, ""):
                yield here, getattr(node.proto, name)
    elif node.type in {"arrow_data_frame", "arrow_table", "dataframe", "table"}:
        yield from ((here, s) for s in _frame_strings(node.value))
    elif node.type == "plotly_chart":
        yield from ((here, s) for s in _chart_strings(node.proto.spec))
    else:
        yield from ((here, s) for s in _proto_strings(node.proto))


def chart_problems(node: Any) -> Iterator[str]:
    """Faults of every chart in an AppTest element tree."""
    if hasattr(node, "children"):
        for child in node.children.values():
            yield from chart_problems(child)
    elif node.type == "plotly_chart":
        yield from chart_faults(node.proto.spec, node.proto.config)
