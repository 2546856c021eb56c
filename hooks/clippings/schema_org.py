"""schema.org JSON-LD for an article's `<head>`: what search engines read.

A WeChat post or a news reprint is a `NewsArticle`, a blog post a `BlogPosting`. The
editor's metadata corrections are stated as a `CorrectionComment`, and the headline is
the corrected title.
"""

from __future__ import annotations

import json
import re

from .citations import publisher_name
from .records import Article

_FIELD_NAMES = {"title": "标题", "author": "作者", "published": "发布时间", "tags": "标签",
                "summary": "摘要"}  # fmt: skip
# Characters that could end a <script> element or an HTML comment, or end a line in
# old JavaScript parsers: written as JSON escapes, which mean the same characters.
_INERT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                        "\u2028": "\\u2028", "\u2029": "\\u2029"})  # fmt: skip


def inert_json(data: object, indent: int | None = None) -> str:
    """JSON that stays data inside an HTML `<script>` element, and anywhere else."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return text.translate(_INERT)


def correction_text(article: Article) -> str | None:
    """What the editor corrected, in words, with the captured values."""
    if not article.captured:
        return None
    parts = [
        f"{_FIELD_NAMES.get(field, field)}（采集值：{value}）"
        for field, value in article.captured.items()
    ]
    return "编者更正了" + "、".join(parts) + "。"


# Names a byline gives a group rather than a person: "机器之心编辑部", "Janus团队", "vivo AI Lab".
_GROUP = re.compile(
    r"(?:编辑部|团队|实验室|研究院|研究所|小组|公司|\b(?:Lab|Labs|Team|Group))$", re.I
)


def _agents(names: tuple[str, ...]) -> list[dict[str, str]]:
    return [
        {"@type": "Organization" if _GROUP.search(name) else "Person", "name": name}
        for name in names
    ]


def article_json_ld(
    article: Article, page_url: str, site_name: str, site_url: str
) -> dict[str, object]:
    """The schema.org description of one archived article."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting" if article.format == "front-matter" else "NewsArticle",
        "headline": article.title,
        "url": page_url,
        "archivedAt": page_url,
        "inLanguage": "zh-CN",
        "publisher": {"@type": "Organization", "name": publisher_name(article, site_name)},
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url},
    }
    if article.published:
        data["datePublished"] = article.published.isoformat()
        data["dateModified"] = (article.updated or article.published).isoformat()
    if article.byline_authors:
        data["author"] = _agents(article.byline_authors)
    elif article.author:
        kind = "Organization" if article.format == "wechat" else "Person"
        data["author"] = {"@type": kind, "name": article.author}
    if article.editors:
        data["editor"] = _agents(article.editors)
    if article.contributors:
        data["contributor"] = _agents(article.contributors)
    if article.source_url:
        data["isBasedOn"] = article.source_url
    if article.summary:
        data["description"] = article.summary
    if article.tags:
        data["keywords"] = list(article.tags)
    if article.cover_image:
        data["image"] = article.cover_image
    if (correction := correction_text(article)) is not None:
        data["correction"] = {"@type": "CorrectionComment", "text": correction}
    return data
