"""Batch harvest at corpus scale, on Dask: ``oogst harvest SOURCE… --out ITEMS.parquet``.

``harvest_batch`` reads JSONL (also ``.jsonl.gz``), Parquet and folders of documents in
partitions of bounded size, harvests each partition on a Dask worker (a local cluster of
processes by default, any ``dask.distributed`` cluster with a scheduler address) and writes
items, documents and failures as Parquet, resumably. ``load_into`` puts such a harvest into a
store. Modules: ``read`` (input → partitions), ``work`` (what a worker runs), ``output`` (the
Parquet folder), ``run`` (the client's loop), ``load`` (reading a harvest back).

Nothing here is imported by ``import oogst``: Dask and pyarrow load only when a batch runs.
"""
from __future__ import annotations

from importlib import import_module as _import_module
from typing import Any as _Any

_LAZY = {
    "harvest_batch": "oogst.batch.run",
    "BatchSummary": "oogst.batch.run",
    "BatchError": "oogst.batch.run",
    "ClusterInfo": "oogst.batch.run",
    "Progress": "oogst.batch.run",
    "load_into": "oogst.batch.load",
    "read_harvest": "oogst.batch.load",
    "read_failures": "oogst.batch.load",
    "is_harvest": "oogst.batch.output",
}


def __getattr__(name: str) -> _Any:
    if name in _LAZY:
        return getattr(_import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'oogst.batch' has no attribute {name!r}")


__all__ = sorted(_LAZY)
