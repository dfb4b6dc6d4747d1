"""One way to write dates and times: Chinese, on the school's clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from source import dates

NOW = datetime(2026, 11, 28, 6, 5, tzinfo=UTC)  # 14:05 in Shanghai


def test_a_moment_is_written_in_chinese_on_the_shanghai_clock() -> None:
    assert dates.day_time(NOW) == "2026年11月28日 14:05"
    assert dates.day(NOW) == "2026年11月28日"
    assert dates.day(date(2026, 1, 5)) == "2026年1月5日"
    assert dates.month_day(NOW) == "11月28日"
    assert dates.clock(NOW) == "14:05"


def test_late_evening_utc_is_the_next_day_in_shanghai() -> None:
    assert dates.day(datetime(2026, 11, 28, 17, 30, tzinfo=UTC)) == "2026年11月29日"


def test_a_naive_moment_is_taken_as_utc() -> None:
    assert dates.day_time(datetime(2026, 11, 28, 6, 5)) == "2026年11月28日 14:05"


def test_the_year_is_left_out_only_within_the_current_year() -> None:
    assert dates.short_day_time(NOW - timedelta(days=3), NOW) == "11月25日 14:05"
    assert dates.short_day_time(datetime(2025, 12, 31, 8, 0, tzinfo=UTC), NOW) == "2025年12月31日 16:00"


@pytest.mark.parametrize(
    ("delta", "said"),
    [
        (timedelta(seconds=-20), "刚刚"),
        (timedelta(seconds=20), "马上"),
        (timedelta(minutes=-5), "5 分钟前"),
        (timedelta(minutes=45), "45 分钟后"),
        (timedelta(hours=-3), "3 小时前"),
        (timedelta(hours=-20), "昨天 18:05"),
        (timedelta(hours=20), "明天 10:05"),
        (timedelta(days=-3), "3 天前"),
        (timedelta(days=5), "5 天后"),
        (timedelta(days=-30), "10月29日 14:05"),
    ],
)
def test_relative_times_read_as_people_say_them(delta: timedelta, said: str) -> None:
    assert dates.relative(NOW + delta, NOW) == said


def test_another_zone_is_taken_from_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CMA_TIMEZONE", "Europe/Berlin")
    dates.zone.cache_clear()
    try:
        assert dates.clock(NOW) == "07:05"
    finally:
        monkeypatch.delenv("CMA_TIMEZONE")
        dates.zone.cache_clear()
