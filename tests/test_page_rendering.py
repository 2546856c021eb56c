"""Pages rendered outside MkDocs: the same HTML, table of contents and anchors as MkDocs'
own rendering of the same page, and a cache that a change of renderer invalidates."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from seed_expectations import ROOT, SEEDS_DIR
from worker_pools import count_pools

from archive_build import ArchiveBuild, BuildState
from clippings import build_archive
from clippings import rendered_pages as rendered_pages_module
from clippings.cache import SeedCache
from clippings.page_rendering import RendererSpec, relative_url, render_page
from clippings.rendered_pages import RenderedPages

CORPUS = ROOT.parent / "shared" / "corpus"


def _archive_folder(tmp_path: Path) -> Path:
    """The five seeds with their notes and glossary, and the shared corpus if present."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    if CORPUS.is_dir():
        for capture in CORPUS.iterdir():
            if capture.suffix in (".txt", ".md") and capture.name != "README.md":
                shutil.copy(capture, folder / capture.name)
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The archive, MkDocs' config as a build has it, the renderer spec read from that
    config, and the site's files (every page the archive generates)."""
    archive = build_archive(_archive_folder(tmp_path_factory.mktemp("archive")))
    config = load_config(str(ROOT / "mkdocs.yml"))
    build = ArchiveBuild()
    build.glossary.set_terms(archive.glossary)
    config.markdown_extensions.append(build.glossary)
    build.state = BuildState(archive, 0.0)
    spec = build._renderer_spec(config)
    assert spec is not None
    files = Files([_page_file(config, page.src_uri, page.markdown) for page in archive.pages])
    return archive, config, spec, files


def _page_file(config, src_uri: str, markdown: str) -> File:
    """A generated page, as the hook adds it (File.generated needs a running build)."""
    file = File(
        src_uri,
        src_dir=None,
        dest_dir=config.site_dir,
        use_directory_urls=config.use_directory_urls,
        inclusion=InclusionLevel.NOT_IN_NAV,
    )
    file.content_string = markdown
    return file


def _mkdocs_render(config, files: Files, src_uri: str) -> Page:
    page = Page(None, files.get_file_from_path(src_uri), config)
    page.read_source(config)
    page.render(config, files)
    return page


def _toc(toc) -> list:
    return [(item.title, item.url, item.level, _toc(item.children)) for item in toc]


def test_each_seed_renders_as_mkdocs_renders_it(built):
    archive, config, spec, files = built
    site_files = {file.src_uri: file.url for file in files}
    assert len(archive.pages) >= 5
    for article in archive.pages:
        ours = render_page(spec, article.src_uri, article.markdown, site_files)
        assert ours is not None, article.src_uri
        theirs = _mkdocs_render(config, files, article.src_uri)
        assert ours.html == theirs.content, article.src_uri
        assert _toc(get_toc(ours.toc_tokens)) == _toc(theirs.toc), article.src_uri
        assert ours.anchor_ids == theirs.present_anchor_ids
        anchor_links = {}
        for uri, anchor, link in ours.anchor_links:
            anchor_links.setdefault(files.get_file_from_path(uri), {})[anchor] = link
        assert anchor_links == theirs.links_to_anchors


def test_the_seeds_hold_what_the_comparison_needs_to_see(built):
    """The comparison above is only worth something if the pages hold annotations,
    glossary terms, links between articles and headings with permalinks."""
    archive, _, spec, files = built
    site_files = {file.src_uri: file.url for file in files}
    rendered = [render_page(spec, p.src_uri, p.markdown, site_files) for p in archive.pages]
    html = "".join(page.html for page in rendered if page is not None)
    assert "<abbr" in html
    assert 'class="archive-note"' in html
    assert 'class="headerlink"' in html
    assert any(page is not None and page.targets for page in rendered)
    assert any(page is not None and page.anchor_links for page in rendered)


def test_a_link_mkdocs_would_warn_about_leaves_the_page_to_mkdocs(built):
    _, _, spec, files = built
    site_files = {file.src_uri: file.url for file in files}
    for link in ("[a](missing.md)", "[a](/absolute/path)"):
        page = f"---\ntitle: t\n---\n\n{link}\n"
        assert (
            render_page(spec, "articles/x.md", page, site_files | {"articles/x.md": "x/"}) is None
        )


