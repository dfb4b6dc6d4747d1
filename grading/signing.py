"""Verification codes: an HMAC-SHA256 over what a certificate states, short enough to type."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

CODE = re.compile(r"^CMA-(\d{6})-([A-Z2-7]{4})-([A-Z2-7]{4})-([A-Z2-7]{4})$")


def signature(secret: bytes, payload: str) -> str:
    """The first 12 base32 characters of HMAC-SHA256(secret, payload) (60 bits)."""
    digest = hmac.new(secret, payload.encode("utf-8"), hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")[:12]


def make_code(secret: bytes, serial: int, payload: str) -> str:
    """CMA-000123-ABCD-EFGH-IJKL: the serial, then the signature in groups of four."""
    sig = signature(secret, payload)
    return f"CMA-{serial:06d}-{sig[:4]}-{sig[4:8]}-{sig[8:]}"


def parse_code(code: str) -> tuple[int, str] | None:
    """(serial, signature) of a well-formed code, ignoring case, spaces and dash styles; None otherwise."""
    cleaned = re.sub(r"\s+", "", code).upper().replace("—", "-").replace("－", "-")
    match = CODE.match(cleaned)
    if match is None:
        return None
    return int(match.group(1)), "".join(match.groups()[1:])


def check(secret: bytes, signed: str, payload: str) -> bool:
    """Whether the signature belongs to the payload (constant time)."""
    return hmac.compare_digest(signature(secret, payload), signed)
