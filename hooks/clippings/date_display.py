"""How dates read on the site: in Beijing time, the readers' clock, with the capture's
own clock and zone kept beside it when they differ."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from .dates import ARCHIVE_TIME_ZONE

BEIJING = ZoneInfo(ARCHIVE_TIME_ZONE)


def _as_datetime(value: datetime | str) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _clock(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S" if moment.second else "%Y-%m-%d %H:%M")


def format_datetime(value: datetime | str) -> str:
    """The capture's own clock: `2025-08-16 04:21:39 GMT`, `2024-04-26 00:35 +08:00`."""
    moment = _as_datetime(value)
    offset = moment.utcoffset()
    if offset is None:
        return _clock(moment)
    if not offset:
        return f"{_clock(moment)} GMT"
    zone = moment.strftime("%z")
    return f"{_clock(moment)} {zone[:3]}:{zone[3:]}"


def format_beijing(value: datetime | str) -> str:
    """The same moment on a Beijing clock: `2025-08-16 12:21:39`."""
    return _clock(_as_datetime(value).astimezone(BEIJING))


def is_beijing_time(value: datetime | str) -> bool:
    """Whether the capture's clock already was Beijing time (UTC+8)."""
    return _as_datetime(value).utcoffset() == timedelta(hours=8)


def format_date(value: datetime | str) -> str:
    """`2024-04-26`, the day in Beijing."""
    return _as_datetime(value).astimezone(BEIJING).strftime("%Y-%m-%d")
