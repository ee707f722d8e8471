"""Hand memory that is free again back to the operating system.

Loading an index builds many short-lived objects (parsed record files, token lists, BM25's
temporaries). Python frees them, but glibc keeps the pages in the process, so a server that has
just loaded 10,000 articles holds tens of megabytes it no longer uses, and Chroma's first query
then adds its vectors on top. ``malloc_trim`` returns those pages. Elsewhere (not glibc) it does
nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _libc() -> Any:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def give_back_free_memory() -> bool:
    """Collect garbage and return free heap pages to the system; False where that is not possible."""
    gc.collect()
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
