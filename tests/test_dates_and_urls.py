"""Date reading and canonical source URLs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from clippings.date_display import format_beijing, format_date, format_datetime, is_beijing_time
from clippings.dates import parse_datetime
from clippings.urls import canonical_url, http_url

BEIJING = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-04-26 00:35", datetime(2024, 4, 26, 0, 35, tzinfo=BEIJING)),
        ("2024-03-18T19:34:24+08:00", datetime(2024, 3, 18, 19, 34, 24, tzinfo=BEIJING)),
        ("Sat, 16 Aug 2025 04:21:39 GMT", datetime(2025, 8, 16, 4, 21, 39, tzinfo=UTC)),
        ("2024-1-27T17:38:30.449+8:0", datetime(2024, 1, 27, 17, 38, 30, 449000, tzinfo=BEIJING)),
        ("2024年4月26日 00:35", datetime(2024, 4, 26, 0, 35, tzinfo=BEIJING)),
    ],
)
def test_readable_dates(raw, expected):
    value = parse_datetime(raw, "Asia/Shanghai")
    assert value == expected
    assert value.utcoffset() == expected.utcoffset()


def test_naive_time_takes_the_given_zone():
    assert parse_datetime("2024-01-01 12:00", "UTC").utcoffset() == timedelta(0)


@pytest.mark.parametrize("raw", ["yesterday", "12", "not a date 99"])
def test_unreadable_dates_raise_instead_of_guessing(raw):
    with pytest.raises(ValueError):
        parse_datetime(raw, "Asia/Shanghai")


def test_display_keeps_the_capture_clock_and_zone():
    assert format_datetime("2024-04-26T00:35:00+08:00") == "2024-04-26 00:35 +08:00"
    assert format_datetime("2025-08-16T04:21:39+00:00") == "2025-08-16 04:21:39 GMT"
    assert format_date(datetime(2024, 4, 26, 0, 35, tzinfo=BEIJING)) == "2024-04-26"


def test_display_in_beijing_time():
    assert format_beijing("2025-08-16T04:21:39+00:00") == "2025-08-16 12:21:39"
    assert format_beijing("2024-04-26T00:35:00+08:00") == "2024-04-26 00:35"
    assert format_date("2025-08-15T20:00:00+00:00") == "2025-08-16"
    assert is_beijing_time("2024-04-26T00:35:00+08:00")
    assert not is_beijing_time("2025-08-16T04:21:39+00:00")


def test_wechat_link_keeps_identity_and_drops_tracking():
    raw = (
        "http://mp.weixin.qq.com/s?sn=9c8e&__biz=Mzg3==&chksm=cef5&mid=22&scene=21&idx=1"
        "#wechat_redirect"
    )
    assert canonical_url(raw) == "https://mp.weixin.qq.com/s?__biz=Mzg3==&mid=22&idx=1&sn=9c8e"


def test_wechat_short_link_loses_its_query():
    assert canonical_url("https://mp.weixin.qq.com/s/AbC123?scene=1#rd") == (
        "https://mp.weixin.qq.com/s/AbC123"
    )


def test_other_links_lose_utm_and_fragment_but_keep_real_parameters():
    assert canonical_url("https://Example.com/a?id=3&utm_source=x&spm=1#top") == (
        "https://example.com/a?id=3"
    )
    assert canonical_url("https://www.36kr.com/p/3425008830123401") == (
        "https://www.36kr.com/p/3425008830123401"
    )


@pytest.mark.parametrize("raw", ["javascript:alert(1)", "data:text/html,x", "ftp://x/y", "/rel"])
def test_non_http_links_are_refused(raw):
    assert canonical_url(raw) is None
    assert http_url(raw) is None


def test_image_links_are_kept_as_given():
    url = "https://mmbiz.qpic.cn/a/640?wx_fmt=png&from=appmsg"
    assert http_url(url) == url
