"""Write N synthetic seeds in the three capture formats, deterministically.

Each seed gets a unique source URL, a varied title, date, place, tags and length, and
a known phrase (`短语<number>号`) that search benchmarks can look for.
"""

from __future__ import annotations

import argparse
import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

WORDS = [
    "人工智能",
    "模型",
    "训练",
    "数据",
    "算力",
    "推理",
    "芯片",
    "开源",
    "安全",
    "对齐",
    "产品",
    "用户",
    "研究",
    "实验",
    "论文",
    "公司",
    "市场",
    "监管",
    "教育",
    "医疗",
    "机器人",
    "编程",
    "搜索",
    "语音",
    "图像",
    "视频",
    "翻译",
    "写作",
    "科学",
    "发现",
]
PLACES = ["北京", "上海", "广东", "浙江", "江苏", "四川", "未知地区"]
TAGS = ["AI", "GPT-5", "OpenAI", "芯片", "政策", "访谈", "研究"]


def _paragraph(rng: random.Random) -> str:
    return "，".join("".join(rng.choices(WORDS, k=rng.randint(2, 5))) for _ in range(6)) + "。"


def _body(rng: random.Random, number: int) -> str:
    paragraphs = [_paragraph(rng) for _ in range(rng.randint(5, 40))]
    paragraphs.insert(rng.randrange(len(paragraphs)), f"这一段包含基准短语{number}号，供搜索测试。")
    return "\n\n".join(paragraphs)


def seed_text(number: int, rng: random.Random) -> str:
    when = datetime(2023, 1, 1, tzinfo=timezone(timedelta(hours=8))) + timedelta(
        minutes=rng.randrange(3 * 365 * 24 * 60)
    )
    title = f"{rng.choice(WORDS)}{rng.choice(WORDS)}的第{number}种可能"
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


def generate(count: int, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20251122)
    for number in range(count):
        (folder / f"seed_{number:05d}.txt").write_text(seed_text(number, rng), encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    arguments = parser.parse_args()
    generate(arguments.count, arguments.folder)
