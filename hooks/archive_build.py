"""The archive's side of a MkDocs build, for the hook module to forward events to.

`ArchiveBuild` lives as long as the MkDocs process (MkDocs loads a hook module once, and
`mkdocs serve` rebuilds many times): it holds the typed settings, the glossary extension
and the search-index process. Everything one build learns is kept in a fresh
`BuildState`, made in `on_files`, so nothing of one build leaks into the next.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as options
from mkdocs.exceptions import Abort, ConfigurationError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from clippings import Archive, build_archive
from clippings.archive_links import CAPTURED_MEDIA_DIR
from clippings.article_exports import ArticleLinks, article_exports
from clippings.browse_pages import render_indexes, render_tag_index
from clippings.cache import SeedCache, pipeline_version
from clippings.cleaning_report import REPORT_URI, render_cleaning_report
from clippings.date_display import format_beijing, format_date, format_datetime, is_beijing_time
from clippings.discovery import SeedsFolderError, check_seeds_folder
from clippings.exports import CSV_URI, JSON_URI, archive_records, render_csv, render_json
from clippings.feeds import ATOM_URI, RSS_URI, SiteInfo, render_feeds
from clippings.finished_pages import FinishedPages, digest, files_digest
from clippings.glossary import GlossaryExtension
from clippings.media.site_media import site_media_files, template_media
from clippings.minify import minify_page
from clippings.page_rendering import GLOSSARY, RenderedPage, RendererSpec, markdown_hash
from clippings.page_store import PageStore
from clippings.progress import progress_reporter
from clippings.rendered_pages import RenderedPages
from clippings.sanitize import sanitize_html
from clippings.search import BackgroundIndex, article_document
from clippings.site_folder import (
    SiteFolderError,
    check_room,
    check_site_folder,
    estimate_site_bytes,
    explain_write_error,
)
from clippings.theme_script import BUNDLE, ThemeScriptError, narrow_alternate_scan
from clippings.urls import display_host
from clippings.workers import peak_rss_megabytes

log = get_plugin_logger("archive")
# MkDocs records a page's links to anchors only when this logger would show them.
PAGES_LOG = logging.getLogger("mkdocs.structure.pages")

# Material's offline plugin would load this shim from a CDN; the theme ships a copy.
OFFLINE_WORKER_SHIM = "assets/javascripts/iframe-worker-shim.js"
SETTINGS_KEY = "extra.archive"
# An article page kept from an earlier build is published by this template (see
# publish_kept_pages); it falls back to the article template.
KEPT_PAGE_TEMPLATE = "kept-page.html"
# What a page's template reads of the site, beside the theme's files and the nav.
FRAME_SETTINGS = (
    "site_name", "site_url", "site_description", "site_author", "copyright", "repo_url",
    "repo_name", "edit_uri", "use_directory_urls", "extra", "extra_css", "extra_javascript",
)  # fmt: skip
# Libraries whose upgrade can change a published page.
FRAME_LIBRARIES = ("mkdocs", "mkdocs-material", "jinja2", "markupsafe", "minify-html")


class ArchiveSettings(base.Config):
    """`extra.archive` in mkdocs.yml. Paths are relative to mkdocs.yml."""

    seeds_dir = options.Type(str, default="seeds")
    # Per-seed conversion results; an empty value turns the cache off.
    cache_dir = options.Type(str, default=".cache")


def read_settings(config) -> ArchiveSettings:
    """The archive's settings, or a ConfigurationError naming the key that is wrong.

    MkDocs only warns about unknown keys; here a misspelt key would silently fall back to
    a default (another seeds folder), so it is an error.
    """
    raw = config.extra.get("archive") or {}
    if not isinstance(raw, dict):
        raise ConfigurationError(f"{SETTINGS_KEY} must be a mapping of settings")
    settings = ArchiveSettings(config_file_path=config.config_file_path)
    settings.load_dict(raw)
    errors, warnings = settings.validate()
    problems = [f"{SETTINGS_KEY}.{key}: {error}" for key, error in errors + warnings]
    if problems:
        known = ", ".join(name for name, _ in base.get_schema(ArchiveSettings))
        raise ConfigurationError("; ".join(problems) + f" (settings: {known})")
    return settings


@dataclass
class BuildState:
    """What one build knows: its archive, its pages' addresses and its timings."""

    archive: Archive
    started: float
    # Pages generated from the archive, by source path: their Markdown comes from seeds.
    generated: dict[str, File] = field(default_factory=dict)
    generated_markdown: dict[str, str] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)
    tag_starts: dict[str, str] = field(default_factory=dict)
    neighbours: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    article_links: dict[str, ArticleLinks] = field(default_factory=dict)
    phases: dict[str, float] = field(default_factory=dict)
    rendered: int = 0
    pages_kept: PageStore | None = None
    # Generated pages rendered outside MkDocs (cached or on worker processes); what a
    # page's last step needs of its rendering, until it is taken; pages MkDocs rendered.
    rendering: RenderedPages | None = None
    finished: dict[str, RenderedPage] = field(default_factory=dict)
    rendered_by_mkdocs: int = 0
    # The first thing that went wrong with the cache, reported once.
    cache_trouble: str | None = None
    site_bytes: int = 0
    # The nav as text, for the version of the kept pages; article pages kept from an
    # earlier build, their keys by source path, and the ones this build publishes as kept.
    nav_text: str = ""
    kept_pages: FinishedPages | None = None
    kept_keys: dict[str, str] = field(default_factory=dict)
    published_as_kept: set[str] = field(default_factory=set)


