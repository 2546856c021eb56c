"""Worker processes for the pipeline's heavy steps, on the machine's other cores."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from site import addsitedir

# The folder this package is imported from: workers start fresh interpreters ("spawn":
# safe beside the threads of a live-preview server) and must import it too.
_IMPORT_ROOT = Path(__file__).resolve().parent.parent


def worker_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=addsitedir,
        initargs=(str(_IMPORT_ROOT),),
    )
