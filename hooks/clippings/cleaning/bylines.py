"""Bylines become metadata: the credit lines at the top of a body.

WeChat-style bodies open with who wrote, edited or contributed the article and which
account published it ("鱼羊 发自 凹非寺", "量子位 | 公众号 QbitAI", "机器之心报道",
"**机器之心编辑部**", "编辑：蛋酱", "Janus团队 投稿自 凹非寺"). They are short lines before
the first real paragraph, each made only of credits, recognised by their markers (发自,
报道, 投稿, 编辑部, `角色：名字`, `X | 公众号 Y`) or by repeating the account's own name:
`normalise` reads them into the record (the sidebar's 作者 / 编辑 / 投稿 / 账号 rows) and
`strip_bylines` takes the same lines out of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..attribution import split_names
from ..records import Article
from .markdown_lines import EMPHASIS_MARKS, lines_outside_code


@dataclass(frozen=True)
class Credits:
    """The byline block at the top of a body, and which of its lines it took."""

    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    account: str | None = None
    lines: tuple[int, ...] = ()


# A name in a byline: short, and no sentence punctuation.
_NAME = r"[^\s。！？!?，,；;：:｜|][^。！？!?，,；;：:｜|]{1,19}?"
# "鱼羊 发自 凹非寺"; "他发自内心地感谢" is prose: the place is a word or two, set apart.
_SENT_FROM = re.compile(rf"^(?P<names>{_NAME})(?:\s+发自\s+\S{{1,8}}|发自\S{{1,4}})$")
# "欢迎投稿" and "请投稿" invite submissions; they name no one.
_CONTRIBUTED = re.compile(rf"^(?!欢迎|请)(?P<names>{_NAME})\s*投稿(?:自\s*\S{{1,10}})?$")
_ACCOUNT_ID = re.compile(rf"^(?P<account>{_NAME})\s*[|｜]\s*公众号\s*[\w.-]*$")
_ACCOUNT = re.compile(r"^公众号\s*[：:]?\s*(?P<account>[^\s：:]{1,20})$")
_NEWSROOM = re.compile(rf"^(?P<name>{_NAME}编辑部)$")
# "机器之心报道"; "据路透社报道" reports what someone else said, and is prose.
_REPORTED = re.compile(r"^(?P<account>[^\s据。！？!?，,；;：:｜|]{2,16}?)\s*(?:原创)?报道$")
_ROLE = re.compile(r"(?P<role>责任编辑|作者|撰文|编辑|责编|主编|投稿)\s*[：:｜|]\s*")
_ROLES = {"作者": "author", "撰文": "author", "投稿": "contributor"}
_NAME_ONLY = re.compile(rf"^{_NAME}$")
_HEADING_MARKS = re.compile(r"^ {0,3}#{1,6}\s+")
# Lines the scan passes over: blank, images, rules and the exporter's arrows.
_PASSED_OVER = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)*$|^\s*(?:[-*_]\s*){3,}$|^\s*[▽△▼▲]\s*$")
# "图｜GettyImages", "编译｜汤源": credits of a kind the sidebar has no row for, left as
# they are; the scan goes on past them.
_OTHER_CREDIT = re.compile(r"^[^\s｜|]{1,4}\s*[｜|]\s*\S.{0,19}$")
# The byline block sits in the first few lines; a credit further down is content.
_SCANNED_LINES = 12


def _role_credits(segment: str) -> list[tuple[str, str]] | None:
    """`作者：张三 编辑：李四`: each role marker starts a credit that runs to the next."""
    markers = list(_ROLE.finditer(segment))
    if not markers or markers[0].start() != 0:
        return None
    credits = []
    for marker, following in zip(markers, [*markers[1:], None], strict=True):
        names = segment[marker.end() : following.start() if following else len(segment)].strip()
        if not _NAME_ONLY.match(names):
            return None
        credits.append((_ROLES.get(marker["role"], "editor"), names))
    return credits


def _segment_credits(segment: str, known: set[str]) -> list[tuple[str, str]] | None:
    if segment in known:
        return [("account", segment)]
    if match := _SENT_FROM.match(segment):
        return [("author", match["names"])]
    if match := _CONTRIBUTED.match(segment):
        return [("contributor", match["names"])]
    if match := _ACCOUNT_ID.match(segment) or _ACCOUNT.match(segment):
        return [("account", match["account"])]
    if match := _NEWSROOM.match(segment):
        return [("editor", match["name"])]
    if match := _REPORTED.match(segment):
        return [("account", match["account"])]
    return _role_credits(segment)


def line_credits(line: str, known: Iterable[str] = ()) -> list[tuple[str, str]] | None:
    """The credits a line is made of, as (role, names), or None when it is anything else.

    Every part of the line must be a credit: "机器之心报道**机器之心编辑部**" is two,
    "编辑：蛋酱，本文讲述了……" is prose.
    """
    text = _HEADING_MARKS.sub("", line.strip()).replace("\\", "")
    if not text or len(text) > 60:
        return None
    names = {name.strip() for name in known if name and name.strip()}
    credits: list[tuple[str, str]] = []
    # Emphasis the exporter wrapped around a credit, or put between two on one line.
    for segment in EMPHASIS_MARKS.split(text):
        segment = segment.strip()
        if not segment:
            continue
        found = _segment_credits(segment, names)
        if found is None:
            return None
        credits.extend(found)
    return credits or None


def leading_credits(body: str, known: Iterable[str] = ()) -> Credits:
    """The byline block at the top of a body: credit lines before the first real one.

    `known` are names the capture already gives the account (its author field, its
    site name): a line that only repeats one of them is the account's name again.
    """
    known = tuple(known)
    lines = body.split("\n")
    found: dict[str, list[str]] = {"author": [], "editor": [], "contributor": [], "account": []}
    taken: list[int] = []
    scanned = 0
    for index in lines_outside_code(lines):
        line = lines[index]
        if _PASSED_OVER.match(line):
            continue
        scanned += 1
        if scanned > _SCANNED_LINES:
            break
        credits = line_credits(line, known)
        if credits is None:
            if _OTHER_CREDIT.match(line.strip()):
                continue
            break
        taken.append(index)
        for role, names in credits:
            found[role].extend(split_names(names) if role != "account" else [names.strip()])
    return Credits(
        authors=tuple(dict.fromkeys(found["author"])),
        editors=tuple(dict.fromkeys(found["editor"])),
        contributors=tuple(dict.fromkeys(found["contributor"])),
        account=found["account"][0] if found["account"] else None,
        lines=tuple(taken),
    )


def known_names(article: Article) -> tuple[str, ...]:
    """Names the capture already gives the account: a line repeating one is a credit."""
    return tuple(name for name in (article.author, article.site_name) if name)


def strip_bylines(body: str, article: Article) -> str:
    """Take the byline block out of the body: `normalise` made it metadata."""
    taken = set(leading_credits(body, known_names(article)).lines)
    if not taken:
        return body
    return "\n".join(line for index, line in enumerate(body.split("\n")) if index not in taken)
