"""Every article page rendered before MkDocs asks for it: from the cache, or on the
machine's cores while MkDocs reads the pages, in the order it will ask for them."""

from __future__ import annotations

import os
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor

from .cache import SeedCache
from .page_rendering import RenderedPage, RendererSpec, render_page, render_pages
from .workers import worker_pool

# Below this many pages to render, starting worker processes costs more than it saves
# (an edited seed during `mkdocs serve`): the build process renders them itself.
PARALLEL_FROM = 40
# Pages a worker renders in one task: small enough that MkDocs, asking for pages in
# order, waits little for the first ones.
CHUNK = 16


class RenderedPages:
    """Pages by source path: cached, being rendered in worker processes, or rendered
    when asked for. Fresh results go into the cache as they are taken; cached ones are
    read only when asked for (a dirty build asks for few), one at a time."""

    def __init__(
        self, spec: RendererSpec, site_files: Mapping[str, str], cache: SeedCache | None
    ) -> None:
        self.spec = spec
        self.site_files = dict(site_files)
        self.cache = cache
        self.cached = 0
        self.fresh = 0
        self._keys: dict[str, str] = {}
        self._in_cache: dict[str, str] = {}
        self._waiting: dict[str, tuple[Future, int]] = {}
        self._later: dict[str, str] = {}
        self._pool: ProcessPoolExecutor | None = None

    def start(self, pages: list[tuple[str, str]]) -> None:
        """Look each (src_uri, page Markdown) up in the cache; render the rest."""
        missing = []
        for uri, text in pages:
            key = SeedCache.key(uri, text.encode("utf-8"))
            self._keys[uri] = key
            if self.cache is not None and self.cache.has(key):
                self._in_cache[uri] = text
            else:
                missing.append((uri, text))
        workers = os.cpu_count() or 1
        if len(missing) < PARALLEL_FROM or workers < 2:
            self._later.update(missing)
            return
        self._pool = worker_pool(workers)
        for start in range(0, len(missing), CHUNK):
            chunk = missing[start : start + CHUNK]
            future = self._pool.submit(render_pages, self.spec, self.site_files, chunk)
            for index, (uri, _) in enumerate(chunk):
                self._waiting[uri] = (future, index)

    def take(self, src_uri: str) -> RenderedPage | None:
        """The page's rendering, once; None when MkDocs must render it itself."""
        if src_uri in self._in_cache:
            assert self.cache is not None
            text = self._in_cache.pop(src_uri)
            hit = self.cache.get(self._keys[src_uri])
            if isinstance(hit, RenderedPage) and hit.still_valid(self.site_files):
                self.cached += 1
                return hit
            # An entry that does not unpickle, or whose link targets moved.
            rendered = render_page(self.spec, src_uri, text, self.site_files)
        elif src_uri in self._waiting:
            future, index = self._waiting.pop(src_uri)
            try:
                rendered = future.result()[index]
            except Exception:  # a worker that failed: MkDocs renders it, and says why
                return None
        elif src_uri in self._later:
            rendered = render_page(self.spec, src_uri, self._later.pop(src_uri), self.site_files)
        else:
            return None
        self._keep(src_uri, rendered)
        return rendered

    def close(self) -> None:
        """Keep what was rendered but not asked for (a dirty build reads only changed
        pages), close the cache and end the workers."""
        for uri, (future, index) in list(self._waiting.items()):
            if future.done() and future.exception() is None:
                self._keep(uri, future.result()[index])
        self._waiting.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        if self.cache is not None:
            self.cache.close()

    def _keep(self, src_uri: str, rendered: RenderedPage | None) -> None:
        """A fresh rendering into the cache; a page left to MkDocs is not kept, as the
        link it could not resolve may resolve next time."""
        if rendered is None:
            return
        self.fresh += 1
        if self.cache is not None:
            self.cache.put(self._keys[src_uri], rendered)
