"""A warm cache of the loaded course: the validated catalogue pickled under the data folder, keyed by a hash of
every content file (path and bytes) and of the code that defines and checks it. Any change to a file, an added
or removed file, or new code gives a new key, so a stale catalogue is never served.

The cache folder belongs to the server like its database: whoever can write there can also change the data."""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
PACKAGE_ROOT = Path(__file__).resolve().parent.parent
# the code whose change changes what a load returns
CODE = ("catalog", "courseware", "grading", "quizzes", "scenarios", "source")
KEEP = 8  # newest cache files kept; older ones are removed


def cache_dir() -> Path | None:
    """CMA_CATALOG_CACHE (a folder, or 'off'), else `cache` under CMA_DATA_DIR (default ./data)."""
    setting = os.environ.get("CMA_CATALOG_CACHE")
    if setting == "off":
        return None
    return Path(setting) if setting else Path(os.environ.get("CMA_DATA_DIR", "data")) / "cache"


def _content_files(folders: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for folder in folders:
        if folder.is_file():
            out.append(folder)
        elif folder.is_dir():
            out.extend(p for p in folder.rglob("*") if p.is_file() and p.suffix in {".yaml", ".yml", ".md"})
    return sorted(set(out))


def _code_files() -> list[Path]:
    # modules, and the syllabus and concept library that sit beside them
    return sorted(p for name in CODE for pattern in ("*.py", "*.yaml") for p in (PACKAGE_ROOT / name).glob(pattern))


def key_of(folders: Iterable[Path]) -> str:
    """A hash of every content file under `folders` and of the loading code."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(sys.version.encode())
    for group in (_content_files(folders), _code_files()):
        for path in group:
            digest.update(str(path).encode() + b"\0")
            try:
                digest.update(path.read_bytes())
            except OSError:
                digest.update(b"(unreadable)")
            digest.update(b"\0")
    return digest.hexdigest()


@contextmanager
def no_collection() -> Iterator[None]:
    """The cyclic garbage collector paused: building tens of thousands of long-lived objects otherwise sets
    it off again and again (it halves the time to read a large course back)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def cached(folders: Iterable[Path], load: Callable[[], T], folder: Path | None = None) -> T:
    """The result of `load`, from the cache when the content and code are unchanged; stored after a load."""
    folder = folder if folder is not None else cache_dir()
    if folder is None:
        return load()
    key = key_of(folders)
    path = folder / f"catalog-{key}.pickle"
    try:
        with path.open("rb") as f, no_collection():
            return pickle.load(f)  # type: ignore[no-any-return]  # noqa: S301 - our own folder, see above
    except FileNotFoundError:
        pass
    except Exception:  # a damaged or foreign cache file is ignored and replaced
        path.unlink(missing_ok=True)
    value = load()
    try:
        import tempfile  # only when writing (it brings in shutil and the compressors)

        folder.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=folder, prefix=".catalog-", suffix=".tmp")
        with os.fdopen(handle, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        Path(tmp).replace(path)  # atomic: another process never reads half a file
        old = sorted(folder.glob("catalog-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
        for stale in old:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only data folder: serve without a cache
    return value
