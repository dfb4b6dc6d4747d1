"""Dates and times as the users read them: in Chinese and in the school's time zone (CMA_TIMEZONE, by default
Asia/Shanghai). The one place that turns a moment into text; pages, exports and messages call it."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# plotly axis formats (d3 time format, '-' drops the leading zero) for charts with dates
CHART_DAY = "%-m月%-d日"
CHART_DAY_TIME = "%-m月%-d日 %H:%M"
CHART_HOVER_DAY = "%Y年%-m月%-d日"


@cache
def zone() -> tzinfo:
    """The school's time zone."""
    try:
        return ZoneInfo(os.environ.get("CMA_TIMEZONE", "Asia/Shanghai"))
    except (ZoneInfoNotFoundError, ValueError):
        return timezone(timedelta(hours=8))


def local(moment: datetime) -> datetime:
    """The moment on the school's clock (a naive moment is taken as UTC, as the database stores it)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone())


def today() -> date:
    """Today on the school's clock."""
    return datetime.now(zone()).date()


def day(value: date | datetime) -> str:
    """2026年11月28日"""
    d = local(value).date() if isinstance(value, datetime) else value
    return f"{d.year}年{d.month}月{d.day}日"


def month_day(value: date | datetime) -> str:
    """11月28日"""
    d = local(value).date() if isinstance(value, datetime) else value
    return f"{d.month}月{d.day}日"


def clock(moment: datetime) -> str:
    """14:05"""
    return f"{local(moment):%H:%M}"


def day_time(moment: datetime) -> str:
    """2026年11月28日 14:05"""
    return f"{day(moment)} {clock(moment)}"


def short_day_time(moment: datetime, now: datetime | None = None) -> str:
    """11月28日 14:05 within the current year, else with the year."""
    current = local(now or datetime.now(UTC))
    if local(moment).year != current.year:
        return day_time(moment)
    return f"{month_day(moment)} {clock(moment)}"


def relative(moment: datetime, now: datetime | None = None) -> str:
    """How long ago or how soon, as people say it: 刚刚, 5 分钟前, 3 小时后, 昨天 14:05, 明天 09:00, 3 天前,
    and the date beyond a week."""
    now = now or datetime.now(UTC)
    seconds = (local(moment) - local(now)).total_seconds()
    ahead, span = seconds > 0, abs(seconds)
    word = "后" if ahead else "前"
    if span < 60:
        return "马上" if ahead else "刚刚"
    if span < 3600:
        return f"{int(span // 60)} 分钟{word}"
    days = (local(moment).date() - local(now).date()).days
    if days == 0:
        return f"{int(span // 3600)} 小时{word}"
    if days in (-1, 1):
        return f"{'明天' if ahead else '昨天'} {clock(moment)}"
    if abs(days) <= 7:
        return f"{abs(days)} 天{word}"
    return short_day_time(moment, now)
