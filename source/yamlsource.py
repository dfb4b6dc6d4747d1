"""YAML parsing that remembers line numbers, and pydantic validation that reports them."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
import yaml_rs  # YAML in native code building the data directly; PyYAML checks what it cannot vouch for
from pydantic import BaseModel, TypeAdapter, ValidationError

from source.problems import ContentError, Problem

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")
# libyaml's parser when present: same nodes and marks, many times faster.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LocatedYaml:
    """A parsed YAML document with its node tree, so a field path can be turned into a line. The tree of a
    document read by the fast reader is built from its text on first use (only errors need lines)."""

    def __init__(self, data: Any, root: yaml.Node | None, line_offset: int = 0, text: str | None = None) -> None:
        self.data = data
        self._root = root
        self._text = text
        self.line_offset = line_offset

    @property
    def root(self) -> yaml.Node | None:
        """The document's node tree (composed from the text when the fast reader read it)."""
        if self._root is None and self._text is not None:
            self._root = _Loader(self._text).get_single_node()
            self._text = None
        return self._root

    def with_data(self, data: Any) -> LocatedYaml:
        """The same document (and lines) with other data, e.g. a part of it."""
        return LocatedYaml(data, self._root, self.line_offset, self._text)

    def line_of(self, path: Sequence[str | int]) -> int:
        """Return the 1-based line of the deepest node reachable along `path`."""
        node = self.root
        if node is None:
            return 1 + self.line_offset
        line = node.start_mark.line
        for key in path:
            child = _child(node, key)
            if child is None:
                break
            node = child
            line = node.start_mark.line
        return line + 1 + self.line_offset


def _child(node: yaml.Node, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                return v  # type: ignore[no-any-return]
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]  # type: ignore[no-any-return]
    return None


def parse_yaml(text: str, file: str, line_offset: int = 0) -> LocatedYaml:
    """Parse YAML text; a syntax error becomes a ContentError naming the line. The fast reader is used when its
    result is known to be what PyYAML's safe loader gives; anything else (errors included) goes through PyYAML."""
    data = _fast_read(text)
    if data is not _UNSURE:
        return LocatedYaml(data, None, line_offset, text)
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            _no_duplicate_keys(root, file, line_offset)
        data = _construct(loader, root) if root is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 1 if mark is not None else 1) + line_offset
        reason = getattr(exc, "problem", None) or str(exc)
        raise ContentError([Problem(file, line, "(yaml)", f"YAML 语法错误: {reason}")]) from exc
    return LocatedYaml(data, root, line_offset)


_UNSURE = object()
# Text the fast reader (YAML 1.2) may read differently from PyYAML (YAML 1.1): a byte-order mark, the line
# breaks 1.1 has and 1.2 has not, directives and document markers, tags, numbers with a leading zero or an
# exponent (octal in 1.1, decimal or float in 1.2), a signed number without a digit before its point.
_UNSURE_CHARS = ("\ufeff", "\x85", "\u2028", "\u2029")
_UNSURE_STARTS = ("%", "...", "!", "0")  # a first "---" is the same in both
_UNSURE_TEXT = [  # separate patterns, each led by a character class: much faster to scan than one alternation
    re.compile(p) for p in (r"\n(?:%|---|\.\.\.)", r"[\s\[{,+-]0[0-9oO_]", r"[0-9][eE][-+]?[0-9]", r"[-+]\.[0-9]")
]
_TAG = re.compile(r"[\s\[{,]!")
# PyYAML's implicit resolvers for plain scalars, by first character
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_RESOLVE = {first: tuple(rx for _, rx in resolvers) for first, resolvers in _IMPLICIT.items()}
_SCALARS = (int, float, bool, type(None))
_NATIVE = threading.Lock()
# Small files (rules, settings) are read by PyYAML: the native reader pays off on large banks only, and it
# crashed the process reading the certification rules on a page thread.
_NATIVE_FROM = 64 * 1024


