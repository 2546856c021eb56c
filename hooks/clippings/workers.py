"""Worker processes for the pipeline's heavy steps, on the machine's other cores."""

from __future__ import annotations

import multiprocessing
import resource
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


def peak_rss_megabytes() -> float:
    """This process's own peak memory. Linux's VmHWM starts afresh in a spawned process,
    where ru_maxrss would still hold the parent's peak from before the exec."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
