"""Text normalisation and Chinese segmentation shared by all graders."""

from __future__ import annotations

import logging
import re
import tempfile
import threading
import unicodedata
from functools import cache
from pathlib import Path

import jieba

DICTIONARY = Path(__file__).with_name("domain_dict.txt")
MAX_TEXT = 2000
_PUNCT = re.compile(r"[\s\u3000,.!?;:'\"()\[\]{}<>、,。!?;:“”‘’()【】《》…—\-_/\\|~`@#$%^&*+=]+")
_lock = threading.Lock()


def normalise(text: str) -> str:
    """NFKC-normalise (full-width to half-width), lower-case and trim to MAX_TEXT characters."""
    return unicodedata.normalize("NFKC", text).lower().strip()[:MAX_TEXT]


def squeeze(text: str) -> str:
    """Normalise and drop white space and punctuation, for exact comparisons."""
    return _PUNCT.sub("", normalise(text))


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = tempfile.gettempdir()
    tokenizer.initialize()
    if DICTIONARY.exists():
        tokenizer.load_userdict(str(DICTIONARY))
    return tokenizer


def add_words(words: set[str]) -> None:
    """Teach the segmenter phrases that content uses, so they stay whole tokens."""
    tokenizer = _tokenizer()
    with _lock:
        for word in words:
            if len(word) > 1 and word not in tokenizer.FREQ:
                tokenizer.add_word(word, freq=50000)


def segment(text: str) -> list[str]:
    """Split normalised text into words."""
    tokenizer = _tokenizer()
    with _lock:
        return [w for w in tokenizer.lcut(normalise(text), HMM=False) if w.strip()]
