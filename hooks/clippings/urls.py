"""Canonical source URLs: one spelling per article, without tracking parameters."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

WECHAT_HOST = "mp.weixin.qq.com"
# The four parameters that identify a WeChat article; everything else is session or tracking.
WECHAT_IDENTITY = ("__biz", "mid", "idx", "sn")
TRACKING_PARAMETERS = frozenset(
    {"spm", "from", "fbclid", "gclid", "scene", "xtrack", "share_token"}
)


def canonical_url(raw: str) -> str | None:
    """The canonical form of an http(s) URL, or None for anything else.

    WeChat article links keep only their identity parameters, in a fixed order, and
    move to https; other links lose utm_* and known tracking parameters. Fragments
    (`#rd`, `#wechat_redirect`) are dropped from both.
    """
    parts = urlsplit(raw.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.netloc.lower()
    query = parse_qsl(parts.query, keep_blank_values=True)
    if parts.hostname.lower() == WECHAT_HOST:
        values = dict(query)
        query = [(key, values[key]) for key in WECHAT_IDENTITY if key in values]
        return urlunsplit(("https", host, parts.path, urlencode(query, safe="="), ""))
    query = [
        (key, value)
        for key, value in query
        if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMETERS
    ]
    return urlunsplit((parts.scheme.lower(), host, parts.path, urlencode(query, safe="=/"), ""))


def http_url(raw: str) -> str | None:
    """The URL unchanged if it is http(s), else None: for images, whose query may matter."""
    url = raw.strip()
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def display_host(url: str) -> str:
    """The host a reader recognises a link by: `mp.weixin.qq.com`, `36kr.com`."""
    host = (urlsplit(url).hostname or url).lower()
    return host.removeprefix("www.")
