"""Write N synthetic seeds of real size and markup, in the three capture formats.

    python bench/generate.py 1000 /tmp/seeds

Each seed gets a unique source URL, a varied title, date, place, tags and a known phrase
(`基准短语<number>号`) that search benchmarks look for. Its length and markup follow
`REAL_CAPTURES`, measured on real captures (the five seeds and the shared corpus) with
`measure_captures`: a long-tailed size distribution with the real median and mean, and
images, bold runs, links, headings, list items and promotional tails at the real rate per
10 KB. No real text is copied: words come from a made-up vocabulary (see `WORDS`).
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import re
import statistics
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

# A synthetic vocabulary with a Zipf-like frequency: a few words are everywhere (their
# postings are long, as for 的/我们 in real text), most are rare. Words are 1 to 4
# characters drawn from 3,000 Han characters.
_CHARACTERS = [chr(0x4E00 + i * 7) for i in range(3000)]
_VOCABULARY_RNG = random.Random(8000)
WORDS = [
    "".join(_VOCABULARY_RNG.choices(_CHARACTERS, k=_VOCABULARY_RNG.choice((1, 2, 2, 2, 3, 4))))
    for _ in range(8000)
]
_WEIGHTS = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(WORDS))))
LATIN = ["GPT-5", "OpenAI", "AI", "Sam Altman", "ChatGPT", "2025"]
PLACES = ["北京", "上海", "广东", "浙江", "江苏", "四川", "未知地区"]
TAGS = ["AI", "GPT-5", "OpenAI", "芯片", "政策", "访谈", "研究"]


@dataclass(frozen=True)
class CaptureProfile:
    """Size and markup of a set of captures: bytes per file, and markup per 10 KB."""

    files: int
    median_bytes: float
    mean_bytes: float
    images: float
    links: float
    bold_runs: float
    headings: float
    list_items: float
    # Share of captures whose tail the archive's cleaning cuts as promotion, and the
    # bytes cut per 10 KB of capture.
    tail_share: float
    tail_bytes: float


# Measured with `measure_captures` on ../shared/seeds/*.txt and ../shared/corpus/* (minus
# its README) on 2026-12-02: 14 captures, 4.6 KB to 55 KB. tests/test_generate.py measures
# the real captures again when they are present and compares the generator with them.
REAL_CAPTURES = CaptureProfile(
    files=14,
    median_bytes=7341,
    mean_bytes=12602,
    images=5.84,
    links=0.91,
    bold_runs=17.17,
    headings=6.01,
    list_items=1.93,
    tail_share=0.86,
    tail_bytes=476.1,
)

_IMAGE = re.compile(r"!\[[^\]\n]*\]\(")
_LINK = re.compile(r"(?<!!)\[[^\]\n]*\]\(")
_BOLD = re.compile(r"\*\*[^*\n]+?\*\*")
_ATX_HEADING = re.compile(r"^#{1,6} ", re.M)
_SETEXT_UNDERLINE = re.compile(r"^(?:=+|-{3,})[ \t]*$", re.M)
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d+\.) ", re.M)


def measure_captures(texts: list[str], tails: list[int]) -> CaptureProfile:
    """The profile of captures; tails[i] is the bytes the cleaning cut from text i as
    promotion (0 if none), which needs the archive's pipeline to know."""
    sizes = [len(text.encode()) for text in texts]
    per_10kb = 10_000 / sum(sizes)

    def rate(pattern: re.Pattern[str]) -> float:
        return round(sum(len(pattern.findall(text)) for text in texts) * per_10kb, 2)

    front_matter = re.compile(r"\A---\n.*?\n---\n", re.S)
    without_front_matter = [front_matter.sub("", text) for text in texts]
    headings = sum(
        len(_ATX_HEADING.findall(text)) + len(_SETEXT_UNDERLINE.findall(text))
        for text in without_front_matter
    )
    return CaptureProfile(
        files=len(texts),
        median_bytes=statistics.median(sizes),
        mean_bytes=round(statistics.mean(sizes)),
        images=rate(_IMAGE),
        links=rate(_LINK),
        bold_runs=rate(_BOLD),
        headings=round(headings * per_10kb, 2),
        list_items=round(
            sum(len(_LIST_ITEM.findall(text)) for text in without_front_matter) * per_10kb, 2
        ),
        tail_share=round(sum(1 for tail in tails if tail) / len(texts), 2),
        tail_bytes=round(sum(tails) * per_10kb, 1),
    )