def _fast_read(text: str) -> Any:
    """The document's data from the fast reader, or _UNSURE when PyYAML must decide."""
    if len(text) < _NATIVE_FROM or text.startswith(_UNSURE_STARTS) or any(c in text for c in _UNSURE_CHARS):
        return _UNSURE
    if any(pattern.search(text) for pattern in _UNSURE_TEXT) or ("!" in text and _TAG.search(text)):
        return _UNSURE
    try:
        with _NATIVE:  # one parse at a time: two threads in the native reader at once crashed the process
            data = yaml_rs.loads(text, parse_datetime=False)  # duplicate keys are an error by default
    except Exception:
        return _UNSURE
    return data if _same_as_pyyaml(data, text) else _UNSURE


def _same_as_pyyaml(data: Any, text: str) -> bool:
    """True when every value is one PyYAML would build from the same text. Text that a 1.1 reader resolves to
    another type when written plain (yes, 1:20, 2026-01-01, 12315, <<, =) is accepted only when every place it
    occurs in the file is quoted; non-text keys send the file to PyYAML."""
    checked: dict[str, bool] = {}
    stack: list[Any] = [[data]]
    while stack:
        node = stack.pop()
        if type(node) is dict:
            for key in node:
                if type(key) is not str:
                    return False
            values: Any = [*node, *node.values()]
        else:
            values = node
        for value in values:
            kind = type(value)
            if kind is str:
                if value and (patterns := _RESOLVE.get(value[0])) and any(p.match(value) for p in patterns):
                    if value not in checked:
                        checked[value] = _only_quoted(value, text)
                    if not checked[value]:
                        return False
            elif kind is list or kind is dict:
                stack.append(value)
            elif kind not in _SCALARS:
                return False
    return True


