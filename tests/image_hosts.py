"""A local HTTP server on 127.0.0.1 that plays the image hosts of the seeds: a
hotlink-protected host, dead links, an HTML page at an image URL, a redirect, a slow
answer, a file over the size cap, one image under two URLs. It records every request."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from harness import LOOPBACK, ROOT, free_port
from PIL import Image

SLOW_SECONDS = 3.0


def make_image(format: str, size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=format)
    return out.getvalue()


PNG = make_image("PNG", (64, 48), (200, 30, 30))
JPEG = make_image("JPEG", (80, 60), (30, 120, 200))
WEBP = make_image("WEBP", (50, 50), (30, 200, 90))
GIF = make_image("GIF", (40, 30), (250, 200, 0))
HTML_PAGE = b"<!doctype html><html><body>\xe6\xad\xa4\xe5\x9b\xbe\xe7\x89\x87</body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
# A valid PNG signature followed by far more bytes than the tests' size cap.
HUGE = PNG[:16] + bytes(300_000)


@dataclass
class ImageHosts:
    """The server's address and every request it answered (path, headers)."""

    base: str
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    flaky_failures: int = 1

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


def _answer(hosts: ImageHosts, handler: BaseHTTPRequestHandler) -> None:
    path = handler.path
    headers = {name.lower(): value for name, value in handler.headers.items()}
    hosts.requests.append((path, headers))
    images = {
        "/img/photo.png": (PNG, "image/png"),
        "/img/photo.jpg": (JPEG, "image/jpeg"),
        "/img/copy-of-photo.png": (PNG, "image/png"),
        "/img/animation.gif": (GIF, "image/gif"),
        "/img/fake.jpg": (HTML_PAGE, "text/html; charset=utf-8"),
        "/img/drawing.svg": (SVG, "image/svg+xml"),
        "/img/huge.png": (HUGE, "image/png"),
    }
    if path == "/img/protected.webp":
        # WeChat's image host: a foreign Referer gets a refusal instead of the image.
        if "referer" in headers:
            handler.send_error(403)
            return
        images[path] = (WEBP, "image/webp")
    if path == "/img/redirect.png":
        handler.send_response(302)
        handler.send_header("Location", "/img/photo.png")
        handler.send_header("Content-Length", "0")
        handler.end_headers()
        return
    if path == "/img/slow.png":
        time.sleep(SLOW_SECONDS)
        images[path] = (PNG, "image/png")
    if path == "/img/flaky.gif" and hosts.flaky_failures > 0:
        hosts.flaky_failures -= 1
        handler.send_error(503)
        return
    if path == "/img/flaky.gif":
        images[path] = (GIF, "image/gif")
    if path not in images:
        handler.send_error(404)
        return
    body, content_type = images[path]
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def start_image_hosts() -> tuple[ImageHosts, ThreadingHTTPServer]:
    """Start the server on a free port of 127.0.0.1; call .shutdown() when done."""
    hosts = ImageHosts(base="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            # The client may give up first (timeout, size cap).
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                _answer(hosts, self)

        def log_message(self, format, *args):
            pass

    server = ThreadingHTTPServer((LOOPBACK, free_port()), Handler)
    server.daemon_threads = True
    hosts.base = f"http://{LOOPBACK}:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return hosts, server


def no_proxy_env() -> dict[str, str]:
    """The environment without proxy settings: requests go straight to 127.0.0.1."""
    return {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}


def make_images(seeds: Path, *args: str, env: dict[str, str] | None = None):
    """`make images` on a seeds folder, options passed through IMAGES_ARGS."""
    env = {**(env or no_proxy_env()), "ARCHIVE_SEEDS_DIR": str(seeds)}
    env["IMAGES_ARGS"] = " ".join(args)
    return subprocess.run(
        ["make", "--no-print-directory", "images"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
