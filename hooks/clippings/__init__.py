"""Turn a folder of captured articles into Markdown pages; no site engine imported.

The MkDocs hook beside this package only wires these functions into build events,
so the pipeline can be tested, reused, or moved to another engine on its own.
"""

from .pipeline import build_archive
from .records import Archive, Article, ArticlePage, Problem

__all__ = ["Archive", "Article", "ArticlePage", "Problem", "build_archive"]
