"""How to cite an archived article: one CSL-JSON item per article, and what reference
managers read, made from it: a GB/T 7714-2015 reference, BibTeX (bibtexparser) and RIS
(rispy).

The item cites the archived page (it stays where the original may not) and names the
original address beside it; the access date is the build's date.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

import bibtexparser
import rispy
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field

from .date_display import BEIJING
from .records import Article
from .urls import WECHAT_HOST

BIBTEX_NAME = "citation.bib"
RIS_NAME = "citation.ris"
CSL_NAME = "citation.json"

# Platforms whose host name says less than their name does.
_PLATFORMS = {WECHAT_HOST: "微信公众号"}
_BIBTEX_SPECIAL = re.compile(r"([{}%&$#_])")
_BIBTEX_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_:-]+")


def publisher_name(article: Article, site_name: str) -> str:
    """Who published the article: the original account for a reprint, the account of a
    WeChat post, else the platform or site its link points to, else this archive."""
    if article.original_account:
        return article.original_account
    if article.format == "wechat" and article.author:
        return article.author
    if article.source_url:
        host = urlsplit(article.source_url).hostname or ""
        return _PLATFORMS.get(host, host)
    return site_name


def _date_parts(moment: datetime) -> dict[str, list[list[int]]]:
    local = moment.astimezone(BEIJING)
    return {"date-parts": [[local.year, local.month, local.day]]}


def csl_item(
    article: Article, page_url: str, site_name: str, accessed: datetime
) -> dict[str, object]:
    """The article as a CSL-JSON item: the archived page is its URL, the original is
    named in its note."""
    item: dict[str, object] = {
        "id": article.seed_id,
        "type": "post-weblog" if article.format == "front-matter" else "webpage",
        "title": article.title,
        "publisher": publisher_name(article, site_name),
        "archive": site_name,
        "URL": page_url,
        "accessed": _date_parts(accessed),
        "language": "zh-CN",
    }
    if article.author:
        item["author"] = [{"literal": article.author}]
    if article.published:
        item["issued"] = _date_parts(article.published)
    if article.source_url:
        item["note"] = f"原文：{article.source_url}"
    if article.summary:
        item["abstract"] = article.summary
    return item


def _iso_date(parts: object) -> str:
    year, month, day = parts["date-parts"][0]  # type: ignore[index]
    return f"{year:04d}-{month:02d}-{day:02d}"


def gbt7714(item: dict[str, object]) -> str:
    """A GB/T 7714-2015 reference of the item (4.6 electronic resources, with a publisher:
    `作者. 题名[EB/OL]. 出版者, 出版年[引用日期]. URL.`), the original address after it.

    The official CSL style gives the same, and a test holds the two together; here it is
    written out because citeproc-py takes about 50 ms a reference, minutes of every build
    at 10,000 articles.
    """
    authors = ", ".join(author["literal"] for author in item.get("author", []))  # type: ignore[attr-defined]
    accessed = _iso_date(item["accessed"])
    # Without a publication date the standard estimates the year, in brackets.
    year = _iso_date(item["issued"])[:4] if "issued" in item else f"[{accessed[:4]}]"
    parts = [authors] if authors else []
    parts += [f"{item['title']}[EB/OL]", f"{item['publisher']}, {year}[{accessed}]"]
    reference = ". ".join([*parts, str(item["URL"])]) + "."
    note = item.get("note")
    return f"{reference} {note}." if note else reference


def _bibtex_text(value: str) -> str:
    """Text for a BibTeX field: TeX's special characters escaped, on one line."""
    text = " ".join(value.split()).replace("\\", "\x00")
    text = _BIBTEX_SPECIAL.sub(r"\\\1", text)
    text = text.replace("^", r"\^{}").replace("~", r"\~{}")
    return text.replace("\x00", r"\textbackslash{}")


def _bibtex_url(value: str) -> str:
    """A URL for a verbatim field: only braces could end it, and a URL needs none."""
    return value.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


def bibtex(item: dict[str, object], original_url: str | None) -> str:
    """A biblatex `@online` entry (names and titles in braces so that no style
    splits or recases them)."""
    fields = [Field("title", "{" + _bibtex_text(str(item["title"])) + "}")]
    for author in item.get("author", []):  # type: ignore[attr-defined]
        fields.append(Field("author", "{" + _bibtex_text(author["literal"]) + "}"))
    if "issued" in item:
        fields.append(Field("date", _iso_date(item["issued"])))
    fields += [
        Field("organization", _bibtex_text(str(item["publisher"]))),
        Field("url", _bibtex_url(str(item["URL"]))),
        Field("urldate", _iso_date(item["accessed"])),
        Field("langid", "chinese"),
    ]
    if original_url:
        fields.append(Field("note", "原文：\\url{" + _bibtex_url(original_url) + "}"))
    key = _BIBTEX_KEY_UNSAFE.sub("-", str(item["id"])) or "article"
    return bibtexparser.write_string(Library([Entry("online", key, fields)]))


class _RisWriter(rispy.RisWriter):
    """RIS without the numbered line rispy writes before each record."""

    def set_header(self, count: int) -> str:
        return ""


def _ris_text(value: str) -> str:
    return " ".join(value.split())


def ris(item: dict[str, object], original_url: str | None) -> str:
    """An RIS record (`ELEC`): the archived page first, the original after it."""
    record: dict[str, object] = {
        "type_of_reference": "ELEC",
        "title": _ris_text(str(item["title"])),
        "publisher": _ris_text(str(item["publisher"])),
        "urls": [str(item["URL"])] + ([original_url] if original_url else []),
        "access_date": _iso_date(item["accessed"]).replace("-", "/"),
        "language": "zh",
    }
    authors = [_ris_text(a["literal"]) for a in item.get("author", [])]  # type: ignore[attr-defined]
    if authors:
        record["authors"] = authors
    if "issued" in item:
        issued = _iso_date(item["issued"])
        record["year"] = issued[:4]
        record["date"] = issued.replace("-", "/")
    if "abstract" in item:
        record["abstract"] = _ris_text(str(item["abstract"]))
    return rispy.dumps([record], implementation=_RisWriter)
