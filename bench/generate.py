"""Write N synthetic seeds in the three capture formats, deterministically.

Each seed gets a unique source URL, a varied title, date, place, tags and length, and
a known phrase (`短语<number>号`) that search benchmarks can look for.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
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


def _clause(rng: random.Random) -> str:
    words = rng.choices(WORDS, cum_weights=_WEIGHTS, k=rng.randint(2, 6))
    if rng.random() < 0.05:
        words.insert(rng.randrange(len(words)), rng.choice(LATIN))
    return "".join(words)


def _paragraph(rng: random.Random) -> str:
    return "，".join(_clause(rng) for _ in range(6)) + "。"


def _body(rng: random.Random, number: int) -> str:
    paragraphs = [_paragraph(rng) for _ in range(rng.randint(5, 40))]
    paragraphs.insert(rng.randrange(len(paragraphs)), f"这一段包含基准短语{number}号，供搜索测试。")
    return "\n\n".join(paragraphs)


def seed_text(number: int, rng: random.Random) -> str:
    when = datetime(2023, 1, 1, tzinfo=timezone(timedelta(hours=8))) + timedelta(
        minutes=rng.randrange(3 * 365 * 24 * 60)
    )
    title = f"{_clause(rng)}的第{number}种可能"
    body = _body(rng, number)
    kind = number % 3
    if kind == 0:
        return (
            f"# {title}\n\n文章作者: 测试号{number % 50}\n发布时间: {when:%Y-%m-%d %H:%M}\n"
            f"发布地: {rng.choice(PLACES)}\n"
            f"原文链接: http://mp.weixin.qq.com/s?__biz=QkVOQ0g=&mid={number}&idx=1&sn=b{number}"
            f"&chksm=x#rd\n\n{body}\n\n**⭐星标测试号，好内容不错过**\n"
        )
    if kind == 1:
        stamp = when.astimezone(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
        link = f"https://bench.example/p/{number}"
        return (
            f"> id: {link}\n\n> link: {link}\n\n> title: {title}\n\n# {title}\n"
            f"_Published on {stamp}_\n\n{body}\n"
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
    characters from inside one of its clauses that no other seed contains.
    """
    rng = random.Random(7)
    queries = []
    for number in sorted({i * len(texts) // samples for i in range(samples)}):
        text = texts[number]
        queries.append((f"基准短语{number}号", number))
        queries.append((_TITLE.search(text)[1], number))
        spans = _HAN_SPAN.findall(text.split("\n\n", 1)[1])
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
