"""One's own account: the password and the browsers signed in to it."""

from __future__ import annotations

from actions._guard import Actor, action, who
from classroom import accounts, web_sessions
from store.db import Database


@action
def change_password(db: Database, actor: Actor, old: str, new: str, keep_session: int | None = None) -> None:
    """Change one's password (the old one is asked again); other browsers are signed out."""
    me = who(db, actor)
    accounts.change_password(db, me.id, old, new)
    web_sessions.end_all_sessions(db, me.id, keep=keep_session)


@action
def sign_out_everywhere(db: Database, actor: Actor) -> int:
    """End every browser session of one's account; how many."""
    me = who(db, actor)
    return web_sessions.end_all_sessions(db, me.id)