def _only_quoted(value: str, text: str) -> bool:
    """`value` (one word) is written quoted somewhere and nowhere as a whole plain scalar: after a line start,
    a blank or [{, and followed only by blanks up to the line end, a comment, a flow separator or `: `."""
    if any(c.isspace() for c in value) or (f'"{value}"' not in text and f"'{value}'" not in text):
        return False
    plain = re.compile(r"(?<![^\s\[{,])" + re.escape(value) + r"(?=[ \t]*(?:$|#|[,\]}]|:(?:\s|$)))", re.MULTILINE)
    return plain.search(text) is None


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_ODD_KEYS = {"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}


class _Fallback(Exception):
    """The document uses a feature the fast constructor leaves to PyYAML."""


def _construct(loader: Any, root: yaml.Node) -> Any:
    """The document's data, as PyYAML's safe constructor makes it. Text scalars, lists and mappings (nearly all
    of a content file) are built directly; other scalars go through PyYAML; merge keys and tags other than the
    core ones make the whole document go through PyYAML."""
    try:
        return _fast(loader, root, {})
    except _Fallback:
        return loader.construct_document(root)


def _fast(loader: Any, node: yaml.Node, seen: dict[int, Any]) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == _STR else loader.construct_object(node, deep=True)
    known = seen.get(id(node))  # an alias: the same object, as PyYAML gives
    if known is not None:
        return known
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        items: list[Any] = []
        seen[id(node)] = items
        items.extend(_fast(loader, child, seen) for child in node.value)
        return items
    if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
        mapping: dict[Any, Any] = {}
        seen[id(node)] = mapping
        for key_node, value_node in node.value:
            if key_node.tag in _ODD_KEYS:
                raise _Fallback
            key = _fast(loader, key_node, seen)
            try:
                hash(key)
            except TypeError as exc:
                raise _Fallback from exc
            mapping[key] = _fast(loader, value_node, seen)
        return mapping
    raise _Fallback


def _no_duplicate_keys(root: yaml.Node, file: str, line_offset: int) -> None:
    """A key written twice in one mapping is an error (YAML would silently keep the last value)."""
    problems = []
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        line = key.start_mark.line + 1 + line_offset
                        problems.append(Problem(file, line, key.value, f"字段 {key.value} 在同一处写了两次"))
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    if problems:
        raise ContentError(sorted(problems, key=lambda p: p.line))


def read_text(path: Path, display: str) -> str:
    """Read a UTF-8 content file, reporting undecodable bytes as a problem."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError([Problem(display, 1, "(file)", f"文件不是 UTF-8 编码: {exc.reason}")]) from exc
    except OSError as exc:
        raise ContentError([Problem(display, 1, "(file)", f"无法读取文件: {exc.strerror}")]) from exc


def validate(model: type[M], doc: LocatedYaml, file: str, context: dict[str, Any] | None = None) -> M:
    """Validate a parsed document against a model, turning each error into a located Problem."""
    if not isinstance(doc.data, dict):
        raise ContentError([Problem(file, doc.line_of([]), "(root)", "文件顶层必须是键值映射")])
    try:
        return model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        raise ContentError(located_problems(exc, doc, file)) from exc


def validate_item(
    adapter: TypeAdapter[T], doc: LocatedYaml, file: str, path: list[str | int], context: dict[str, Any] | None = None
) -> T:
    """Validate one item of a document (e.g. one question of a bank), with problems located inside it."""
    node: Any = doc.data
    for part in path:
        node = node[part]
    try:
        return adapter.validate_python(node, context=context)
    except ValidationError as exc:
        raise ContentError(located_problems(exc, doc, file, path)) from exc


def located_problems(
    exc: ValidationError, doc: LocatedYaml, file: str, prefix: Sequence[str | int] = ()
) -> list[Problem]:
    """Each validation error as a Problem with its file, line and field."""
    problems = []
    errors = exc.errors()
    nested = [e["loc"] for e in errors if e["type"] != "too_short"]
    # A failed item also empties its list; keep only the item's own error.
    errors = [
        e for e in errors if e["type"] != "too_short" or not any(loc[: len(e["loc"])] == e["loc"] for loc in nested)
    ]
    for err in errors:
        loc = [*prefix, *(p for p in err["loc"] if isinstance(p, str | int))]
        # Tagged unions add the tag name to the path; drop segments that are not in the data.
        path = _data_path(doc.data, loc)
        field = ".".join(str(p) for p in path) or "(root)"
        problems.append(Problem(file, doc.line_of(path), field, _message(err)))
    return problems


def _data_path(data: Any, loc: list[str | int]) -> list[str | int]:
    path: list[str | int] = []
    node: Any = data
    for part in loc:
        if _has(node, part):
            node = node[part]
            path.append(part)
        elif isinstance(node, dict) and node.get("type") == part:
            continue  # the tag of a tagged union, not a key
        elif isinstance(node, dict) and isinstance(part, str) and not part.startswith(("function-", "tagged")):
            # A missing key (the error names it); a union tag is skipped instead.
            path.append(part)
            return path
    return path


def _has(node: Any, part: str | int) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _message(err: Any) -> str:
    kind = err.get("type", "")
    translations = {
        "missing": "缺少必填字段",
        "extra_forbidden": "不认识的字段（拼写错误？）",
        "string_type": "应为文本",
        "int_type": "应为整数",
        "int_parsing": "应为整数",
        "float_parsing": "应为数字",
        "bool_type": "应为 true 或 false",
        "bool_parsing": "应为 true 或 false",
        "list_type": "应为列表",
        "dict_type": "应为键值映射",
        "literal_error": "取值不在允许范围内",
        "union_tag_invalid": "类型不正确",
        "greater_than_equal": "数值太小",
        "less_than_equal": "数值太大",
        "too_short": "内容太少",
        "string_too_short": "不能为空",
    }
    base = translations.get(kind)
    msg = str(err.get("msg", ""))
    if msg.startswith("Value error, "):
        return msg.removeprefix("Value error, ")
    return f"{base} ({msg})" if base else msg
