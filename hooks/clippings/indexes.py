"""Index pages: the ways into the archive besides search (timeline, authors, sources,
places). Articles are not in the site's navigation; these pages are how they are found."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .display import format_date
from .pages import markdown_text
from .records import Archive, Article, ArticlePage, NoteEntry

UNKNOWN = "不详"


@dataclass(frozen=True)
class IndexPage:
    src_uri: str
    title: str
    markdown: str


def _entry(page: ArticlePage) -> str:
    article = page.article
    date = format_date(article.published) if article.published else "日期不详"
    byline = f" · {markdown_text(article.author)}" if article.author else ""
    return f"- {date} · [{markdown_text(article.title)}]({page.src_uri}){byline}"


def _document(title: str, intro: str, sections: list[tuple[str, list[ArticlePage]]]) -> str:
    # Index pages only repeat titles and names: search should lead to the articles.
    header = f"---\ntitle: {title}\nsearch:\n  exclude: true\n---\n"
    parts = [header, f"# {title}\n", f"{intro}\n"]
    for heading, pages in sections:
        parts.append(f"## {heading}\n")
        parts.append("\n".join(_entry(page) for page in pages) + "\n")
    return "\n".join(parts)


def render_timeline(archive: Archive) -> IndexPage:
    """Articles by year and month of publication (Beijing time), newest first."""
    by_month: dict[str, list[ArticlePage]] = defaultdict(list)
    undated = []
    for page in archive.newest_first():
        if page.article.published is None:
            undated.append(page)
        else:
            year, month, _ = format_date(page.article.published).split("-")
            by_month[f"{year} 年 {int(month)} 月"].append(page)
    sections = list(by_month.items()) + ([("日期不详", undated)] if undated else [])
    return IndexPage(
        "timeline.md", "时间线", _document("时间线", "按发布时间排列的全部文章。", sections)
    )


def _grouped(
    archive: Archive, key: Callable[[Article], str | None]
) -> list[tuple[str, list[ArticlePage]]]:
    groups: dict[str, list[ArticlePage]] = defaultdict(list)
    for page in archive.newest_first():
        groups[key(page.article) or UNKNOWN].append(page)
    known = sorted((name for name in groups if name != UNKNOWN), key=lambda n: (-len(groups[n]), n))
    names = known + ([UNKNOWN] if UNKNOWN in groups else [])
    return [(markdown_text(name), groups[name]) for name in names]


def source_site(article: Article) -> str | None:
    """The site an article was captured from, as a reader names it."""
    if not article.source_url:
        return None
    host = urlsplit(article.source_url).hostname or ""
    if host == "mp.weixin.qq.com":
        return "微信公众号"
    return host.removeprefix("www.")


def _note_entry(note: NoteEntry) -> str:
    date = format_date(note.published) if note.published else "日期不详"
    first_line = note.text.strip().split("\n")[0]
    return (
        f"- {date} · [{markdown_text(note.title)}]({note.src_uri}#note-{note.number})："
        f"“{markdown_text(note.quote)}”  \n  {markdown_text(first_line)}"
    )


def render_notes_index(archive: Archive) -> IndexPage:
    """Every passage note, grouped by tag and in publication order: read the 预测 group
    as a tracker of predictions over time."""
    by_tag: dict[str, list[NoteEntry]] = defaultdict(list)
    for note in archive.notes:
        for tag in note.tags or ("未分类",):
            by_tag[tag].append(note)
    names = sorted((t for t in by_tag if t != "未分类"), key=lambda t: (-len(by_tag[t]), t))
    names += ["未分类"] if "未分类" in by_tag else []
    parts = [
        "---\ntitle: 批注\nsearch:\n  exclude: true\n---\n",
        "# 批注\n",
        "编者对文章段落所作的全部批注，按标签分组，组内按文章发布时间排列。\n",
    ]
    for name in names:
        notes = sorted(by_tag[name], key=lambda n: (n.published is None, n.published, n.number))
        parts.append(f"## {markdown_text(name)}\n")
        parts.append("\n".join(_note_entry(note) for note in notes) + "\n")
    if not names:
        parts.append("尚无批注。\n")
    return IndexPage("notes.md", "批注", "\n".join(parts))


def render_indexes(archive: Archive) -> list[IndexPage]:
    """Every index page of the archive."""
    return [
        render_timeline(archive),
        render_notes_index(archive),
        IndexPage(
            "authors.md",
            "作者与公众号",
            _document(
                "作者与公众号",
                "按作者或公众号分组；转载文章归入原载公众号。",
                _grouped(archive, lambda a: a.author or a.original_account),
            ),
        ),
        IndexPage(
            "sources.md",
            "来源网站",
            _document("来源网站", "按原文所在的网站分组。", _grouped(archive, source_site)),
        ),
        IndexPage(
            "places.md",
            "发布地",
            _document("发布地", "按采集记录的发布地分组。", _grouped(archive, lambda a: a.place)),
        ),
    ]
