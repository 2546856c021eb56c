"""Conversion time per HTML capture at real size: N saved web pages of 50–300 KB.

    python bench/html_pages.py 1000

Each page is made like a SingleFile capture of a news article: SingleFile's header
comment, Open Graph tags, schema.org JSON-LD, inline styles and scripts, a navigation
bar, a sidebar, a related-articles list and a footer around an article of 5 to 60
paragraphs with headings, a list, a quotation, a table, code and one to six images
inlined as `data:` URIs (as SingleFile inlines every image). The page's size is drawn
between 50 and 300 KB; boilerplate and image bytes make up the rest beyond the text.

Every page goes through `read_seed` (decoding, format detection, trafilatura, the
dialects, normalising, cleaning) one after another in this process, so the figure is
the time one core spends per HTML capture. Prints one table row: pages, KB range and
median, wall ms per capture (median, 90th percentile, max), CPU ms per capture (mean;
steadier than wall time on a machine shared with other work), total wall seconds, and
the share of pages whose known phrase and title came through with no boilerplate.
"""

from __future__ import annotations

import argparse
import base64
import random
import statistics
import sys
import tempfile
import time
import zlib
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "bench"))

from generate import _clause, _paragraph  # noqa: E402

from clippings.pipeline import read_seed  # noqa: E402
from clippings.records import SeedFile  # noqa: E402

BOILERPLATE_MARK = "导航样板"
COLUMNS = ["pages", "KB (min–max, median)", "ms/capture median", "p90", "max",
           "CPU ms/capture", "total s", "text right"]  # fmt: skip


def _png(rng: random.Random, size: int) -> bytes:
    """A PNG of about `size` bytes of noise (noise does not compress)."""
    side = max(8, int((size / 3) ** 0.5))
    rows = b"".join(b"\x00" + rng.randbytes(side * 3) for _ in range(side))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = side.to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 1))
        + chunk(b"IEND", b"")
    )


