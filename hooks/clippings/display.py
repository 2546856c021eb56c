"""How dates read on the site: the capture's own clock, with its zone named."""

from __future__ import annotations

from datetime import datetime


def _as_datetime(value: datetime | str) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def format_datetime(value: datetime | str) -> str:
    """`2024-04-26 00:35 +08:00`; seconds only when the capture recorded them; UTC as GMT."""
    moment = _as_datetime(value)
    text = moment.strftime("%Y-%m-%d %H:%M:%S" if moment.second else "%Y-%m-%d %H:%M")
    offset = moment.utcoffset()
    if offset is None:
        return text
    if not offset:
        return f"{text} GMT"
    zone = moment.strftime("%z")
    return f"{text} {zone[:3]}:{zone[3:]}"


def format_date(value: datetime | str) -> str:
    """`2024-04-26`, the day as the capture's own clock saw it."""
    return _as_datetime(value).strftime("%Y-%m-%d")