class ArchiveBuild:
    """The archive in a MkDocs process: one object, one fresh `BuildState` per build."""

    def __init__(self) -> None:
        self.serving = False
        self.seeds_dir = Path("seeds")
        self.site_dir = Path("site")
        self.cache_dir: Path | None = None
        self.glossary = GlossaryExtension()
        self.search_index = BackgroundIndex()
        self.state = BuildState(Archive(), time.perf_counter())
        self._gc_thresholds = gc.get_threshold()

    # Events, in the order MkDocs sends them.

    def start_session(self, command: str) -> None:
        self.serving = command == "serve"

    def configure(self, config):
        """Read the settings, wire the offline shim and the glossary into the config."""
        settings = read_settings(config)
        project = Path(config.config_file_path).parent
        self.seeds_dir = project / settings.seeds_dir
        self.site_dir = Path(config.site_dir)
        # One cache per seeds folder: builds of two folders neither mix pages nor prune
        # each other's entries.
        folder_key = hashlib.sha1(str(self.seeds_dir.resolve()).encode()).hexdigest()[:12]
        self.cache_dir = project / settings.cache_dir / folder_key if settings.cache_dir else None
        self._check_folders()
        offline = config.plugins.get("material/offline")
        if offline is not None and offline.config.enabled:
            config.extra["polyfills"] = [OFFLINE_WORKER_SHIM]
        # `abbr` that finds glossary terms inside Chinese text, with the archive's glossary.
        config.markdown_extensions.append(self.glossary)
        return config

    def add_archive_files(self, files: Files, config) -> Files:
        """Convert the seeds and add every page and file the archive publishes."""
        started = time.perf_counter()
        archive, cache_trouble = self._convert_seeds()
        self.state = BuildState(archive, started, cache_trouble=cache_trouble)
        if self.cache_dir is not None:
            self.state.pages_kept = PageStore(self.cache_dir / "pages")
        self.glossary.set_terms(self.state.archive.glossary)
        self._add_browse_pages(files, config)
        self._add_article_pages(files, config)
        self._add_raw_seeds(files, config)
        self._add_archived_images(files, config)
        self._add_captured_media(files, config)
        self._add_home_and_report(files, config)
        self._add_exports(files, config)
        self._narrow_theme_script(files, config)
        self._start_rendering(files, config)
        self._report_cache_trouble(config)
        self.state.phases["convert"] = time.perf_counter() - self.state.started
        log.info(
            f"converted {len(self.state.archive.pages)} seeds in "
            f"{self.state.phases['convert']:.2f} s"
        )
        self._check_room(files, config)
        self._start_search_index(config)
        return files

    def note_nav(self, nav) -> None:
        """The nav as text: every page's template prints it."""
        self.state.nav_text = digest(_nav_items(nav.items))

    def prepare_templates(self, env, config):
        """Template filters and globals, and page links for previous/next."""
        self._freeze_heap()
        state = self.state
        state.neighbours = state.archive.neighbours()
        env.filters["archive_datetime"] = format_datetime
        env.filters["archive_beijing"] = format_beijing
        env.tests["archive_beijing_time"] = is_beijing_time
        env.filters["archive_date"] = format_date
        env.filters["archive_host"] = display_host
        # Tag chips link to where the tag's list starts in the paginated tag index. Keys
        # are escaped like the page tags they are looked up with (see escape_page_meta).
        starts = {tag: uri.partition("#") for tag, uri in state.tag_starts.items()}
        env.globals["archive_tag_links"] = {
            str(escape(tag)): f"{state.urls[path]}#{anchor}"
            for tag, (path, _, anchor) in starts.items()
        }
        # Archived images by original URL: covers shown from the site, thumbnails on the home.
        env.globals["archive_media"] = template_media(state.archive)
        env.globals["archive_articles"] = [
            (page.article, state.urls[page.src_uri]) for page in state.archive.newest_first()
        ]
        # Citation, citation files, annotation slice and schema.org data, by page source.
        env.globals["archive_article_links"] = state.article_links
        env.globals["archive_kept_page"] = self._kept_page
        self._find_kept_pages(env, config)
        return env

    @staticmethod
    def escape_page_meta(page) -> None:
        """Material prints the title (header, <title>) and tag names unescaped."""
        if "title" in page.meta:
            page.meta["title"] = escape(page.meta["title"])
        if "description" in page.meta:
            page.meta["description"] = escape(page.meta["description"])
        if isinstance(page.meta.get("tags"), list):
            page.meta["tags"] = [escape(tag) for tag in page.meta["tags"]]

    def link_neighbours(self, page) -> None:
        """Previous and next article in publication order, shown in Material's footer."""
        previous_page, next_page = self._neighbours(page)
        if previous_page or next_page:
            page.previous_page, page.next_page = previous_page, next_page

    def use_generated(self, page) -> None:
        """A generated page is read from memory, and gets its body from the pages
        rendered outside MkDocs: MkDocs runs every plugin's events on its Markdown as
        usual, and at its render step takes the finished HTML instead of converting the
        Markdown again."""
        if page.file.src_uri not in self.state.generated:
            return
        page.read_source = lambda config: self._read_source(page, config)
        if self.state.rendering is not None:
            page.render = lambda config, files: self._render_page(page, config, files)

    def _read_source(self, page, config) -> None:
        """What MkDocs' own read step does, from the text in memory rather than from the
        file kept for `mkdocs serve --dirty` (which only compares the file's time)."""
        source = config.plugins.on_page_read_source(page=page, config=config)
        if source is None:
            source = self.state.generated_markdown[page.file.src_uri]
        page.markdown, page.meta = get_data(source)

    def _render_page(self, page, config, files: Files) -> None:
        """The page's cached or worker-rendered body, if it was rendered from exactly this
        Markdown and every file it links to is still where it was; else MkDocs renders it."""
        assert self.state.rendering is not None
        rendered = self.state.rendering.take(page.file.src_uri)
        if rendered is None or not self._fits(rendered, page, files):
            self.state.rendered_by_mkdocs += 1
            Page.render(page, config, files)
            return
        page.content = rendered.html
        page.toc = get_toc(rendered.toc_tokens)  # type: ignore[arg-type]
        page.present_anchor_ids = set(rendered.anchor_ids)
        if PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {}
            for uri, anchor, link in rendered.anchor_links:
                target = files.get_file_from_path(uri)
                page.links_to_anchors.setdefault(target, {}).setdefault(anchor, link)
        self.state.finished[page.file.src_uri] = rendered

    @staticmethod
    def _fits(rendered: RenderedPage, page, files: Files) -> bool:
        # A page without a title in its front matter would take it from its first
        # heading, which only MkDocs' own render step extracts.
        if "title" not in page.meta or markdown_hash(page.markdown) != rendered.markdown_hash:
            return False
        for uri, url in rendered.targets:
            target = files.get_file_from_path(uri)
            if target is None or target.url != url or target.inclusion.is_excluded():
                return False
        return True

    def _page(self, uri: str | None):
        file = self.state.generated.get(uri) if uri else None
        return file.page if file else None

    def finish_page(self, html: str, page) -> str:
        """Count the page; pages made from seeds carry captured text: allowlisted markup only."""
        self.state.rendered += 1
        if self.state.rendered % 1000 == 0:
            log.info(f"rendering pages: {self.state.rendered} done")
        if page.file.src_uri in self.state.generated:
            rendered = self.state.finished.pop(page.file.src_uri, None)
            if rendered is not None and html == rendered.html:
                return rendered.sanitized
            return sanitize_html(html)
        return html

    def publish_page(self, output: str, page) -> str:
        """The page minified, and kept for the next build; a kept page is already both."""
        uri = page.file.src_uri
        if uri in self.state.published_as_kept:
            return output
        output = minify_page(output)
        key = self.state.kept_keys.get(uri)
        if key is not None and self.state.kept_pages is not None:
            self.state.kept_pages.keep(key, output)
        return output

    # Article pages kept from an earlier build.

    def _find_kept_pages(self, env, config) -> None:
        """Every article page's key; a page kept under it is published by the kept-page
        template instead of the article template (MkDocs reads a page's template from
        its metadata before any later event)."""
        if self.cache_dir is None:
            return
        kept = FinishedPages(self.cache_dir, self._frame_version(config))
        self.state.kept_pages = kept
        for article_page in self.state.archive.pages:
            file = self.state.generated.get(article_page.src_uri)
            page = file.page if file is not None else None
            if page is None or page.content is None:  # not read by a dirty build
                continue
            key = digest(self._page_parts(page, env.globals))
            self.state.kept_keys[article_page.src_uri] = key
            if kept.has(key):
                page.meta["template"] = KEPT_PAGE_TEMPLATE

    def _frame_version(self, config) -> str:
        """Everything a page's template reads of the site: the theme's own files, its
        settings and the site's, the nav, the libraries and the archive's code."""
        custom_dir = config.theme.custom_dir
        return digest(
            [
                [version(name) for name in FRAME_LIBRARIES],
                pipeline_version(),
                Path(__file__).read_bytes(),
                files_digest(Path(custom_dir)) if custom_dir else "",
                dict(config.theme),
                [(name, config[name]) for name in FRAME_SETTINGS],
                # Hooks are modules without settings (their code is hashed above).
                [(name, getattr(hook, "config", None)) for name, hook in config.plugins.items()],
                self.state.nav_text,
            ]
        )

    def _page_parts(self, page, template_globals) -> list:
        """What the article template reads of one page."""
        article = page.meta.get("article")
        cover = getattr(article, "cover_image", None)
        tag_links = template_globals["archive_tag_links"]
        return [
            page.file.src_uri,
            page.url,
            page.canonical_url,
            page.edit_url,
            # The page's metadata and title are read from its source, and its body is
            # rendered from it: the source and the body, as bytes (fast to digest).
            self.state.generated_markdown[page.file.src_uri].encode("utf-8"),
            page.content.encode("utf-8"),
            _toc_items(page.toc),
            [(other.url, other.title) if other else None for other in self._neighbours(page)],
            self.state.article_links.get(page.file.src_uri),
            template_globals["archive_media"].get(cover) if cover else None,
            [(tag, tag_links.get(str(tag))) for tag in page.meta.get("tags") or []],
        ]

    def _neighbours(self, page) -> tuple:
        previous_uri, next_uri = self.state.neighbours.get(page.file.src_uri, (None, None))
        return self._page(previous_uri), self._page(next_uri)

    def _kept_page(self, page) -> str | None:
        """The page as an earlier build published it, or None (then the kept-page
        template renders the article template)."""
        kept, key = self.state.kept_pages, self.state.kept_keys.get(page.file.src_uri)
        output = kept.take(key) if kept is not None and key is not None else None
        if output is not None:
            self.state.published_as_kept.add(page.file.src_uri)
        return output

    def finish(self) -> None:
        """Warnings all together at the end, where the archivist looks, then one summary."""
        self._thaw_heap()
        state = self.state
        self._finish_rendering()
        self._close_kept_pages()
        warnings = state.archive.warnings()
        render = time.perf_counter() - state.phases["render_start"]
        if self.serving:
            # A preview shows the edited page at once; search catches up in the background.
            self.search_index.when_done(
                lambda index: log.info(f"search index: {index}"),
                lambda error: log.error(f"search index not written: {error}"),
            )
            index_note = "search index in the background"
        else:
            index = self.search_index.wait()
            assert index is not None, "add_archive_files starts the search index"
            log.info(f"search index: {index}")
            index_note = f"search index {index.seconds:.1f} s beside it"
        # `mkdocs build --strict` turns these into a failed build.
        for warning in warnings:
            log.warning(warning)
        log.info(
            f"{len(state.archive.pages)} seeds, {state.rendered} pages, "
            f"{len(warnings)} seeds with warnings, {time.perf_counter() - state.started:.1f} s "
            f"(convert {state.phases['convert']:.1f} s, render {render:.1f} s, {index_note}; "
            f"peak RSS {peak_rss_megabytes():.0f} MB)"
        )

    def abort(self, error: BaseException) -> None:
        """After a failed build: the search-index process is waited for, so nothing of
        the build outlives it, and a write the site folder refused becomes one line."""
        self._thaw_heap()
        with contextlib.suppress(Exception):
            self._finish_rendering()
        with contextlib.suppress(Exception):
            self._close_kept_pages()
        if isinstance(error, Abort):
            return
        with contextlib.suppress(Exception):
            self.search_index.wait()
        line = explain_write_error(self.site_dir, error, self.state.site_bytes)
        if line is not None:
            raise Abort(line) from None

    def close(self) -> None:
        """At the end of `mkdocs serve`: its last index is waited for; a failure of it was
        already reported when it happened."""
        with contextlib.suppress(Exception):
            self.search_index.wait()

    def watch_seeds(self, server):
        """Watch the seeds, and keep serving the last good site when a rebuild fails.

        MkDocs' live server holds every request after a failed rebuild ("the server will
        appear stuck") until a rebuild succeeds. A build this archive stops on purpose
        (a full disk, a missing seeds folder) has said why in one line and written
        nothing, so the last site is served on and the next save rebuilds.
        """
        server.watch(str(self.seeds_dir))
        rebuild = server.builder

        def rebuild_or_keep_serving() -> None:
            try:
                rebuild()
            except Abort as error:
                log.error(f"{error.format_message()} (the last good site is still served)")

        server.builder = rebuild_or_keep_serving
        return server

    # The steps of add_archive_files.

    def _check_folders(self) -> None:
        """Before MkDocs empties the site folder, and before any work: can the seeds be
        read and the site be written at all? If not, one line says which and why."""
        try:
            check_seeds_folder(self.seeds_dir)
            check_site_folder(self.site_dir)
        except (SeedsFolderError, SiteFolderError) as error:
            raise Abort(str(error)) from None

    def _convert_seeds(self) -> tuple[Archive, str | None]:
        """The archive, and what went wrong with the cache (the build goes on without it)."""
        log.info(f"converting the seeds in {self.seeds_dir}")
        cache = SeedCache(self.cache_dir) if self.cache_dir else None
        try:
            archive = build_archive(
                self.seeds_dir,
                cache=cache,
                progress=progress_reporter(log.info, "converting seeds"),
            )
        except SeedsFolderError as error:
            raise Abort(str(error)) from None
        finally:
            if cache is not None:
                cache.close()
        if cache is None:
            return archive, None
        log.info(f"seed cache: {cache.hits} unchanged, {cache.misses} converted")
        return archive, cache.trouble

    def _note_cache_trouble(self, reason: str) -> None:
        if self.state.cache_trouble is None:
            self.state.cache_trouble = reason

    def _report_cache_trouble(self, config) -> None:
        """One line naming the cache and what went wrong. The cache is about the machine,
        not the archive, so under --strict it is said at info level and does not fail
        the build; the site is the same either way."""
        pages_kept = self.state.pages_kept
        trouble = self.state.cache_trouble or (pages_kept.trouble if pages_kept else None)
        if trouble is None:
            return
        self.state.cache_trouble = trouble
        line = f"cache not used as it should be: {trouble}"
        (log.info if config.strict else log.warning)(line)

    def _check_room(self, files: Files, config) -> None:
        """Refuse, in one line, a build that cannot fit on the site folder's disk."""
        copied: list[int] = []
        pages: list[int] = []
        for file in files:
            # Sizes without reading the files again: pages on disk are only looked at.
            if file.abs_src_path is None:
                size = len(file.content_bytes)
            else:
                try:
                    size = os.path.getsize(file.abs_src_path)
                except OSError:  # gone since it was listed: MkDocs will say so
                    size = 0
            (pages if file.is_documentation_page() else copied).append(size)
        self.state.site_bytes = estimate_site_bytes(copied, pages)
        try:
            check_room(Path(config.site_dir), self.state.site_bytes)
        except SiteFolderError as error:
            raise Abort(str(error)) from None

    def _generated(self, config, uri: str, markdown: str, **kwargs) -> File:
        """A generated page. With the cache on it is kept on disk, rewritten only when its
        text changes, so that `mkdocs serve --dirty` renders again only changed pages."""
        pages_kept = self.state.pages_kept
        path = pages_kept.store(uri, markdown) if pages_kept is not None else None
        if path is None:
            file = File.generated(config, uri, content=markdown, **kwargs)
        else:
            file = File.generated(config, uri, abs_src_path=str(path), **kwargs)
        self.state.generated[uri] = file
        self.state.generated_markdown[uri] = markdown
        self.state.urls[uri] = file.url
        return file

    def _add_browse_pages(self, files: Files, config) -> None:
        tag_pages, self.state.tag_starts = render_tag_index(self.state.archive)
        for index in render_indexes(self.state.archive) + tag_pages:
            inclusion = InclusionLevel.UNDEFINED if index.in_nav else InclusionLevel.NOT_IN_NAV
            page = self._generated(config, index.src_uri, index.markdown, inclusion=inclusion)
            files.append(page)

    def _add_article_pages(self, files: Files, config) -> None:
        for page in self.state.archive.pages:
            file = self._generated(
                config, page.src_uri, page.markdown, inclusion=InclusionLevel.NOT_IN_NAV
            )
            files.append(file)

    def _add_raw_seeds(self, files: Files, config) -> None:
        """Each raw seed, byte for byte. The source name gets a suffix MkDocs does not
        render, so a seed named .md is published as a file, not as a second page."""
        for page in self.state.archive.pages:
            raw = File.generated(
                config,
                f"{page.raw_uri}.seed",
                abs_src_path=str(self.seeds_dir / page.article.seed_path),
            )
            raw.dest_uri = page.raw_uri
            files.append(raw)

    def _add_archived_images(self, files: Files, config) -> None:
        """Each archived image the pages show, once by content hash, and cover thumbnails."""
        media = site_media_files(
            self.state.archive, self.seeds_dir, self.cache_dir, self._note_cache_trouble
        )
        for medium in media:
            if medium.content is not None:
                files.append(File.generated(config, medium.uri, content=medium.content))
            else:
                files.append(File.generated(config, medium.uri, abs_src_path=str(medium.source)))

    def _add_captured_media(self, files: Files, config) -> None:
        """Images captures carried inside themselves (SingleFile's data: URIs) and files
        of the seeds folder they embed, once each under their content hash."""
        for name, data in self.state.archive.media.items():
            files.append(File.generated(config, f"{CAPTURED_MEDIA_DIR}/{name}", content=data))

    def _add_home_and_report(self, files: Files, config) -> None:
        report = render_cleaning_report(self.state.archive.pages)
        files.append(self._generated(config, REPORT_URI, report))
        # The home page lists the newest articles: as generated content it is rendered on
        # every build, dirty ones (`make serve`) included.
        home = files.get_file_from_path("index.md")
        if home is not None:
            files.remove(home)
            files.append(File.generated(config, "index.md", content=home.content_string))

    def _add_exports(self, files: Files, config) -> None:
        """Data, feeds, and what travels with each article: citation files, Web
        Annotations (`annotations.jsonld` and one slice per annotated article)."""
        archive, urls = self.state.archive, self.state.urls
        site = SiteInfo(config.site_name, config.site_description or "", config.site_url or "/")
        travelling = article_exports(archive, urls, site, self.seeds_dir)
        self.state.article_links = travelling.links
        records = archive_records(archive, urls, travelling.csl)
        rss, atom = render_feeds(archive, site, urls)
        exports = {JSON_URI: render_json(records), CSV_URI: render_csv(records)}
        exports |= {RSS_URI: rss, ATOM_URI: atom} | travelling.files
        for uri, content in exports.items():
            files.append(File.generated(config, uri, content=content))

    def _renderer_spec(self, config) -> RendererSpec | None:
        """The build's Markdown configuration as data for the workers; None if it holds
        an extension object other than the archive's glossary (it cannot be described)."""
        extensions: list[tuple[str, dict]] = []
        for extension in config.markdown_extensions:
            if extension is self.glossary:
                extensions.append((GLOSSARY, {}))
            elif isinstance(extension, str):
                extensions.append((extension, dict(config.mdx_configs.get(extension) or {})))
            else:
                log.info(f"pages rendered by MkDocs: cannot hand {extension!r} to workers")
                return None
        return RendererSpec(tuple(extensions), tuple(self.state.archive.glossary.items()))

    def _start_rendering(self, files: Files, config) -> None:
        """Generated pages (articles, browse pages, the cleaning report) rendered from the
        cache, or on the other cores while MkDocs reads the pages, by the build's own
        Markdown configuration."""
        spec = self._renderer_spec(config)
        if spec is None:
            return
        cache = None
        if self.cache_dir is not None:
            cache = SeedCache(self.cache_dir, spec.fingerprint(), kind="page")
            if cache.trouble is not None:
                self._note_cache_trouble(cache.trouble)
        site_files = {file.src_uri: file.url for file in files if not file.inclusion.is_excluded()}
        rendering = RenderedPages(spec, site_files, cache)
        rendering.start(list(self.state.generated_markdown.items()))
        self.state.rendering = rendering

    def _finish_rendering(self) -> None:
        rendering = self.state.rendering
        if rendering is None:
            return
        self.state.rendering = None
        rendering.close()
        trouble = rendering.cache.trouble if rendering.cache is not None else None
        if trouble is not None and self.state.cache_trouble is None:
            log.info(f"cache not used as it should be: {trouble}")
        log.info(
            f"generated pages: {rendering.cached} from the page cache, {rendering.fresh} "
            f"rendered afresh, {self.state.rendered_by_mkdocs} by MkDocs"
        )

    def _close_kept_pages(self) -> None:
        kept = self.state.kept_pages
        if kept is None:
            return
        self.state.kept_pages = None
        kept.close()
        if kept.trouble is not None and self.state.cache_trouble is None:
            log.info(f"cache not used as it should be: {kept.trouble}")
        log.info(f"article pages: {kept.reused} as kept from the last build, {kept.kept} kept")

    @staticmethod
    def _narrow_theme_script(files: Files, config) -> None:
        """The theme's bundle without its sitemap fetch on every page (theme_script.py)."""
        bundles = [file for file in files if BUNDLE.fullmatch(file.src_uri)]
        if not bundles:
            raise Abort(f"the theme's script ({BUNDLE.pattern}) was not found")
        for bundle in bundles:
            try:
                script = narrow_alternate_scan(bundle.content_string)
            except ThemeScriptError as error:
                raise Abort(str(error)) from None
            files.remove(bundle)
            files.append(File.generated(config, bundle.src_uri, content=script))

    def _start_search_index(self, config) -> None:
        """Built on the other core while MkDocs renders pages; its files go straight into
        the site folder."""
        documents = [
            article_document(page.article, self.state.urls[page.src_uri])
            for page in self.state.archive.newest_first()
        ]
        self.search_index.start(documents, Path(config.site_dir))
        self.state.phases["render_start"] = time.perf_counter()
        log.info("building the search index in the background; rendering pages")

    # Rendering thousands of pages keeps every page in memory; the cyclic garbage
    # collector rescanning that growing heap made rendering grow faster than linearly.
    # Everything alive when rendering starts is kept out of its scans until the build
    # ends, and it runs less often (10,000 seeds: rendering 98 s -> 82 s, peak memory
    # lower). What this build kept alive may be garbage by the next (`mkdocs serve`).

    def _freeze_heap(self) -> None:
        gc.collect()
        gc.freeze()
        self._gc_thresholds = gc.get_threshold()
        gc.set_threshold(50_000, 20, 10)

    def _thaw_heap(self) -> None:
        gc.unfreeze()
        gc.set_threshold(*self._gc_thresholds)


def _nav_items(items) -> list:
    """The nav as data: titles, addresses and children."""
    data = []
    for item in items:
        children = _nav_items(item.children or [])
        data.append((type(item).__name__, item.title, getattr(item, "url", None), children))
    return data


def _toc_items(toc) -> list:
    return [(item.level, item.id, item.title, _toc_items(item.children)) for item in toc]
