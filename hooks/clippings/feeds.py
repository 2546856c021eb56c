"""RSS and Atom feeds of the newest articles, for feed readers."""

from __future__ import annotations

from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from .records import Archive

RSS_URI = "feed_rss.xml"
ATOM_URI = "feed_atom.xml"
FEED_SIZE = 50


@dataclass(frozen=True)
class SiteInfo:
    name: str
    description: str
    url: str  # absolute, ending in "/"


def render_feeds(archive: Archive, site: SiteInfo, urls: dict[str, str]) -> tuple[str, str]:
    """RSS 2.0 and Atom documents of the newest dated articles.

    Every date in them comes from the articles, never from the clock, so two builds
    of the same seeds give the same bytes.
    """
    newest = [page for page in archive.newest_first() if page.article.published][:FEED_SIZE]
    feed = FeedGenerator()
    feed.id(site.url)
    feed.title(site.name)
    feed.description(site.description or site.name)
    feed.load_extension("dc")
    # feedgen takes the channel's RSS <link> from the last link given: self first.
    feed.link(href=site.url + ATOM_URI, rel="self")
    feed.link(href=site.url, rel="alternate")
    feed.language("zh-CN")
    feed.generator("clipping-archive")
    if newest:
        latest = max(
            page.article.updated or page.article.published
            for page in newest  # type: ignore[type-var]
        )
        feed.updated(latest)
        feed.lastBuildDate(latest)
    for page in reversed(newest):  # feedgen prepends: add oldest first, newest ends on top
        article = page.article
        link = site.url + urls[page.src_uri]
        entry = feed.add_entry()
        entry.id(link)
        entry.guid(link, permalink=True)
        entry.title(article.title)
        entry.link(href=link)
        if article.author:
            entry.author(name=article.author)  # Atom
            entry.dc.dc_creator(article.author)  # RSS wants an e-mail in <author>
        entry.published(article.published)
        entry.updated(article.updated or article.published)
        if article.summary:
            entry.summary(article.summary)
            entry.description(article.summary)
    rss = feed.rss_str(pretty=True).decode("utf-8")
    atom = feed.atom_str(pretty=True).decode("utf-8")
    return rss, atom
