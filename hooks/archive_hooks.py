"""MkDocs events for the archive. The work is done by the sibling `clippings` package;
this module only hands its pages and problems to MkDocs."""

from __future__ import annotations

import gc
import hashlib
import time
from pathlib import Path

from markupsafe import escape
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel

from clippings import Archive, build_archive
from clippings.browse_pages import render_indexes, render_tag_index
from clippings.cache import SeedCache
from clippings.cleaning_report import REPORT_URI, render_cleaning_report
from clippings.date_display import format_beijing, format_date, format_datetime, is_beijing_time
from clippings.exports import CSV_URI, JSON_URI, archive_records, render_csv, render_json
from clippings.feeds import ATOM_URI, RSS_URI, SiteInfo, render_feeds
from clippings.glossary import GlossaryExtension
from clippings.page_store import store_page
from clippings.progress import progress_reporter
from clippings.sanitize import sanitize_html
from clippings.search import BackgroundIndex, article_document
from clippings.workers import peak_rss_megabytes

log = get_plugin_logger(__name__)

_seeds_dir: Path | None = None
_cache_dir: Path | None = None
_archive = Archive()
_glossary = GlossaryExtension()
_generated_uris: set[str] = set()
_pages_by_uri: dict = {}
_neighbours: dict[str, tuple[str | None, str | None]] = {}
_tag_starts: dict[str, str] = {}
_started = 0.0
_phases: dict[str, float] = {}
_rendered = 0
_search_index = BackgroundIndex()
_serving = False
_gc_thresholds = gc.get_threshold()


# Material's offline plugin would load this shim from a CDN; the theme ships a copy.
OFFLINE_WORKER_SHIM = "assets/javascripts/iframe-worker-shim.js"


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


@event_priority(100)
def on_config(config):
    global _seeds_dir, _cache_dir
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [OFFLINE_WORKER_SHIM]
    settings = config.extra.get("archive", {})
    project = Path(config.config_file_path).parent
    _seeds_dir = project / settings.get("seeds_dir", "seeds")
    cache_dir = settings.get("cache_dir", ".cache")
    # One cache per seeds folder: builds of two folders neither mix pages nor prune each
    # other's entries.
    folder_key = hashlib.sha1(str(_seeds_dir.resolve()).encode()).hexdigest()[:12]
    _cache_dir = project / cache_dir / folder_key if cache_dir else None
    # `abbr` that finds glossary terms inside Chinese text, with the archive's glossary.
    config.markdown_extensions.append(_glossary)
    return config


def on_files(files, config):
    global _archive, _generated_uris, _started, _rendered, _tag_starts
    _started = time.perf_counter()
    _rendered = 0
    log.info(f"converting the seeds in {_seeds_dir}")
    cache = SeedCache(_cache_dir) if _cache_dir else None
    _archive = build_archive(
        _seeds_dir, cache=cache, progress=progress_reporter(log.info, "converting seeds")
    )
    if cache is not None:
        cache.close()
        log.info(f"seed cache: {cache.hits} unchanged, {cache.misses} converted")
    _glossary.set_terms(_archive.glossary)
    tag_pages, _tag_starts = render_tag_index(_archive)
    indexes = render_indexes(_archive) + tag_pages
    _generated_uris = {page.src_uri for page in _archive.pages} | {REPORT_URI}
    _generated_uris |= {index.src_uri for index in indexes}

    # With the cache on, generated pages are kept on disk, rewritten only when their
    # text changes, so that `mkdocs serve --dirty` renders again only changed pages.
    def source(uri: str, markdown: str) -> dict[str, str]:
        if _cache_dir is None:
            return {"content": markdown}
        return {"abs_src_path": str(store_page(_cache_dir / "pages", uri, markdown))}

    for index in indexes:
        inclusion = InclusionLevel.UNDEFINED if index.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(
            File.generated(
                config, index.src_uri, inclusion=inclusion, **source(index.src_uri, index.markdown)
            )
        )
    for page in _archive.pages:
        files.append(
            File.generated(
                config,
                page.src_uri,
                inclusion=InclusionLevel.NOT_IN_NAV,
                **source(page.src_uri, page.markdown),
            )
        )
        # The raw seed, byte for byte. The source name gets a suffix MkDocs does not
        # render, so a seed named .md is published as a file, not as a second page.
        raw = File.generated(
            config,
            f"{page.raw_uri}.seed",
            abs_src_path=str(_seeds_dir / page.article.seed_path),
        )
        raw.dest_uri = page.raw_uri
        files.append(raw)
    report = render_cleaning_report(_archive.pages)
    files.append(File.generated(config, REPORT_URI, **source(REPORT_URI, report)))
    # The home page lists the newest articles: as generated content it is rendered on
    # every build, dirty ones (`make serve`) included.
    home = files.get_file_from_path("index.md")
    if home is not None:
        files.remove(home)
        files.append(File.generated(config, "index.md", content=home.content_string))
    urls = {page.src_uri: files.get_file_from_path(page.src_uri).url for page in _archive.pages}
    records = archive_records(_archive, urls)
    site = SiteInfo(config.site_name, config.site_description or "", config.site_url or "/")
    rss, atom = render_feeds(_archive, site, urls)
    for uri, content in [(JSON_URI, render_json(records)), (CSV_URI, render_csv(records)),
                         (RSS_URI, rss), (ATOM_URI, atom)]:  # fmt: skip
        files.append(File.generated(config, uri, content=content))
    _phases["convert"] = time.perf_counter() - _started
    log.info(f"converted {len(_archive.pages)} seeds in {_phases['convert']:.2f} s")
    # The search index is built on the other core while MkDocs renders pages; its files
    # go straight into the site folder.
    documents = [article_document(p.article, urls[p.src_uri]) for p in _archive.newest_first()]
    _search_index.start(documents, Path(config.site_dir))
    _phases["render_start"] = time.perf_counter()
    log.info("building the search index in the background; rendering pages")
    return files


