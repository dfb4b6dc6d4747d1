"""Password rules of OWASP ASVS level 1 and argon2id hashing through a bounded worker pool."""

from __future__ import annotations

import os
import threading
import unicodedata
from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 12
MAX_LENGTH = 128
COMMON_FILE = Path(__file__).with_name("common_passwords.txt")

# OWASP's argon2id recommendation (m = 19 MiB, t = 2, p = 1). Hashes made with other
# parameters still verify and are re-hashed at the next sign-in.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)
# At most one hash per core at a time: a burst of sign-ins queues instead of thrashing.
_workers = threading.BoundedSemaphore(max(1, os.cpu_count() or 1))
# A real hash to verify against when the username is unknown, so both cost the same time.
_DUMMY = _hasher.hash("not-a-real-password-" + os.urandom(8).hex())


class PasswordRejected(ValueError):
    """A password that breaks a rule, with the reason in Chinese."""


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of the most common passwords, lower case."""
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def check_password(password: str, username: str = "", display_name: str = "") -> None:
    """Raise PasswordRejected unless the password follows the rules."""
    if len(password) < MIN_LENGTH:
        raise PasswordRejected(f"密码至少 {MIN_LENGTH} 个字符（可以用几个词组成的短句）")
    if len(password) > MAX_LENGTH:
        raise PasswordRejected(f"密码最多 {MAX_LENGTH} 个字符")
    folded = _fold(password)
    if folded in common_passwords() or folded.strip("0123456789!@#.") in common_passwords():
        raise PasswordRejected("这个密码太常见，很容易被猜中，请换一个")
    for part in (username, display_name):
        if part and len(part) >= 3 and _fold(part) in folded:
            raise PasswordRejected("密码不能包含用户名或姓名")
    if len(set(password)) < 4:
        raise PasswordRejected("密码重复的字符太多，请换一个")


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    with _workers:
        return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Whether the password matches; an unknown user (None) costs the same time and fails."""
    with _workers:
        try:
            return _hasher.verify(stored or _DUMMY, password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False


def needs_rehash(stored: str) -> bool:
    """Whether a stored hash uses other parameters than today's."""
    try:
        return _hasher.check_needs_rehash(stored)
    except InvalidHashError:
        return False
