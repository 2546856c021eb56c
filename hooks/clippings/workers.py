"""Worker processes for the pipeline's heavy steps, on the machine's other cores."""

from __future__ import annotations

import multiprocessing
import os
import resource
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

# The folder this package is imported from: workers start fresh interpreters ("spawn":
# safe beside the threads of a live-preview server) and must import it too.
_IMPORT_ROOT = Path(__file__).resolve().parent.parent


# How often a worker checks that the build that started it is still alive.
PARENT_CHECK_SECONDS = 0.5


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """Processes that import this package and end with the process that made them."""
    # The initializer must be importable before this package is: a built-in runs the
    # few lines that make it importable, then hands over to it.
    start = (
        f"import site; site.addsitedir({str(_IMPORT_ROOT)!r}); "
        f"from clippings.workers import watch_parent; watch_parent({os.getpid()})"
    )
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=exec,
        initargs=(start,),
    )


def watch_parent(parent: int) -> None:
    """In a worker: a thread that ends the worker once `parent` has gone."""
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """End this worker once its parent is gone, however the parent died.

    A build killed with SIGKILL (the OOM killer, an editor stopping `mkdocs serve`) runs
    no clean-up, and a worker waiting on its task queue would wait forever: it holds
    that queue's write end itself. An orphan is adopted by another process, so a
    changed parent id means the build is gone. (Linux's PR_SET_PDEATHSIG is not used:
    it fires when the *thread* that started the worker ends, and `mkdocs serve` builds
    in a thread of its own.) The multiprocessing resource tracker ends by itself once
    every process holding its pipe, these workers included, is gone.
    """
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def peak_rss_megabytes() -> float:
    """This process's own peak memory. Linux's VmHWM starts afresh in a spawned process,
    where ru_maxrss would still hold the parent's peak from before the exec."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
