"""Fetching one remote image politely and checking that it is one.

Requests carry no Referer (WeChat's image host answers a foreign one with a
placeholder) and a browser's User-Agent; they have connect and read timeouts, a few
retries with growing pauses for what may pass (timeouts, 429, 5xx), and a size cap.
Only PNG, JPEG, GIF, WebP and AVIF are kept: the bytes are sniffed (`filetype`) and
must decode as the same format (Pillow). SVG is refused: it can carry scripts and is
not sanitised here.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass

import filetype
import httpx
from PIL import Image

BROWSER_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)
ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8"
# Sniffed MIME type -> file extension, for the types an archive keeps.
EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/avif": "avif",
}
PILLOW_TYPES = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "GIF": "image/gif",
    "WEBP": "image/webp",
    "AVIF": "image/avif",
}
RETRIED_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class FetchSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = 20 * 1024 * 1024
    concurrency: int = 4


@dataclass(frozen=True)
class FetchedImage:
    content: bytes
    content_type: str
    extension: str
    width: int
    height: int
    status: int
    final_url: str


class FetchFailure(Exception):
    """Why a URL gave no image, and the HTTP status if one came."""

    def __init__(self, reason: str, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.status = status


def image_client(settings: FetchSettings) -> httpx.Client:
    """One client for a run: pooled connections, redirects followed, no Referer ever."""
    timeout = httpx.Timeout(
        connect=settings.connect_timeout,
        read=settings.read_timeout,
        write=settings.read_timeout,
        pool=None,
    )
    return httpx.Client(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": BROWSER_USER_AGENT, "Accept": ACCEPT},
        limits=httpx.Limits(max_connections=settings.concurrency),
    )


def _is_svg(content: bytes) -> bool:
    head = content[:2048].lstrip().lower()
    return head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head)


def check_image(content: bytes) -> tuple[str, int, int]:
    """The content type, width and height of bytes that are a kept image type."""
    if _is_svg(content):
        raise FetchFailure("SVG is not archived: it can carry scripts and is not sanitised")
    kind = filetype.guess(content)
    if kind is None or kind.mime not in EXTENSIONS:
        found = kind.mime if kind else "unrecognised bytes"
        raise FetchFailure(f"not an image ({found})")
    try:
        with Image.open(io.BytesIO(content)) as image:
            size = image.size
            decoded_as = PILLOW_TYPES.get(image.format or "")
            image.verify()
    except Exception as error:  # Pillow raises many kinds for broken data
        raise FetchFailure(f"not a readable {kind.mime} image ({error})") from error
    if decoded_as != kind.mime:
        raise FetchFailure(f"bytes look like {kind.mime} but decode as {decoded_as}")
    return kind.mime, size[0], size[1]


def _read_capped(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailure(f"too large ({declared} bytes, cap {max_bytes})", response.status_code)
    chunks, received = [], 0
    for chunk in response.iter_bytes():
        received += len(chunk)
        if received > max_bytes:
            raise FetchFailure(f"too large (over the cap of {max_bytes} bytes)", 200)
        chunks.append(chunk)
    return b"".join(chunks)


class _PassingFailure(FetchFailure):
    """A failure that may pass (timeout, dropped connection, 429, 5xx): worth a retry."""


def _request(client: httpx.Client, url: str, max_bytes: int) -> FetchedImage:
    """One request for url: the image, or a failure saying whether a retry may help."""
    try:
        with client.stream("GET", url) as response:
            status = response.status_code
            if status in RETRIED_STATUSES:
                raise _PassingFailure(f"HTTP {status}", status)
            if status != 200:
                raise FetchFailure(f"HTTP {status}", status)
            content = _read_capped(response, max_bytes)
            served_as = response.headers.get("Content-Type", "no type")
            final_url = str(response.url)
    except httpx.TimeoutException as error:
        raise _PassingFailure(f"timed out ({type(error).__name__})") from error
    except httpx.TooManyRedirects as error:
        raise FetchFailure(f"more than {MAX_REDIRECTS} redirects") from error
    except httpx.InvalidURL as error:
        raise FetchFailure(f"not a valid URL ({error})") from error
    except httpx.RequestError as error:
        raise _PassingFailure(f"no answer ({type(error).__name__}: {error})") from error
    try:
        content_type, width, height = check_image(content)
    except FetchFailure as failure:
        raise FetchFailure(f"{failure.reason}, served as {served_as}", status) from None
    extension = EXTENSIONS[content_type]
    return FetchedImage(content, content_type, extension, width, height, status, final_url)


def fetch_image(client: httpx.Client, url: str, settings: FetchSettings) -> FetchedImage:
    """The image at url, or FetchFailure saying why not, after at most `retries` retries
    of failures that may pass, each after a pause twice as long as the one before."""
    for attempt in range(settings.retries):
        try:
            return _request(client, url, settings.max_bytes)
        except _PassingFailure:
            time.sleep(settings.backoff * 2**attempt)
    try:
        return _request(client, url, settings.max_bytes)
    except _PassingFailure as failure:
        raise FetchFailure(failure.reason, failure.status) from failure
