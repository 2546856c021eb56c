"""Read the many ways captures write a date into one timezone-aware datetime."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser

# Times written without a zone are read as Beijing time: the archive's captures are
# overwhelmingly from Chinese sources, whose exporters write local time. Dates are shown
# in it too.
ARCHIVE_TIME_ZONE = "Asia/Shanghai"

_YEAR = re.compile(r"(?<!\d)(1[89]|2\d)\d\d(?!\d)")
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?")


def parse_datetime(raw: str, naive_timezone: str) -> datetime:
    """Parse ISO 8601, RFC 2822 and the looser forms people write.

    A time written without a zone is taken to be in naive_timezone. Raises ValueError
    when no date can be read; a string without a four-digit year is refused rather
    than completed from today's date.
    """
    text = _CJK_DATE.sub(lambda m: f"{m[1]}-{m[2]}-{m[3]} ", raw.strip()).strip()
    if not _YEAR.search(text):
        raise ValueError(f"no year in {raw!r}")
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            try:
                value = dateutil_parser.parse(text)
            except (ValueError, OverflowError) as error:
                raise ValueError(f"unreadable date {raw!r}") from error
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(naive_timezone))
    return value


def source_date() -> datetime | None:
    """The build's pinned time, `SOURCE_DATE_EPOCH`, when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch else None


def build_time() -> datetime:
    """When this build happened: the pinned time, so that two builds of one checkout
    give the same bytes, else the clock."""
    return source_date() or datetime.now(UTC)