def on_env(env, config, files):
    global _pages_by_uri, _neighbours, _gc_thresholds
    # Rendering thousands of pages keeps every page in memory; the cyclic garbage
    # collector rescanning that growing heap made rendering grow faster than linearly.
    # Everything alive now is kept out of its scans until the build ends, and it runs
    # less often (10,000 seeds: rendering 98 s -> 82 s, peak memory lower).
    gc.collect()
    gc.freeze()
    _gc_thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 20, 10)
    _pages_by_uri = {p.src_uri: files.get_file_from_path(p.src_uri).page for p in _archive.pages}
    _neighbours = _archive.neighbours()
    env.filters["archive_datetime"] = format_datetime
    env.filters["archive_beijing"] = format_beijing
    env.tests["archive_beijing_time"] = is_beijing_time
    env.filters["archive_date"] = format_date
    # Tag chips link to where the tag's list starts in the paginated tag index. Keys are
    # escaped like the page tags they are looked up with (see on_page_markdown).
    starts = {tag: uri.partition("#") for tag, uri in _tag_starts.items()}
    env.globals["archive_tag_links"] = {
        str(escape(tag)): f"{files.get_file_from_path(path).url}#{anchor}"
        for tag, (path, _, anchor) in starts.items()
    }
    env.globals["archive_articles"] = [
        (page.article, files.get_file_from_path(page.src_uri).url)
        for page in _archive.newest_first()
    ]
    return env


@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    # Material prints the title (header, <title>) and tag names unescaped: escape them
    # before any plugin reads them, hence the priority.
    if "title" in page.meta:
        page.meta["title"] = escape(page.meta["title"])
    if "description" in page.meta:
        page.meta["description"] = escape(page.meta["description"])
    if isinstance(page.meta.get("tags"), list):
        page.meta["tags"] = [escape(tag) for tag in page.meta["tags"]]
    return markdown


def on_page_context(context, page, config, nav):
    # Previous and next article in publication order, shown in Material's footer.
    previous_uri, next_uri = _neighbours.get(page.file.src_uri, (None, None))
    if previous_uri or next_uri:
        page.previous_page = _pages_by_uri.get(previous_uri)
        page.next_page = _pages_by_uri.get(next_uri)
    return context


def on_page_content(html, page, config, files):
    global _rendered
    _rendered += 1
    if _rendered % 1000 == 0:
        log.info(f"rendering pages: {_rendered} done")
    # Pages made from seeds carry captured text: only allowlisted markup goes out.
    if page.file.src_uri in _generated_uris:
        return sanitize_html(html)
    return html


@event_priority(-100)
def on_post_build(config):
    # What this build kept alive may be garbage by the next (`mkdocs serve`).
    gc.unfreeze()
    gc.set_threshold(*_gc_thresholds)
    # One warning per problem, all together at the end where the archivist looks;
    # `mkdocs build --strict` turns them into a failed build. Then a one-line summary.
    warnings = _archive.warnings()
    render = time.perf_counter() - _phases["render_start"]
    if _serving:
        # A preview shows the edited page at once; search catches up in the background.
        _search_index.when_done(lambda index: log.info(f"search index: {index}"))
        index_note = "search index in the background"
    else:
        index = _search_index.wait()
        log.info(f"search index: {index}")
        index_note = f"search index {index.seconds:.1f} s beside it"
    for warning in warnings:
        log.warning(warning)
    log.info(
        f"archive: {len(_archive.pages)} seeds, {_rendered} pages, {len(warnings)} seeds with "
        f"warnings, {time.perf_counter() - _started:.1f} s (convert {_phases['convert']:.1f} s, "
        f"render {render:.1f} s, {index_note}; peak RSS {peak_rss_megabytes():.0f} MB)"
    )


def on_build_error(error):
    gc.unfreeze()
    gc.set_threshold(*_gc_thresholds)


def on_shutdown():
    _search_index.wait()


def on_serve(server, config, builder):
    server.watch(str(_seeds_dir))
    return server