@pytest.mark.parametrize(
    ("url", "other"),
    [
        ("articles/b/", "articles/a/"),
        ("index.html", "articles/a/"),
        ("a/b/c.png", "a/x.html"),
        ("./", "tags/page/2/"),
        ("x/", "x/"),
        ("//y", "a"),
    ],
)
def test_relative_urls_are_mkdocs_relative_urls(url, other):
    assert relative_url(url, other) == get_relative_url(url, other)


def test_pages_rendered_on_worker_processes_are_those_rendered_in_the_build(
    built, tmp_path, monkeypatch
):
    archive, _, spec, files = built
    site_files = {file.src_uri: file.url for file in files}
    pages = [(page.src_uri, page.markdown) for page in archive.pages]
    pools = count_pools(monkeypatch, rendered_pages_module)
    monkeypatch.setattr(rendered_pages_module, "CHUNK", 2)
    rendering = RenderedPages(spec, site_files, None)
    rendering.start(pages)
    in_workers = [rendering.take(uri) for uri, _ in pages]
    rendering.close()
    assert pools == [2]
    assert in_workers == [render_page(spec, uri, text, site_files) for uri, text in pages]


def _render_all(spec: RendererSpec, site_files, pages, cache_dir: Path) -> RenderedPages:
    rendering = RenderedPages(spec, site_files, SeedCache(cache_dir, spec.fingerprint(), "page"))
    rendering.start(pages)
    for uri, _ in pages:
        rendering.take(uri)
    rendering.close()
    return rendering


def test_a_second_build_takes_every_page_from_the_cache(built, tmp_path):
    archive, _, spec, files = built
    site_files = {file.src_uri: file.url for file in files}
    pages = [(page.src_uri, page.markdown) for page in archive.pages]
    first = _render_all(spec, site_files, pages, tmp_path)
    second = _render_all(spec, site_files, pages, tmp_path)
    assert (first.cached, first.fresh) == (0, len(pages))
    assert (second.cached, second.fresh) == (len(pages), 0)


def test_a_change_of_renderer_configuration_invalidates_the_cache(built, tmp_path):
    archive, _, spec, files = built
    site_files = {file.src_uri: file.url for file in files}
    pages = [(page.src_uri, page.markdown) for page in archive.pages]
    _render_all(spec, site_files, pages, tmp_path)
    no_permalinks = dataclasses.replace(
        spec,
        extensions=tuple(
            (name, {**settings, "permalink": False} if name == "toc" else settings)
            for name, settings in spec.extensions
        ),
    )
    other_glossary = dataclasses.replace(spec, glossary=(*spec.glossary, ("新术语", "定义")))
    for changed in (no_permalinks, other_glossary):
        assert changed.fingerprint() != spec.fingerprint()
        again = _render_all(changed, site_files, pages, tmp_path)
        assert (again.cached, again.fresh) == (0, len(pages))
    # Only the last renderer's pages are kept.
    assert [p.name for p in tmp_path.glob("pages-*")] == [
        f"pages-{other_glossary.fingerprint()}.sqlite"
    ]
    without_permalinks = render_page(no_permalinks, *pages[0], site_files)
    assert without_permalinks is not None and 'class="headerlink"' not in without_permalinks.html


def test_a_cached_page_whose_link_target_moved_is_rendered_again(built, tmp_path):
    archive, _, spec, files = built
    site_files = {file.src_uri: file.url for file in files}
    pages = [(page.src_uri, page.markdown) for page in archive.pages]
    _render_all(spec, site_files, pages, tmp_path)
    linking = next(
        uri
        for uri, text in pages
        if (rendered := render_page(spec, uri, text, site_files)) and rendered.targets
    )
    target = render_page(spec, linking, dict(pages)[linking], site_files).targets[0][0]
    moved = site_files | {target: "elsewhere/"}
    again = _render_all(spec, moved, pages, tmp_path)
    assert again.fresh >= 1
    assert again.cached == len(pages) - again.fresh
