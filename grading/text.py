"""Text normalisation shared by all graders, and Chinese segmentation for search.

Scoring never uses the segmenter: the rule engine matches characters (see grading.matcher), so what a
process has loaded before cannot change a score.
"""

from __future__ import annotations

import logging
import re
import tempfile
import threading
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import jieba
import opencc

DICTIONARY = Path(__file__).with_name("domain_dict.txt")
MAX_TEXT = 2000
PUNCT = re.compile(r"[\s\u3000,.!?;:'\"()\[\]{}<>、,。!?;:“”‘’()【】《》…—\-_/\\|~`@#$%^&*+=]+")
_SPACES = re.compile(r"\s+")
_lock = threading.Lock()


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional characters to simplified ones."""
    return str(_t2s().convert(text))


NORMALISED_CACHE = 4096
# Full-width ASCII and the ideographic space: their NFKC forms, mapped directly (most replies need nothing else).
_WIDE = re.compile("[\uff01-\uff5e\u3000]")


def _narrow(match: re.Match[str]) -> str:
    ch = match.group()
    return " " if ch == "\u3000" else chr(ord(ch) - 0xFEE0)


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), faster on Chinese text whose only compatibility characters are
    full-width punctuation, letters and digits."""
    narrowed = _WIDE.sub(_narrow, text)
    return narrowed if unicodedata.is_normalized("NFKC", narrowed) else unicodedata.normalize("NFKC", narrowed)


@lru_cache(maxsize=NORMALISED_CACHE)
def normalise(text: str) -> str:
    """Simplified characters, NFKC (full width to half width), lower case, single spaces, at most MAX_TEXT.

    Kept for the last NORMALISED_CACHE texts: a turn is normalised once however many steps look at it."""
    flat = nfkc(simplified(text[: MAX_TEXT * 2])).lower()
    return _SPACES.sub(" ", flat).strip()[:MAX_TEXT]


@lru_cache(maxsize=NORMALISED_CACHE)
def squeeze(text: str) -> str:
    """Normalise and drop white space and punctuation, for exact comparisons."""
    return PUNCT.sub("", normalise(text))


def forget() -> None:
    """Empty the caches of normalised text."""
    normalise.cache_clear()
    squeeze.cache_clear()


_HAN = re.compile(r"[\u4e00-\u9fff]")


def han_count(text: str) -> int:
    """How many Chinese characters the text has."""
    return len(_HAN.findall(text))


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = tempfile.gettempdir()
    tokenizer.initialize()
    if DICTIONARY.exists():
        tokenizer.load_userdict(str(DICTIONARY))
    return tokenizer


def segment(text: str) -> list[str]:
    """Split normalised text into words (for search; scoring does not segment)."""
    tokenizer = _tokenizer()
    with _lock:
        return [w for w in tokenizer.lcut(normalise(text), HMM=False) if w.strip()]


@cache
def lexicon() -> frozenset[str]:
    """Real Chinese words of two to six characters, from the segmenter's shipped dictionary file (read-only)."""
    path = Path(jieba.__file__).with_name("dict.txt")
    words = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word = line.split(" ", 1)[0]
            if 2 <= len(word) <= 6:
                words.add(word)
    return frozenset(words)
