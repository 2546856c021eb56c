"""From what a parser read to the archive's one record shape."""

from __future__ import annotations

import hashlib

from .attribution import reprint_attribution
from .cleaning.bylines import leading_credits
from .dates import ARCHIVE_TIME_ZONE, parse_datetime
from .records import Article, Capture, DecodedText, Problem, SeedFile
from .urls import canonical_url, http_url


def _title_from_file_name(seed: SeedFile) -> str:
    return seed.relative_path.stem.replace("_", " ").strip() or seed.relative_path.name


def normalise(
    seed: SeedFile, raw: bytes, decoded: DecodedText, capture: Capture
) -> tuple[Article, list[Problem]]:
    """Build the Article for a seed; whatever cannot be read becomes a Problem, not a guess."""
    seed_path = str(seed.relative_path)
    problems = [Problem(seed_path, message) for message in capture.problems]

    def when(raw_value: str | None, label: str):
        if not raw_value:
            return None
        try:
            return parse_datetime(raw_value, capture.naive_timezone or ARCHIVE_TIME_ZONE)
        except ValueError:
            problems.append(Problem(seed_path, f"{label} date {raw_value!r} could not be read"))
            return None

    def link(raw_value: str | None, label: str, check=canonical_url):
        if not raw_value:
            return None
        url = check(raw_value)
        if url is None:
            problems.append(Problem(seed_path, f"{label} {raw_value!r} is not an http(s) URL"))
        return url

    reprint = reprint_attribution(capture.body)
    authors = capture.authors or ((capture.author,) if capture.author else ())
    known = [name for name in (capture.author, capture.site_name) if name]
    credits = leading_credits(capture.body, known)
    # A byline naming other writers leaves the capture's author as the account that
    # published them (a WeChat export's 文章作者 is the account's name).
    account = credits.account
    if account is None and credits.authors and capture.author not in credits.authors:
        account = capture.author
    article = Article(
        seed_id=seed.seed_id,
        seed_path=seed_path,
        format=capture.format,
        encoding=decoded.encoding,
        content_hash=hashlib.sha256(raw).hexdigest(),
        title=capture.title or _title_from_file_name(seed),
        title_suspect=capture.title_suspect,
        damaged_title=capture.damaged_title,
        title_recovered_from=capture.title_recovered_from,
        body=capture.body,
        author="、".join(authors) or None,
        authors=authors,
        published=when(capture.published, "publication"),
        updated=when(capture.updated, "update"),
        place=capture.place,
        source_url=link(capture.source_url, "source link"),
        cover_image=link(capture.cover_image, "cover image", http_url),
        tags=capture.tags,
        categories=capture.categories,
        summary=capture.summary,
        original_account=reprint.account if reprint else None,
        original_author=reprint.author if reprint else None,
        original_url=link(reprint.url if reprint else None, "reprint link"),
        byline_authors=credits.authors,
        editors=tuple(dict.fromkeys(credits.editors + (reprint.editors if reprint else ()))),
        contributors=credits.contributors,
        account=account,
        clipped=when(capture.clipped, "capture"),
        site_name=capture.site_name,
        title_site_suffix=capture.title_site_suffix,
    )
    return article, problems
