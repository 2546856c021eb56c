"""Index pages: the ways into the archive besides search (timeline, authors, sources,
places). Articles are not in the site's navigation; these pages are how they are found."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .date_display import format_date
from .markdown_escape import markdown_text
from .records import Archive, Article, ArticlePage, NoteEntry
from .urls import WECHAT_HOST

UNKNOWN = "不详"


# Entries per index page: a long list stays quick to render and to scroll on a phone.
PAGE_SIZE = 200


@dataclass(frozen=True)
class IndexPage:
    """A generated browse page: where it goes, its Markdown, whether the nav lists it."""

    src_uri: str
    markdown: str
    in_nav: bool = True


@dataclass(frozen=True)
class IndexGroup:
    """A heading of an index and the articles under it, newest first."""

    name: str
    pages: list[ArticlePage]


def _link(target: str, source: str) -> str:
    """A Markdown link target from one generated page to another, relative to it."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def _entry(page: ArticlePage, source: str) -> str:
    article = page.article
    date = format_date(article.published) if article.published else "日期不详"
    byline = f" · {markdown_text(article.author)}" if article.author else ""
    return f"- {date} · [{markdown_text(article.title)}]({_link(page.src_uri, source)}){byline}"


def paginate(
    base: str, title: str, intro: str, groups: list[IndexGroup]
) -> tuple[list[IndexPage], dict[str, str]]:
    """An index split into pages of at most PAGE_SIZE entries, and where each group starts.

    Page 1 is `<base>.md`, page k `<base>/<k>.md`. A group cut by a page break goes on
    under its heading marked （续）. With more than one page, page 1 lists every group with
    its size, linking to where it starts, and every page ends with a pager.
    """
    chunks: list[list[tuple[int, bool, list[ArticlePage]]]] = [[]]
    room = PAGE_SIZE
    for number, group in enumerate(groups):
        remaining, first = group.pages, True
        while remaining:
            if room == 0:
                chunks.append([])
                room = PAGE_SIZE
            chunks[-1].append((number, first, remaining[:room]))
            remaining, room, first = remaining[room:], room - len(remaining[:room]), False
    uris = [f"{base}.md"] + [f"{base}/{k}.md" for k in range(2, len(chunks) + 1)]
    starts = {
        groups[number].name: f"{uris[k]}#group-{number}"
        for k, chunk in enumerate(chunks)
        for number, first, _ in chunk
        if first
    }
    pages = []
    for k, chunk in enumerate(chunks):
        uri = uris[k]
        heading = title if k == 0 else f"{title} · 第 {k + 1} 页"
        # Index pages only repeat titles and names: search should lead to the articles.
        parts = [f"---\ntitle: {heading}\nsearch:\n  exclude: true\n---\n", f"# {heading}\n"]
        if k == 0:
            parts.append(f"{intro}\n")
            if len(chunks) > 1:
                parts.append(_directory(groups, starts, uri))
        for number, first, entries in chunk:
            name = markdown_text(groups[number].name)
            parts.append(f"## {name} {{#group-{number}}}\n" if first else f"## {name}（续）\n")
            parts.append("\n".join(_entry(page, uri) for page in entries) + "\n")
        if not chunk:
            parts.append("尚无文章。\n")
        if len(chunks) > 1:
            parts.append(_pager(uris, k))
        pages.append(IndexPage(uri, "\n".join(parts), in_nav=k == 0))
    return pages, starts


def _directory(groups: list[IndexGroup], starts: dict[str, str], source: str) -> str:
    items = [
        f"[{markdown_text(g.name)}]({_link(starts[g.name], source)})（{len(g.pages)}）"
        for g in groups
    ]
    return "全部分组：" + " · ".join(items) + "\n"


def _pager(uris: list[str], current: int) -> str:
    here = uris[current]
    parts = []
    if current > 0:
        parts.append(f"[‹ 上一页]({_link(uris[current - 1], here)})")
    parts.append(f"第 {current + 1} / {len(uris)} 页")
    if current + 1 < len(uris):
        parts.append(f"[下一页 ›]({_link(uris[current + 1], here)})")
    pages = " ".join(
        f"[{k + 1}]({_link(uri, here)})" if k != current else f"**{k + 1}**"
        for k, uri in enumerate(uris)
    )
    return '<nav class="archive-pager" markdown>\n' + " · ".join(parts) + f"\n\n{pages}\n</nav>\n"


def render_timeline(archive: Archive) -> list[IndexPage]:
    """Articles by year and month of publication (Beijing time), newest first."""
    by_month: dict[str, list[ArticlePage]] = defaultdict(list)
    undated = []
    for page in archive.newest_first():
        if page.article.published is None:
            undated.append(page)
        else:
            year, month, _ = format_date(page.article.published).split("-")
            by_month[f"{year} 年 {int(month)} 月"].append(page)
    groups = [IndexGroup(name, pages) for name, pages in by_month.items()]
    groups += [IndexGroup("日期不详", undated)] if undated else []
    return paginate("timeline", "时间线", "按发布时间排列的全部文章。", groups)[0]


def _grouped(archive: Archive, keys: Callable[[Article], Iterable[str]]) -> list[IndexGroup]:
    """Groups by each of an article's keys (none: 不详), largest first, 不详 last."""
    groups: dict[str, list[ArticlePage]] = defaultdict(list)
    for page in archive.newest_first():
        for key in keys(page.article) or (UNKNOWN,):
            groups[key].append(page)
    known = sorted((name for name in groups if name != UNKNOWN), key=lambda n: (-len(groups[n]), n))
    names = known + ([UNKNOWN] if UNKNOWN in groups else [])
    return [IndexGroup(name, groups[name]) for name in names]


def _one(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


def source_site(article: Article) -> str | None:
    """The site an article was captured from, as a reader names it."""
    if not article.source_url:
        return None
    host = urlsplit(article.source_url).hostname or ""
    if host == WECHAT_HOST:
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
    return IndexPage("notes.md", "\n".join(parts))


def render_tag_index(archive: Archive) -> tuple[list[IndexPage], dict[str, str]]:
    """Articles by tag, and the page and anchor where each tag's list starts."""
    groups = _grouped(archive, lambda a: a.tags)
    groups = [group for group in groups if group.name != UNKNOWN]
    return paginate("tags", "标签", "按采集记录中的标签分组。", groups)


def render_indexes(archive: Archive) -> list[IndexPage]:
    """Every index page of the archive but the tags (see render_tag_index)."""
    authors = _grouped(archive, lambda a: a.authors or _one(a.author or a.original_account))
    sources = _grouped(archive, lambda a: _one(source_site(a)))
    places = _grouped(archive, lambda a: _one(a.place))
    return [
        *render_timeline(archive),
        render_notes_index(archive),
        *paginate(
            "authors", "作者与公众号", "按作者或公众号分组；转载文章归入原载公众号。", authors
        )[0],
        *paginate("sources", "来源网站", "按原文所在的网站分组。", sources)[0],
        *paginate("places", "发布地", "按采集记录的发布地分组。", places)[0],
    ]