def _article(rng: random.Random, number: int, images: list[str]) -> str:
    parts = [f"<h1>{_clause(rng)}的第{number}篇报道</h1>"]
    paragraphs = rng.randint(5, 60)
    for index in range(paragraphs):
        if index % 8 == 3:
            parts.append(f"<h2>{_clause(rng)}</h2>")
        if index == paragraphs // 2:
            parts.append(f"<p>这一段包含基准短语{number}号，供核对正文。</p>")
        parts.append(f"<p>{_paragraph(rng)}</p>")
        if index == 2:
            parts.append("<ul>" + "".join(f"<li>{_clause(rng)}</li>" for _ in range(4)) + "</ul>")
        if index == 4:
            parts.append(f"<blockquote><p>{_paragraph(rng)}</p></blockquote>")
        if index == 6:
            rows = "".join(f"<tr><td>{_clause(rng)}</td><td>{i}</td></tr>" for i in range(4))
            parts.append(f"<table><tr><th>项目</th><th>数值</th></tr>{rows}</table>")
            parts.append("<pre><code>for step in range(10):\n    train(step)\n</code></pre>")
        if images and index % max(1, paragraphs // len(images)) == 1:
            source = images.pop()
            parts.append(f'<figure><img src="{source}" alt="配图"><figcaption>图：{_clause(rng)}'
                         "</figcaption></figure>")  # fmt: skip
    return "\n".join(parts)


def page_html(number: int, rng: random.Random) -> str:
    target = rng.randint(50, 300) * 1024
    images = [
        "data:image/png;base64," + base64.b64encode(_png(rng, rng.randint(2, 20) * 1024)).decode()
        for _ in range(rng.randint(1, 6))
    ]
    article = _article(rng, number, images)
    nav = "".join(f'<a href="/c/{i}">{BOILERPLATE_MARK}{i}</a>' for i in range(30))
    related = "".join(f'<li><a href="/r/{i}">相关{BOILERPLATE_MARK}{i}</a></li>' for i in range(12))
    head = (
        '<!DOCTYPE html> <html lang="zh-CN"><!--\n Page saved with SingleFile \n'
        f" url: https://news.example/{number} \n saved date: Sun Jun 02 2024 10:15:00 GMT+0800"
        ' (中国标准时间)\n--><head><meta charset="utf-8">'
        f"<title>第{number}篇报道 | 示例新闻</title>"
        f'<meta property="og:title" content="第{number}篇报道 | 示例新闻">'
        '<meta property="og:site_name" content="示例新闻">'
        f'<meta property="og:url" content="https://news.example/{number}">'
        '<meta name="author" content="记者甲">'
        '<meta property="article:published_time" content="2024-05-30T08:00:00+08:00">'
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>'
    )
    footer = f"<footer><p>页脚{BOILERPLATE_MARK} © 2024</p></footer>"
    page = [
        head, "<style>", "", "</style><script>", "", "</script></head><body>",
        f"<header><nav>{nav}</nav></header><aside><ul>{related}</ul></aside>",
        f"<main><article>{article}</article>",
        f"<section class=related><h3>推荐{BOILERPLATE_MARK}</h3><ul>{related}</ul></section>",
        f"</main>{footer}</body></html>",
    ]  # fmt: skip
    missing = target - len("".join(page).encode())
    if missing > 0:  # SingleFile inlines the site's stylesheets and scripts
        style, script = ".rule{color:#123456;margin:0 auto}\n", "window.t=function(a){return a};\n"
        page[1] = style * (missing // 2 // len(style) + 1)
        page[3] = script * (missing // 2 // len(script) + 1)
    return "".join(page)


def run(count: int) -> dict[str, str]:
    rng = random.Random(20261202)
    sizes, times, right = [], [], 0
    cpu = 0.0
    with tempfile.TemporaryDirectory() as folder:
        for number in range(count):
            data = page_html(number, rng).encode()
            path = Path(folder) / f"page_{number:05d}.html"
            path.write_bytes(data)
            seed = SeedFile(path, PurePosixPath(path.name))
            started, cpu_started = time.perf_counter(), time.process_time()
            result, problems = read_seed(seed, data)
            times.append((time.perf_counter() - started) * 1000)
            cpu += time.process_time() - cpu_started
            sizes.append(len(data) / 1024)
            body = result.article.body if result else ""
            right += (
                f"基准短语{number}号" in body
                and BOILERPLATE_MARK not in body
                and result.article.title == f"第{number}篇报道"
                and not problems
            )
    deciles = statistics.quantiles(times, n=10, method="inclusive") if len(times) > 1 else times * 9
    return dict(zip(COLUMNS, [
        str(count),
        f"{min(sizes):.0f}–{max(sizes):.0f}, {statistics.median(sizes):.0f}",
        f"{statistics.median(times):.1f}", f"{deciles[8]:.1f}", f"{max(times):.1f}",
        f"{cpu * 1000 / count:.1f}",
        f"{sum(times) / 1000:.1f}", f"{right}/{count}",
    ], strict=True))  # fmt: skip


def build(count: int) -> str:
    """A cold `mkdocs build` of the same pages: wall seconds and ms per seed."""
    from run import _build

    rng = random.Random(20261202)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "seeds").mkdir()
        for number in range(count):
            page = page_html(number, rng).encode()
            (work / "seeds" / f"page_{number:05d}.html").write_bytes(page)
        wall, summary, _ = _build(work / "seeds", work / "site", work / "cache")
    return (
        f"cold build of {count} HTML seeds: {wall:.1f} s, {wall / count * 1000:.1f} ms/seed "
        f"(render {float(summary[4]):.1f} s)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("--build", action="store_true", help="also time a cold site build")
    arguments = parser.parse_args()
    measured = run(arguments.count)
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + " --- |" * len(COLUMNS))
    print("| " + " | ".join(measured.values()) + " |")
    if arguments.build:
        print(build(arguments.count))
