"""The cleaning report: for every seed, what each pass removed or repaired, as a page.

An archivist who doubts a cleaned page can see here exactly which lines were cut,
and compare with the raw seed published beside each article.
"""

from __future__ import annotations

import re

from .markdown_escape import markdown_text
from .records import ArticlePage, Rewrite

REPORT_URI = "cleaning-report.md"


def _code_block(lines: tuple[str, ...]) -> str:
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n" + "\n".join(lines) + f"\n{fence}"


def _before_and_after(rewrites: tuple[Rewrite, ...]) -> tuple[str, ...]:
    """Each change as two lines, the capture's text (原) over what it became (改)."""
    lines: list[str] = []
    for rewrite in rewrites:
        if lines:
            lines.append("")
        lines.extend([f"原 {rewrite.before}", f"改 {rewrite.after}"])
    return tuple(lines)


def render_cleaning_report(pages: list[ArticlePage]) -> str:
    """One section per article, one entry per pass that changed something."""
    parts = [
        # The report repeats every article's title: keep it out of search results.
        "---\ntitle: 清理报告\nsearch:\n  exclude: true\n---\n",
        "# 清理报告\n",
        "每篇文章在发布前都经过一系列清理步骤。下面列出每一步删除的行和改写的行数；"
        "修复强调标记、调整标点空格的步骤还逐处列出原文（原）和改后（改）的文字；"
        "原始采集文件可在每篇文章侧栏的“原始文件”中下载核对。\n",
    ]
    for page in sorted(pages, key=lambda p: p.article.seed_id):
        article = page.article
        link = page.src_uri.removeprefix("/")
        parts.append(f"## {markdown_text(article.seed_id)}\n")
        parts.append(f"[{markdown_text(article.title)}]({link})\n")
        if not page.cleaning:
            parts.append("未作改动。\n")
        for report in page.cleaning:
            changes = f"（{len(report.rewrites)} 处改动）" if report.rewrites else ""
            parts.append(
                f"- `{report.name}`：删除 {len(report.removed_lines)} 行，"
                f"改写 {report.rewritten_lines} 行{changes}\n"
            )
            if report.removed_lines:
                parts.append(_code_block(report.removed_lines) + "\n")
            if report.rewrites:
                parts.append(_code_block(_before_and_after(report.rewrites)) + "\n")
    return "\n".join(parts)
