"""What the issue says the five seeds hold: the one table both unit and build tests read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from harness import ROOT

SEEDS_DIR = ROOT / "seeds"


@dataclass(frozen=True)
class ExpectedSeed:
    seed_id: str
    format: str
    title: str
    author: str | None
    published: str  # ISO 8601 with offset
    published_display: str  # as the sidebar shows it, in Beijing time
    place: str | None
    source_url: str | None
    cover: bool
    title_suspect: bool = False
    # What the editor's annotations (seeds/*.notes.yml) put on the page instead.
    corrected_title: str | None = None
    corrected_author: str | None = None

    @property
    def page_title(self) -> str:
        return self.corrected_title or self.title

    @property
    def page_author(self) -> str | None:
        return self.corrected_author or self.author

    @property
    def published_at(self) -> datetime:
        return datetime.fromisoformat(self.published)


EXPECTED_SEEDS = (
    ExpectedSeed(
        "000_37a665e4ef7b3441",
        "front-matter",
        "Sam 在透露较多关于 GPT-5 的信息",
        None,
        "2024-03-18T19:34:24.306269+08:00",
        "2024-03-18 19:34:24",
        None,
        None,
        cover=False,
    ),
    ExpectedSeed(
        "001_4830aab3c3ed9d32",
        "wechat",
        "【最新】Sam Altman 斯坦福闭门演讲：GPT5会比GPT4强非常多，OpenAI不怕copy",
        "AI寒武纪",
        "2024-04-26T00:35:00+08:00",
        "2024-04-26 00:35",
        "江苏",
        "https://mp.weixin.qq.com/s?__biz=Mzg3MTkxMjYzOA==&mid=2247492092&idx=1"
        "&sn=9c8e61b3b53c44283f82ab7c2ebac654",
        cover=False,
    ),
    ExpectedSeed(
        "002_0aa2ea9de07dcc1e",
        "wechat",
        "OpenAI CEO大爆料：GPT-5的预训练还没有启动；看来我们还要多等等......",
        "AI范儿",
        "2023-06-08T06:14:00+08:00",
        "2023-06-08 06:14",
        "上海",
        "https://mp.weixin.qq.com/s?__biz=Mzk0NzQzOTczOA==&mid=2247491956&idx=1"
        "&sn=ed82bc46ad158524908d6b825d9347d3",
        cover=True,
    ),
    ExpectedSeed(
        "003_c5574c47c0f95dce",
        "feed",
        "GPT-8AI4",
        None,
        "2025-08-16T04:21:39+00:00",
        "2025-08-16 12:21:39",
        None,
        "https://www.36kr.com/p/3425008830123401",
        cover=False,
        title_suspect=True,
        corrected_title="GPT-8或能治愈癌症：奥特曼谈GPT-5的突破与AI发展的4大瓶颈",
        corrected_author="王涵",
    ),
    ExpectedSeed(
        "004_db852270f7b26be9",
        "wechat",
        "视频访谈节目：OpenAI创始人Sam Altman亲述GPT-4o细节,展望科技浪潮下新生存模式!",
        "AI深度研究员",
        "2024-05-16T09:30:00+08:00",
        "2024-05-16 09:30",
        "上海",
        "https://mp.weixin.qq.com/s?__biz=Mzg5NTc4ODkzOA==&mid=2247490338&idx=1"
        "&sn=56ad0861af3bd36997324913c95cebc8",
        cover=True,
    ),
)


def starts_with_credit_or_promotion(summary: str) -> bool:
    """What a summary must never open with (issue #14): a byline or credit line
    ("机器之心报道 …", "Janus团队 投稿自 凹非寺"), a note marker ("注："), a promotion."""
    from clippings.cleaning.boilerplate import is_promotion
    from clippings.cleaning.bylines import line_credits

    words = summary.split()
    if any(line_credits(" ".join(words[:count])) for count in range(1, min(len(words), 5) + 1)):
        return True
    return summary.lstrip().startswith(("注：", "注:")) or is_promotion(summary)
