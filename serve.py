"""The served app: Streamlit's ASGI app for app.py plus the routes that set and clear the sign-in cookie.

Run with `streamlit run serve.py` (or any ASGI server: `uvicorn serve:app`). The cookie is HttpOnly and
SameSite=Lax, Secure when the request came over HTTPS (directly or as told by a proxy's X-Forwarded-Proto).
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from streamlit.starlette import App

from classroom.web_sessions import ABSOLUTE, COOKIE, end_token, redeem_ticket
from store.db import Database

HERE = Path(__file__).resolve().parent


@cache
def _database() -> Database:
    return Database()


def _secure(request: Request) -> bool:
    forwarded = request.headers.get("x-forwarded-proto", "")
    return request.url.scheme == "https" or forwarded.split(",")[0].strip() == "https"


async def open_cookie(request: Request) -> Response:
    """Trade a one-time sign-in ticket for the session cookie."""
    form = await request.form()
    token = redeem_ticket(_database(), str(form.get("ticket", "")))
    if token is None:
        return Response(status_code=403)
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.set_cookie(
        COOKIE,
        token,
        max_age=int(ABSOLUTE.total_seconds()),
        path="/",
        httponly=True,
        samesite="lax",
        secure=_secure(request),
    )
    return response


async def close_cookie(request: Request) -> Response:
    """End the session behind the cookie and clear it."""
    token = request.cookies.get(COOKIE)
    if token:
        end_token(_database(), token)
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax", secure=_secure(request))
    return response


_log = logging.getLogger("cma")


def log_script_error(error: Exception) -> None:
    """Keep the traceback on the server; the user sees only a short message (showErrorDetails = none)."""
    _log.error("page failed", exc_info=error)


app = App(
    str(HERE / "app.py"),
    routes=[
        Route("/auth/session", open_cookie, methods=["POST"]),
        Route("/auth/sign-out", close_cookie, methods=["POST"]),
    ],
    on_script_error=log_script_error,
)
