"""End-to-end tests in Debian's Chromium, driven by Playwright, against the built site
served on 127.0.0.1. Screenshots go to tests/artifacts/ for a person to look at."""

from __future__ import annotations

import os
import shutil
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import build_site
from harness import StaticServer, chromium
from playwright.sync_api import expect
from seed_expectations import EXPECTED_SEEDS, ROOT

pytestmark = [pytest.mark.site, pytest.mark.server, pytest.mark.browser]
ARTIFACTS = ROOT / "tests" / "artifacts"
# The archived images are the only third-party requests a page may make.
IMAGE_HOSTS = ("mmbiz.qpic.cn", "img.36krcdn.com", "cdn.jsdelivr.net")
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)
TITLES = {e.seed_id: e.page_title for e in EXPECTED_SEEDS}
NEWEST_FIRST = sorted(EXPECTED_SEEDS, key=lambda e: e.published_at, reverse=True)
# Real captures from other accounts, read where they lie and never copied into the repo.
CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_SEEDS = sorted(
    capture
    for capture in (CORPUS.iterdir() if CORPUS.is_dir() else [])
    if capture.name != "README.md"
)
# A phone: an iPhone 12-15's CSS viewport.
PHONE = (390, 844)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    """The site built for the address it is served at, as it would be deployed."""
    site_dir = tmp_path_factory.mktemp("browser-site")
    server = StaticServer(site_dir)
    result = build_site(site_dir, site_url=server.url)
    assert result.returncode == 0, result.stderr
    with server:
        yield server.url


@pytest.fixture(scope="module")
def corpus_url(tmp_path_factory):
    """The site built from ../shared/corpus, served like the seeds' site."""
    seeds = tmp_path_factory.mktemp("corpus-seeds")
    for capture in CORPUS_SEEDS:
        shutil.copy(capture, seeds / capture.name)
    site_dir = tmp_path_factory.mktemp("corpus-site")
    server = StaticServer(site_dir)
    result = build_site(site_dir, seeds_dir=seeds, site_url=server.url)
    assert result.returncode == 0, result.stderr
    with server:
        yield server.url


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


class Visit:
    """One browser page that records what it asked for and what it complained about."""

    def __init__(
        self,
        browser,
        base_url: str,
        width: int,
        height: int = 900,
        block_images: bool = False,
        any_image_host: bool = False,
    ):
        self.base_url = base_url
        # Blocked image hosts: as for a reader where they are blocked or the files are gone.
        self.block_images = block_images
        # Real captures show images from hosts of their own: any image request counts as one.
        self.any_image_host = any_image_host
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.route("**/*", self._route)

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def _route(self, route):
        url = route.request.url
        host = urlsplit(url).hostname or ""
        image = host in IMAGE_HOSTS or (
            self.any_image_host and route.request.resource_type == "image"
        )
        if url.startswith(self.base_url):
            route.continue_()
        elif image and self.block_images:
            route.abort()
        elif image:
            route.fulfill(status=200, content_type="image/png", body=PIXEL)
        else:
            self.foreign_requests.append(url)
            route.abort()

    def goto(self, path: str = ""):
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, base_url):
    opened: list[Visit] = []

    def open_visit(width: int = 1280) -> Visit:
        opened.append(Visit(browser, base_url, width))
        return opened[-1]

    yield open_visit
    for one in opened:
        assert one.foreign_requests == [], "requests left 127.0.0.1"
        assert one.console_errors == []
        one.close()


