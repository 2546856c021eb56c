"""A static, sharded full-text index for the archive, searched in the reader's browser."""

from .documents import article_document
from .shards import SearchDocument, build_search_files

__all__ = ["SearchDocument", "article_document", "build_search_files"]
