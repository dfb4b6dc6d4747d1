"""Chinese typography: half-width punctuation next to Chinese characters becomes full-width."""

from __future__ import annotations

import re

_CJK = "\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019"
_FULL = {",": "\uff0c", ";": "\uff1b", ":": "\uff1a", "?": "\uff1f", "!": "\uff01"}
_PARENS = re.compile(rf"(?:(?<=[{_CJK}])\(([^()\n]*)\))|(?:\(([^()\n]*[{_CJK}][^()\n]*)\))")
# , ; : not followed by a space (so YAML's ", " and ": " stay); ? ! anywhere after Chinese.
_AFTER = [
    re.compile(rf"(?m)(?<=[{_CJK}])(?:([,;:])(?=\S|$)|([?!]))"),
    re.compile(rf"(?m)(?<=[{_CJK}]\*\*)(?:([,;:])(?=\S|$)|([?!]))"),
    re.compile(rf"(?<=[}}])([,;:])(?=[{_CJK}])"),
]


def to_full_width(text: str) -> str:
    """Replace , ; : ? ! ( ) written in half width inside Chinese text; YAML/Markdown syntax is left alone."""
    text = _PARENS.sub(lambda m: "\uff08" + (m.group(1) if m.group(1) is not None else m.group(2)) + "\uff09", text)
    for pattern in _AFTER:
        text = pattern.sub(lambda m: _FULL[m.group(m.lastindex or 0)], text)
    return text


def half_width_spots(text: str) -> list[int]:
    """1-based line numbers where half-width punctuation sits inside Chinese text."""
    return [i for i, line in enumerate(text.splitlines(), 1) if to_full_width(line) != line]


def tidy_python(source: str) -> str:
    """Apply to_full_width inside the string literals of Python source, leaving code alone."""
    import io
    import tokenize

    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    lines = source.splitlines(keepends=True)
    # Replace from the end so earlier positions stay valid.
    for tok in reversed(tokens):
        if tok.type != tokenize.STRING:
            continue
        fixed = to_full_width(tok.string)
        if fixed == tok.string:
            continue
        (srow, scol), (erow, ecol) = tok.start, tok.end
        head = lines[srow - 1][:scol]
        tail = lines[erow - 1][ecol:]
        lines[srow - 1 : erow] = [head + fixed + tail]
    return "".join(lines)
