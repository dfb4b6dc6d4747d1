"""Trainee text shown safely in Markdown, with the phrases the rule engine matched highlighted."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>:~$])")


def escape(text: str) -> str:
    """Escape Markdown so that user text is shown as typed."""
    return _SPECIAL.sub(r"\\\1", text)


def highlight(text: str, phrases: list[str]) -> str:
    """Markdown of `text` with each phrase on a coloured background."""
    if not phrases:
        return escape(text)
    pattern = re.compile("|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True)))
    out, at = [], 0
    lowered = text.lower()
    for m in pattern.finditer(lowered):
        out.append(escape(text[at : m.start()]))
        out.append(f":orange-background[{escape(text[m.start() : m.end()])}]")
        at = m.end()
    out.append(escape(text[at:]))
    return "".join(out)
