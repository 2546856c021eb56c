"""Site names at the end of titles (`标题 | 少数派`), told apart from title text.

A title's last ` | …` part is the site's name only where the archive shows it is:
the page named its site so, or other captures from the same host end the same way,
or it spells the host's name. Elsewhere (`GPT-5 - 一场访谈`) the title stays whole.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from urllib.parse import urlsplit

from .records import Article


def _host(article: Article) -> str:
    host = urlsplit(article.source_url or "").hostname or ""
    return host.removeprefix("www.")


def _spells_host(suffix: str, host: str) -> bool:
    labels = host.split(".")
    name = suffix.casefold().replace(" ", "")
    return bool(host) and any(name == label for label in labels[:-1])


def settle_site_names(articles: list[Article]) -> list[Article]:
    """Each title without the site name it ends in, that name kept as `site_name`; a
    title the editor corrected is left as written."""
    shared = Counter(
        (_host(article), article.title_site_suffix)
        for article in articles
        if article.title_site_suffix and article.source_url
    )
    settled = []
    for article in articles:
        suffix = article.title_site_suffix
        if (
            suffix
            and "title" not in article.captured
            and (
                suffix == article.site_name
                or shared[(_host(article), suffix)] > 1
                or _spells_host(suffix, _host(article))
            )
        ):
            title = article.title.removesuffix(suffix).rstrip()
            for separator in ("|", "-", "_", "–", "—"):
                title = title.removesuffix(separator)
            article = replace(article, title=title.rstrip(), site_name=suffix)
        settled.append(article)
    return settled