# Sizes: log-normal with the real median and mean (mean / median = exp(sigma^2 / 2)),
# cut to the range real captures span (a bit wider on both sides).
_SIGMA = math.sqrt(2 * math.log(REAL_CAPTURES.mean_bytes / REAL_CAPTURES.median_bytes))
_SMALLEST, _LARGEST = 3_500, 80_000
# Formats as often as among the real captures: 9 WeChat exports, 3 feed captures and 2
# front-matter files of 14.
_FORMATS = "wwfwmwwfwmwfww"
# Every real WeChat export ends in an account's tail (2 of 9 a one-line footer), every
# real feed capture in a reprint line; the share of the other WeChat tails that are a
# long reading list or business notice rather than a few prompts.
_FOOTER_SHARE_WECHAT = 2 / 9
_LONG_TAIL_SHARE = 0.95
# Calibration, found by measuring the output at N = 200: prose is about this share of a
# capture's bytes (images, headings, header and tail are the rest); most links and some
# images are in tails (reading lists); lists have 2 to 5 items.
_PROSE_SHARE = 0.85
_LINKS_IN_BODY = 0.15
_ITEMS_PER_LIST = 4.0
_IMAGES_IN_BODY = 0.85


def _words(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choices(WORDS, cum_weights=_WEIGHTS, k=rng.randint(low, high)))


def _clause(rng: random.Random) -> str:
    words = rng.choices(WORDS, cum_weights=_WEIGHTS, k=rng.randint(2, 6))
    if rng.random() < 0.05:
        words.insert(rng.randrange(len(words)), rng.choice(LATIN))
    return "".join(words)


def _chance(rng: random.Random, per_10kb: float, block_bytes: int) -> bool:
    """True with the probability that gives `per_10kb` events per 10 KB of blocks."""
    return rng.random() < per_10kb * block_bytes / 10_000


def _image(rng: random.Random, kind: str) -> str:
    key = "".join(
        rng.choices("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", k=80)
    )
    if kind == "w":
        return f"![](https://mmbiz.qpic.cn/mmbiz_png/{key}/640?wx_fmt=png&from=appmsg)"
    return f"![](https://img.bench.example/uploads/{key[:40]}.jpg)"


def _link(rng: random.Random) -> str:
    return f"[{_words(rng, 2, 5)}](https://ref.bench.example/{rng.randrange(10**9)})"


def _paragraph(rng: random.Random) -> str:
    clauses = [_clause(rng) for _ in range(rng.randint(1, 9))]
    size = sum(len(clause) * 3 for clause in clauses)
    # Bold: a lead-in ("**问：**…", a speaker's name) or a clause inside the paragraph.
    for index in range(len(clauses)):
        if _chance(rng, REAL_CAPTURES.bold_runs / _PROSE_SHARE, size / len(clauses)):
            clauses[index] = f"**{clauses[index]}**"
    if _chance(rng, REAL_CAPTURES.links * _LINKS_IN_BODY, size):
        clauses.insert(rng.randrange(len(clauses) + 1), _link(rng))
    return "，".join(clauses) + "。"


def _heading(rng: random.Random, kind: str) -> str:
    text = _words(rng, 2, 5)
    if kind == "f" and rng.random() < 0.5:
        return f"{text}\n{'-' * 8}"  # feed captures often keep setext headings
    return f"{'#' * rng.choice((2, 2, 3))} {text}"


def _list(rng: random.Random) -> list[str]:
    marker = rng.choice(("- ", "* ", "1. "))
    return ["\n".join(f"{marker}{_words(rng, 3, 10)}" for _ in range(rng.randint(2, 5)))]


def _body(rng: random.Random, number: int, kind: str, target: int) -> str:
    blocks: list[str] = []
    size = 0
    while size < target:
        block = _paragraph(rng)
        block_bytes = len(block.encode())
        extra: list[str] = []
        if _chance(rng, REAL_CAPTURES.headings, block_bytes):
            extra.append(_heading(rng, kind))
        if _chance(rng, REAL_CAPTURES.images * _IMAGES_IN_BODY, block_bytes):
            extra.append(_image(rng, kind))
        if _chance(rng, REAL_CAPTURES.list_items / _ITEMS_PER_LIST, block_bytes):
            extra.extend(_list(rng))
        for item in [*extra, block]:
            blocks.append(item)
            size += len(item.encode()) + 2
    blocks.insert(rng.randrange(len(blocks)), f"这一段包含基准短语{number}号，供搜索测试。")
    return "\n\n".join(blocks)


