"""`python -m clippings.media SEEDS_DIR`: archive the seeds' images (`make images`).

Exits 0 when every image was archived or its failure recorded; 2 when it cannot run
at all (bad arguments, no seeds folder, a media folder that cannot be written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .archiving import archive_images, summary_lines
from .fetch import FetchSettings


def main(argv: list[str] | None = None) -> int:
    defaults = FetchSettings()
    parser = argparse.ArgumentParser(
        prog="make images", description="Archive every remote image the seeds show."
    )
    parser.add_argument("seeds_dir", type=Path, help="the seeds folder (ARCHIVE_SEEDS_DIR)")
    parser.add_argument("--concurrency", type=int, default=defaults.concurrency)
    parser.add_argument("--connect-timeout", type=float, default=defaults.connect_timeout)
    parser.add_argument("--read-timeout", type=float, default=defaults.read_timeout)
    parser.add_argument("--retries", type=int, default=defaults.retries)
    parser.add_argument("--backoff", type=float, default=defaults.backoff)
    parser.add_argument(
        "--max-mb", type=float, default=defaults.max_bytes / 2**20, help="size cap per image"
    )
    args = parser.parse_args(argv)
    if args.concurrency < 1 or args.retries < 0 or args.max_mb <= 0:
        parser.error("--concurrency must be at least 1, --retries at least 0, --max-mb above 0")
    if not args.seeds_dir.is_dir():
        print(f"make images: no seeds folder at {args.seeds_dir}", file=sys.stderr)
        return 2
    settings = FetchSettings(
        connect_timeout=args.connect_timeout,
        read_timeout=args.read_timeout,
        retries=args.retries,
        backoff=args.backoff,
        max_bytes=int(args.max_mb * 2**20),
        concurrency=args.concurrency,
    )
    try:
        run = archive_images(args.seeds_dir, settings, say=lambda line: print(line, flush=True))
    except OSError as error:
        print(f"make images: cannot write the media folder: {error}", file=sys.stderr)
        return 2
    print("\n".join(summary_lines(run)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
