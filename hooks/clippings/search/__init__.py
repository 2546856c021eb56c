"""A static, sharded full-text index for the archive, searched in the reader's browser."""

from .documents import article_document
from .shards import (
    BackgroundIndex,
    IndexWritten,
    SearchDocument,
    build_search_files,
    write_search_files,
)

__all__ = [
    "BackgroundIndex",
    "IndexWritten",
    "SearchDocument",
    "article_document",
    "build_search_files",
    "write_search_files",
]
