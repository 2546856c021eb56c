"""`make import-annotations FILE=…`: merge a W3C Web Annotation file into the sidecars.

    python -m clippings.import_annotations notes.json [--seeds DIR] [--site-url URL]

The site URL says which annotations are on this archive: by default `SITE_URL`, else the
`site_url` of mkdocs.yml. Prints what was added and what was not, and why.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import yaml

from .web_annotation_import import import_annotations

PROJECT = Path(__file__).resolve().parents[2]


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without MkDocs: `!ENV [NAME, default]` resolved, Python tags
    (used for extension options) read as nothing."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [
        loader.construct_scalar(node)  # type: ignore[arg-type]
    ]  # fmt: skip
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[v] for v in variables if v in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def configured_site_url(config_file: Path) -> str:
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return str(config.get("site_url") or "/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", type=Path, help="a W3C Web Annotation JSON(-LD) file")
    parser.add_argument(
        "--seeds", type=Path, default=PROJECT / os.environ.get("ARCHIVE_SEEDS_DIR", "seeds")
    )
    parser.add_argument("--site-url", default=None, help="the published site's address")
    args = parser.parse_args(argv)
    site_url = args.site_url or configured_site_url(PROJECT / "mkdocs.yml")
    try:
        data = json.loads(args.file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"cannot read {args.file}: {error}", file=sys.stderr)
        return 1
    report = import_annotations(data, args.seeds, site_url)
    for line in report.lines():
        print(line)
    print(f"{len(report.added)} notes added, {len(report.skipped)} annotations not imported")
    return 0


if __name__ == "__main__":
    sys.exit(main())