def _shot(page, name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def _visible_text(page, selector: str) -> str:
    return page.locator(f"{selector} >> visible=true").first.inner_text().strip()


def test_home_lists_the_articles_newest_first(visit):
    page = visit().goto()
    titles = page.locator(".archive-list__title").all_inner_texts()
    assert [t.strip() for t in titles] == [e.page_title for e in NEWEST_FIRST]
    _shot(page, "home")


@pytest.mark.parametrize("width", [1280, 390])
def test_article_shows_its_metadata_on_desktop_and_phone(visit, width):
    expected = next(e for e in EXPECTED_SEEDS if e.seed_id.startswith("002"))
    page = visit(width).goto(f"articles/{expected.seed_id}/")
    assert page.locator("article h1").inner_text().strip() == expected.page_title
    byline = page.locator("summary.archive-meta__byline")
    if width == 390:
        # One line of who and when under the title; the whole block once it is opened.
        assert byline.is_visible()
        assert page.locator(".archive-meta >> visible=true").count() == 0
        text = byline.inner_text()
        assert expected.author in text and expected.published_display[:10] in text
        assert expected.place in text
        _shot(page, "article-390-folded")
        byline.click()
    assert page.locator(".archive-byline").is_visible() == (width == 1280)
    assert _visible_text(page, ".archive-meta .archive-meta__author") == expected.author
    assert _visible_text(page, ".archive-meta .archive-meta__published") == (
        expected.published_display
    )
    assert _visible_text(page, ".archive-meta .archive-meta__place") == expected.place
    source = page.locator(".archive-meta a.archive-meta__source >> visible=true").first
    # The host to read; the full address to follow, to hover over and to copy.
    assert source.inner_text().strip() == "mp.weixin.qq.com"
    assert source.get_attribute("href") == expected.source_url
    assert source.get_attribute("title") == expected.source_url
    _shot(page, f"article-{width}")


# Each Latin word of the article's paragraphs, its width in place against the same word
# set in a plain span with the paragraph's font (and its neighbouring characters):
# justification may widen the spaces around a word, never the word itself.
_STRETCHED_LATIN_WORDS = """() => {
  const stretched = [];
  const probe = document.createElement("span");
  // Out of the flow: Material's body is a flex box, which would stretch the span.
  probe.style.cssText = "position: absolute; white-space: pre; left: 0; top: 0";
  document.body.append(probe);
  for (const paragraph of document.querySelectorAll("article p")) {
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[A-Za-z]{4,}/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        if (range.getClientRects().length !== 1) continue;  // broken across lines
        // Property by property: Chromium gives no `font` shorthand for these styles.
        const style = getComputedStyle(node.parentElement);
        for (const name of ["fontFamily", "fontSize", "fontWeight", "fontStyle"]) {
          probe.style[name] = style[name];
        }
        // With the characters on either side, so that kerning against them ("g/") is
        // the same in both measures: only justification differs.
        const before = word.index ? 1 : 0;
        probe.textContent = node.data.slice(word.index - before, word.index + word[0].length + 1);
        const alone = document.createRange();
        alone.setStart(probe.firstChild, before);
        alone.setEnd(probe.firstChild, before + word[0].length);
        const inPlace = range.getBoundingClientRect().width;
        const set = alone.getBoundingClientRect().width;
        if (inPlace > set + 0.5) stretched.push(`${word[0]} ${inPlace} > ${set}`);
      }
    }
  }
  probe.remove();
  return stretched;
}"""


# Han characters of the article's paragraphs and list items set wider than their em:
# a justified line spreads its characters apart (the line before a long URL on a phone).
# Measured in a sample, each character on its own is slow on a 17,000-character page.
_STRETCHED_LINES = """() => {
  const stretched = [];
  for (const block of document.querySelectorAll("article p, article li")) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const em = parseFloat(getComputedStyle(node.parentElement).fontSize);
      for (const han of node.data.matchAll(/\\p{Script=Han}/gu)) {
        // Every third character, and each one beside something else (a line of one or
        // two characters before a URL): every stretched line has one of them.
        const around = node.data.slice(Math.max(han.index - 1, 0), han.index + 2);
        if (han.index % 3 && /^\\p{Script=Han}+$/u.test(around)) continue;
        const range = document.createRange();
        range.setStart(node, han.index);
        range.setEnd(node, han.index + han[0].length);
        const width = range.getBoundingClientRect().width;
        const text = node.data.slice(han.index, han.index + 8);
        if (width > em + 0.5) stretched.push(`${text} ${width} > ${em}`);
      }
    }
  }
  return stretched.slice(0, 5);
}"""


# The first paragraph of the article's own text: not the title, its notes, the byline or
# the metadata, not an editor's box, and with at least ten letters, digits or Han.
_FIRST_PARAGRAPH = """() => {
  const article = document.querySelector("article.md-content__inner");
  const apart = ".archive-meta--inline, .archive-title-note--inline, .archive-byline, "
    + ".admonition, details, .md-tags, .archive-citation";
  for (const block of article.querySelectorAll("p, li")) {
    if (block.closest(apart)) continue;
    const letters = block.innerText.match(/[\\p{L}\\p{N}]/gu) || [];
    if (letters.length < 10) continue;
    return {top: block.getBoundingClientRect().top + scrollY, text: block.innerText.slice(0, 30)};
  }
  return null;
}"""

ARTICLES = [pytest.param("seeds", e.seed_id, id=e.seed_id[:3]) for e in EXPECTED_SEEDS] + (
    [pytest.param("corpus", capture.stem, id=capture.stem) for capture in CORPUS_SEEDS]
    or [pytest.param("corpus", "", marks=pytest.mark.skip(reason=f"{CORPUS} is absent"))]
)


@pytest.mark.parametrize("width", [1280, PHONE[0]])
@pytest.mark.parametrize(("site", "slug"), ARTICLES)
def test_no_line_is_stretched_and_text_starts_on_a_phones_first_screen(
    request, browser, site, slug, width
):
    """Every article of the seeds and the corpus: no line is stretched, so neither the
    letters of a Latin word nor Han characters are spaced apart; the date row stays
    whole; quotations are in body colour; on a 390x844 phone the first sentence starts
    on the first screen (images that cannot load shown as placeholders, as offline)."""
    url = request.getfixturevalue("base_url" if site == "seeds" else "corpus_url")
    height = PHONE[1] if width == PHONE[0] else 900
    one = Visit(browser, url, width, height, block_images=True, any_image_host=True)
    page = one.goto(f"articles/{slug}/")
    assert page.evaluate(_STRETCHED_LATIN_WORDS) == []
    assert page.evaluate(_STRETCHED_LINES) == []
    for zone in page.locator(".archive-meta__zone >> visible=true").all():
        assert zone.evaluate("element => element.getClientRects().length") == 1
    body_colour = page.evaluate("getComputedStyle(document.querySelector('article')).color")
    for quotation in page.locator("article blockquote").all():
        assert quotation.evaluate("element => getComputedStyle(element).color") == body_colour
    if width == PHONE[0]:
        first = page.evaluate(_FIRST_PARAGRAPH)
        assert first is not None
        assert first["top"] < PHONE[1], first
        _shot(page, f"first-screen-{slug}")
    assert one.foreign_requests == []
    assert all("Failed to load resource" in error for error in one.console_errors)
    one.close()


def _broken_images(page) -> list[str]:
    """Images on the page that are shown as a broken-image box."""
    return page.eval_on_selector_all(
        "img", "images => images.filter(i => i.complete && !i.naturalWidth).map(i => i.src)"
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_images_that_cannot_load_become_placeholders_with_text(browser, base_url, width):
    one = Visit(browser, base_url, width, block_images=True)
    home = one.goto()
    covers = [e for e in NEWEST_FIRST if e.seed_id.startswith(("002", "004"))]
    missing = home.locator(".archive-image-missing.archive-list__cover")
    # The title is beside each thumbnail: its placeholder is a quiet mark, not the title
    # squeezed into 96 px, and screen readers skip it.
    assert missing.count() == len(covers)
    for thumbnail in missing.all():
        assert thumbnail.inner_text().strip() == "图"
        assert thumbnail.get_attribute("aria-hidden") == "true"
        box = thumbnail.bounding_box()
        assert (round(box["width"]), round(box["height"])) == (96, 96)
    assert _broken_images(home) == []
    _shot(home, f"home-images-blocked-{width}")
    article = one.goto("articles/002_0aa2ea9de07dcc1e/")
    article.locator("article p").last.scroll_into_view_if_needed()
    article.wait_for_load_state("networkidle")
    body = article.locator("article p .archive-image-missing")
    # The placeholder replaces the image when its load fails, which comes after the
    # load state settles: wait for it (up to 5 s) rather than count once.
    expect(body).to_have_count(1)
    # describe_images gave the figure its caption or number; the placeholder shows it.
    alt = body.first.get_attribute("aria-label")
    assert alt and body.first.inner_text().strip() == alt and alt != TITLES["002_0aa2ea9de07dcc1e"]
    if width == 390:  # the cover sits in the metadata block, folded under the title
        article.locator("summary.archive-meta__byline").click()
    # The folded cover starts loading only once shown: wait for its placeholder.
    expect(article.locator(".archive-meta .archive-image-missing >> visible=true")).to_have_count(1)
    assert _broken_images(article) == []
    body.first.scroll_into_view_if_needed()
    _shot(article, f"article-images-blocked-{width}")
    assert one.foreign_requests == []
    assert all("Failed to load resource" in error for error in one.console_errors)
    one.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_citation_block_copies_the_reference(visit, width):
    expected = next(e for e in EXPECTED_SEEDS if e.seed_id.startswith("003"))
    one = visit(width)
    one.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = one.goto(f"articles/{expected.seed_id}/")
    block = page.locator(".archive-citation")
    block.scroll_into_view_if_needed()
    reference = block.locator(".archive-citation__text").inner_text().strip()
    assert reference.startswith(f"王涵. {expected.page_title}[EB/OL]")
    block.locator("button.archive-citation__copy").click()
    page.wait_for_function(
        "document.querySelector('.archive-citation__copy').textContent === '已复制'"
    )
    assert page.evaluate("navigator.clipboard.readText()") == reference
    box = block.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # nothing runs off a phone
    _shot(page, f"citation-{width}")


SEARCHES = [
    ("贪吃蛇", "003_c5574c47c0f95dce"),
    ("治愈癌症", "003_c5574c47c0f95dce"),
    ("预训练", "002_0aa2ea9de07dcc1e"),
    ("斯坦福", "001_4830aab3c3ed9d32"),
    ("韩国", "000_37a665e4ef7b3441"),
    ("Logan Bartlett", "004_db852270f7b26be9"),
    ("chatgpt", "000_37a665e4ef7b3441"),
    ("智东西", "003_c5574c47c0f95dce"),
    ("王涵", "003_c5574c47c0f95dce"),
    # Parts of compounds, Latin and Han without a space, several words.
    ("超级计算机", "001_4830aab3c3ed9d32"),
    ("GPT-5的预训练", "002_0aa2ea9de07dcc1e"),
    ("AI深度研究员", "004_db852270f7b26be9"),
    ("研究员", "004_db852270f7b26be9"),
    ("AI寒武纪", "001_4830aab3c3ed9d32"),
    ("Sam Altman 斯坦福", "001_4830aab3c3ed9d32"),
    ("奥特曼 贪吃蛇", "003_c5574c47c0f95dce"),
]


@pytest.mark.parametrize(("query", "seed_id"), SEARCHES)
def test_search_finds_the_right_article_first(visit, query, seed_id):
    one = visit()
    page = one.goto()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    first = page.locator(".md-search-result__item > .md-search-result__link").first
    first.wait_for(timeout=10_000)
    assert urlsplit(first.get_attribute("href")).path.endswith(f"/articles/{seed_id}/")
    if query == "贪吃蛇":
        page.wait_for_timeout(500)  # let the search overlay finish fading in
        _shot(page, "search")


@pytest.mark.parametrize("path", ["timeline/", "tags/"])
def test_index_pages_lead_to_articles(visit, path):
    page = visit().goto(path)
    link = page.locator("article a[href*='articles/']").first
    title = link.inner_text().strip()
    link.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("article h1").inner_text().strip() == title
    assert "/articles/" in page.url


def test_offline_copy_works_from_file_urls(browser, tmp_path):
    """The zipped offline build: pages link to each other and search runs from file://."""
    os.environ["OFFLINE"] = "true"
    try:
        assert build_site(tmp_path).returncode == 0
    finally:
        del os.environ["OFFLINE"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    foreign: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith("file://"):
            request_route.continue_()
        elif (urlsplit(url).hostname or "") in IMAGE_HOSTS:
            request_route.fulfill(status=200, content_type="image/png", body=PIXEL)
        else:
            foreign.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.goto((tmp_path / "index.html").as_uri())
    link = page.locator(".archive-list__title").first
    title = link.inner_text().strip()
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(".html")
    assert page.locator("article h1").inner_text().strip() == title
    page.goto((tmp_path / "index.html").as_uri())
    box = page.locator("input.md-search__input")
    box.fill("贪吃蛇")
    box.press("End")
    first = page.locator(".md-search-result__item > .md-search-result__link").first
    first.wait_for(timeout=10_000)
    assert "articles/003_c5574c47c0f95dce.html" in first.get_attribute("href")
    assert foreign == []
    page.close()


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    """A site with one seed whose title and tag hold markup, served on 127.0.0.1."""
    work = tmp_path_factory.mktemp("hostile-search")
    seeds = work / "seeds"
    seeds.mkdir()
    (seeds / "hostile.md").write_text(
        '---\ntitle: 恶意标题<img src=x onerror="window.__injected=1">\n'
        'tags: ["<b id=injected-tag>恶意标签</b>"]\n---\n恶意正文里的一句话。\n',
        encoding="utf-8",
    )
    site_dir = work / "site"
    server = StaticServer(site_dir)
    result = build_site(site_dir, seeds_dir=seeds, strict=False, site_url=server.url)
    assert result.returncode == 0, result.stderr
    with server:
        yield server.url


def test_search_results_show_markup_from_seeds_as_text(browser, hostile_url):
    one = Visit(browser, hostile_url, 1280)
    page = one.goto()
    box = page.locator("input.md-search__input")
    box.fill("恶意标题")
    box.press("End")
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=10_000)
    assert "<img" in result.inner_text() and "<b id=injected-tag>" in result.inner_text()
    assert result.locator("img, #injected-tag").count() == 0
    assert page.evaluate("window.__injected") is None
    assert one.console_errors == []
    one.close()


@pytest.fixture(scope="module")
def capture_tools_url(tmp_path_factory):
    """A site built from the capture-tool fixtures (tests/test_capture_tools.py)."""
    work = tmp_path_factory.mktemp("capture-tools")
    seeds = work / "seeds"
    shutil.copytree(ROOT / "tests" / "fixtures" / "capture_tools", seeds)
    site_dir = work / "site"
    server = StaticServer(site_dir)
    result = build_site(site_dir, seeds_dir=seeds, site_url=server.url)
    assert result.returncode == 0, result.stderr
    with server:
        yield server.url


def test_a_raw_html_seed_never_runs_on_the_archive_origin(browser, capture_tools_url):
    one = Visit(browser, capture_tools_url, 1280)
    page = one.goto("articles/singlefile-page/")
    raw = page.locator(".md-sidebar--secondary a.archive-meta__raw")
    target = raw.get_attribute("href")
    page.goto(urljoin(page.url, target))
    page.wait_for_load_state("load")
    # The capture holds `<script>window.PWNED_BY_SEED = true;</script>`.
    assert "window.PWNED_BY_SEED = true" in page.locator("body").inner_text()
    assert page.evaluate("window.PWNED_BY_SEED") is None
    assert page.evaluate("window.SITE_TRACKER") is None
    assert one.foreign_requests == []
    one.close()


@pytest.mark.parametrize("slug", ["singlefile-page", "obsidian-web-clipper"])
@pytest.mark.parametrize("width", [1280, 390])
def test_captures_from_clipping_tools_read_well(browser, capture_tools_url, slug, width):
    one = Visit(browser, capture_tools_url, width)
    page = one.goto(f"articles/{slug}/")
    image = page.locator("article img[src*='media/']").first
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    _shot(page, f"{slug}-{width}")
    assert one.foreign_requests == [] and one.console_errors == []
    one.close()
