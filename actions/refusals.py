"""Typed refusals: why an action was not done. Pages turn each kind into a Chinese message (ui/refusal.py)."""

from __future__ import annotations


class Refusal(Exception):
    """An action that was not done; nothing was written. `detail` is a Chinese explanation, when there is one."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail)
        self.detail = detail


class NotAllowed(Refusal):
    """Signed out, the wrong role, or not one's own: a class one does not teach, a trainee one does not see."""


class NotFound(Refusal):
    """The thing acted on does not exist (or is not visible to the actor)."""


class LimitReached(Refusal):
    """A limit set by the rules is used up: attempts on an assigned exam or scenario."""


class Stale(Refusal):
    """The screen is out of date: another window or person moved on first. Reload and look again."""


class Invalid(Refusal):
    """The input breaks a rule of the domain; `detail` says which, in Chinese."""