def _promotional_tail(rng: random.Random, kind: str) -> str:
    """An account's tail in the shapes real ones take: an opener (end marker, reading
    list, follow prompt), then only short blocks, images, rules and links."""
    opener = rng.choice(("— **完** —", "END", "* * *\n\n— 完 —", "**点这里关注我，记得标星哦～**"))
    blocks = [opener]
    if rng.random() < _LONG_TAIL_SHARE:
        blocks.append(rng.choice(("# 往期回顾", "**推荐阅读**")))
        for item in range(1, rng.randint(2, 4)):
            url = f"http://mp.weixin.qq.com/s?__biz=QkVOQ0g=&mid={rng.randrange(10**9)}&idx=1"
            blocks.append(f"[{item}、{_words(rng, 4, 9)}]({url}){_image(rng, kind)}")
        blocks.append("* * *")
        blocks.append(f"**{_words(rng, 8, 14)}!**")
        blocks.extend(f"## {_words(rng, 5, 10)}" for _ in range(rng.randint(2, 4)))
        blocks.append(f"**合作请联系负责人微信：{_words(rng, 1, 2)}-{rng.randrange(10**4)}**")
    else:
        blocks.append("投稿请发邮件到：\n\n**tougao@bench.example**")
        blocks.extend(_words(rng, 4, 9) for _ in range(rng.randint(3, 6)))
    blocks.append(f"**一键三连「分享」、「点赞」和「在看」**\n\n**{_words(rng, 3, 6)} ~**")
    blocks.append(_image(rng, kind))
    return "\n\n".join(blocks)


def _reprint_line(rng: random.Random) -> str:
    """The line a feed capture ends with when the site reposts a WeChat article."""
    account = _words(rng, 1, 3)
    url = f"https://mp.weixin.qq.com/s/{rng.randrange(10**12)}"
    return f"本文来自微信公众号 [“{account}”]({url})，作者：{_words(rng, 1, 2)}，36氪经授权发布。"


def _target_bytes(rng: random.Random) -> int:
    size = rng.lognormvariate(math.log(REAL_CAPTURES.median_bytes), _SIGMA)
    return int(min(_LARGEST, max(_SMALLEST, size)))


def seed_text(number: int, rng: random.Random) -> str:
    when = datetime(2023, 1, 1, tzinfo=timezone(timedelta(hours=8))) + timedelta(
        minutes=rng.randrange(3 * 365 * 24 * 60)
    )
    title = f"{_clause(rng)}的第{number}种可能"
    kind = _FORMATS[number % len(_FORMATS)]
    # The header and tail take about 400 bytes of the capture's size.
    body = _body(rng, number, kind, _target_bytes(rng) - 400)
    if kind == "w":
        if rng.random() < _FOOTER_SHARE_WECHAT:
            contact = f"{_words(rng, 1, 2)}@bench.example"
            tail = f"\n\n_© THE END 转载请联系本公众号获得授权投稿或寻求报道：{contact}_"
        else:
            tail = "\n\n" + _promotional_tail(rng, kind)
        return (
            f"# {title}\n\n文章作者: 测试号{number % 50}\n发布时间: {when:%Y-%m-%d %H:%M}\n"
            f"发布地: {rng.choice(PLACES)}\n"
            f"原文链接: http://mp.weixin.qq.com/s?__biz=QkVOQ0g=&mid={number}&idx=1&sn=b{number}"
            f"&chksm=x#rd\n\n{body}{tail}\n"
        )
    if kind == "f":
        stamp = when.astimezone(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
        link = f"https://bench.example/p/{number}"
        return (
            f"> id: {link}\n\n> link: {link}\n\n> title: {title}\n\n# {title}\n"
            f"_Published on {stamp}_\n\n{body}\n\n{_reprint_line(rng)}\n"
        )
    tags = ", ".join(rng.sample(TAGS, 2))
    return (
        f"---\ntitle: {title}\ndate: '{when.isoformat()}'\ntags: [{tags}]\n"
        f"source_url: https://blog.example/{number}\n---\n{body}\n"
    )


def generate(count: int, folder: Path) -> list[str]:
    """Write the seeds; return their texts, seed n at index n."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20251122)
    texts = []
    for number in range(count):
        text = seed_text(number, rng)
        (folder / f"seed_{number:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


_TITLE = re.compile(r"^(?:# |title: |> title: )(.+)$", re.M)
_HAN_SPAN = re.compile(r"[\u4e00-\u9fff]{8,}")


def known_queries(texts: list[str], samples: int = 20) -> list[tuple[str, int]]:
    """Queries whose right answer is known: (query, seed number).

    For seeds spread over the archive: the seed's known phrase, its title, and six Han
    characters from inside one of its clauses that no other seed contains. Clauses are
    taken from prose paragraphs (lines ending in "。"), never from a promotional tail,
    which the archive's cleaning cuts.
    """
    rng = random.Random(7)
    queries = []
    for number in sorted({i * len(texts) // samples for i in range(samples)}):
        text = texts[number]
        queries.append((f"基准短语{number}号", number))
        queries.append((_TITLE.search(text)[1], number))
        prose = [line for line in text.split("\n\n", 1)[1].splitlines() if line.endswith("。")]
        spans = _HAN_SPAN.findall("\n".join(prose))
        for _ in range(50):
            span = rng.choice(spans)
            start = rng.randrange(len(span) - 5)
            phrase = span[start : start + 6]
            if sum(phrase in other for other in texts) == 1:
                queries.append((phrase, number))
                break
    return queries


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    arguments = parser.parse_args()
    generate(arguments.count, arguments.folder)
