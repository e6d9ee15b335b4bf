"""Scale bench (issue 8): documents/s of the bare spaCy pipeline, of ``comity extract`` in
one and two processes, and of the Spark job in ``local[1]`` and ``local[2]``, on one corpus,
with the peak resident memory of every worker. Prints a table and writes
``bench/RESULTS-scale.md``.

    .venv/bin/python bench/corpus.py                 # bench/out/corpus.jsonl (2,000 docs)
    .venv/bin/python bench/scale.py [--docs N] [--skip-spark] [--wait-quiet SECONDS]

Model loading is excluded from every figure (each worker loads, then the clock starts), so
the numbers compare processing throughput; the Spark figures include Spark's own overhead
(scheduling, Arrow transfer, Parquet writing) but not the pipeline load (a warm-up job
loads the pipeline in each Python worker first, which then reuses it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import platform
import shutil
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def _vmhwm_mib() -> float:
    from comity.spark.worker import peak_rss_kib

    return peak_rss_kib() / 1024


def _stat() -> tuple[int, int]:
    """(busy, total) CPU jiffies of the whole machine, from ``/proc/stat`` ((0, 0) where
    there is none)."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    total = sum(values)
    return total - values[3] - (values[4] if len(values) > 4 else 0), total


def _busy_since(snap: tuple[int, int]) -> float:
    """Cores the whole machine kept busy since ``snap`` (every process, ours included)."""
    busy, total = _stat()
    if total <= snap[1]:
        return float("nan")
    return (busy - snap[0]) / (total - snap[1]) * (os.cpu_count() or 1)


def _wait_quiet(limit: float) -> None:
    """Wait (at most ``limit`` seconds) for a 3-second window in which the machine is
    nearly idle (< 0.3 cores busy): on a shared machine, other work skews the figures."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        snap = _stat()
        time.sleep(3)
        if _busy_since(snap) < 0.3:
            return


def _records(path: Path, limit: int | None) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return records[:limit] if limit else records


def _documents(records: list[dict[str, Any]]) -> list[Any]:
    """Documents of the records, read by the JSON Lines reader (as ``comity extract``)."""
    import tempfile

    from comity.ingest import read_paths
    from comity.model import Document
    from comity.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "part.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return [d for d in read_paths([path], settings=Settings.from_mapping({}))
                if isinstance(d, Document)]


def bare_spacy(texts: list[str], model: str, batch_size: int, quiet: float
               ) -> tuple[float, float, float, int]:
    """Wall and CPU seconds for ``nlp.pipe`` over ``texts`` (model loaded before the
    clock), machine cores busy meanwhile, peak MiB."""
    import spacy

    nlp = spacy.load(model)
    list(nlp.pipe(texts[:8]))  # warm-up
    _wait_quiet(quiet)
    snap, start, cpu = _stat(), time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return (time.perf_counter() - start, time.process_time() - cpu, _busy_since(snap),
            int(_vmhwm_mib()))


def comity_extract(records: list[dict[str, Any]], prefilter: bool, quiet: float
                   ) -> tuple[float, float, float, int, int, str]:
    """Wall and CPU seconds for ``Pipeline.extract_many`` (loaded before the clock), machine
    cores busy meanwhile, events, peak MiB, and the share of sentences that went to spaCy
    (the rest the pre-filter skipped)."""
    from comity.pipeline import Pipeline
    from comity.settings import Settings

    pipeline = Pipeline(Settings.from_mapping({"prefilter": prefilter}))
    docs = _documents(records)
    list(pipeline.extract_many(docs[:4]))  # warm-up
    nlp = pipeline.nlp
    seen0, parsed0 = nlp.sentences_seen, nlp.sentences_parsed
    _wait_quiet(quiet)
    snap, start, cpu = _stat(), time.perf_counter(), time.process_time()
    events = sum(len(r.events) for r in pipeline.extract_many(docs))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    busy = _busy_since(snap)
    seen, parsed = nlp.sentences_seen - seen0, nlp.sentences_parsed - parsed0
    return (seconds, cpu, busy, events, int(_vmhwm_mib()),
            f"{parsed}/{seen} sentences parsed")


def _half(records: list[dict[str, Any]], barrier: Any, queue: Any, quiet: float) -> None:
    from comity.pipeline import Pipeline
    from comity.settings import Settings

    pipeline = Pipeline(Settings.from_mapping({}))
    docs = _documents(records)
    list(pipeline.extract_many(docs[:4]))
    barrier.wait()
    _wait_quiet(quiet)
    barrier.wait()
    snap, start = _stat(), time.time()
    events = sum(len(r.events) for r in pipeline.extract_many(docs))
    queue.put((start, time.time(), events, int(_vmhwm_mib()), _busy_since(snap)))


def two_processes(records: list[dict[str, Any]], quiet: float
                  ) -> tuple[float, float, int, list[int]]:
    """Two OS processes on the two halves; wall seconds from the common start to the last
    finish, machine cores busy (the larger of the two windows), events, peak MiB of each
    process."""
    ctx = mp.get_context("spawn")
    barrier, queue = ctx.Barrier(2), ctx.Queue()
    mid = len(records) // 2
    procs = [ctx.Process(target=_half, args=(part, barrier, queue, quiet))
             for part in (records[:mid], records[mid:])]
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    start = min(r[0] for r in results)
    end = max(r[1] for r in results)
    return (end - start, max(r[4] for r in results), sum(r[2] for r in results),
            [r[3] for r in results])


def _in_child(fn: Any, *args: Any) -> Any:
    """Run ``fn(*args)`` in a fresh spawned process, so its peak memory is its own."""
    with mp.get_context("spawn").Pool(1) as pool:
        return pool.apply(fn, args)


def _probe(batches: Any) -> Any:
    """mapInArrow probe: load (or reuse) the pipeline; report pid and peak MiB. It runs
    through the same Arrow Python runner, hence the same worker pool, as the job."""
    import pyarrow as pa

    from comity.settings import Settings
    from comity.spark.worker import peak_rss_kib, pipeline_for

    for _ in batches:
        pass
    pipeline_for(Settings.from_mapping({}))
    yield pa.RecordBatch.from_pylist([{"pid": os.getpid(), "mib": peak_rss_kib() // 1024}])


def _probe_workers(spark: Any, tasks: int) -> dict[int, int]:
    rows = (spark.range(tasks).repartition(tasks)
            .mapInArrow(_probe, "pid long, mib long").collect())
    peaks: dict[int, int] = {}
    for row in rows:
        peaks[row["pid"]] = max(peaks.get(row["pid"], 0), row["mib"])
    return peaks


def spark_run(corpus: Path, master: str, cores: int, quiet: float
              ) -> tuple[float, float, int, dict[int, int]]:
    """Seconds of ``extract_job`` on ``master`` after a warm-up, machine cores busy
    meanwhile, events, peak MiB by pid."""
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from comity.settings import Settings
    from comity.spark.jobs import extract_job, spark_session

    spark = spark_session(master, f"comity-bench-{cores}",
                          {"spark.ui.showConsoleProgress": "false",
                           "spark.sql.shuffle.partitions": str(cores * 2)})
    try:
        _probe_workers(spark, cores * 4)  # warm-up: load the pipeline in each worker
        out = OUT / f"spark-{cores}"
        shutil.rmtree(out, ignore_errors=True)
        _wait_quiet(quiet)
        snap, start = _stat(), time.perf_counter()
        summary = extract_job(spark, corpus, out, Settings.from_mapping({}),
                              partitions=cores * 4)
        seconds, busy = time.perf_counter() - start, _busy_since(snap)
        peaks = _probe_workers(spark, cores * 8)
    finally:
        spark.stop()
    return seconds, busy, summary.events, peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=OUT / "corpus.jsonl")
    parser.add_argument("--docs", type=int, default=None, help="use the first N documents")
    parser.add_argument("--skip-spark", action="store_true")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS-scale.md")
    parser.add_argument("--wait-quiet", type=float, default=0.0, metavar="SECONDS",
                        help="before each timed run, wait up to SECONDS for a quiet machine")
    args = parser.parse_args()
    from comity.settings import Settings

    settings = Settings.from_mapping({})
    records = _records(args.corpus, args.docs)
    corpus = args.corpus
    if args.docs:
        corpus = OUT / f"corpus-{args.docs}.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    dip = [r for r in records if r.get("topic") == "diplomacy"]
    n, n_dip = len(records), len(dip)
    rows: list[tuple[str, int, float, float | None, float, str, str, str]] = []
    quiet = args.wait_quiet

    def add(name: str, docs: int, seconds: float, cpu: float | None, busy: float,
            events: str, mem: str, note: str = "") -> None:
        rows.append((name, docs, seconds, cpu, busy, events, mem, note))
        cpu_text = f"cpu {cpu:7.1f} s" if cpu is not None else " " * 13
        print(f"{name:<48} {docs:>5} docs {seconds:7.1f} s {cpu_text} {docs / seconds:7.1f} "
              f"docs/s events {events:>5}  peak {mem}  machine busy {busy:.1f} cores  "
              f"{note}", flush=True)

    s, c, b, mem = _in_child(bare_spacy, [r["text"] for r in records],
                             settings.spacy_model, settings.batch_size, quiet)
    add("bare spaCy nlp.pipe, mixed", n, s, c, b, "-", f"{mem} MiB")
    s, c, b, mem = _in_child(bare_spacy, [r["text"] for r in dip], settings.spacy_model,
                             settings.batch_size, quiet)
    add("bare spaCy nlp.pipe, diplomatic only", n_dip, s, c, b, "-", f"{mem} MiB")
    s, c, b, ev, mem, note = _in_child(comity_extract, records, True, quiet)
    add("comity extract, 1 process, mixed", n, s, c, b, str(ev), f"{mem} MiB", note)
    s, c, b, ev, mem, note = _in_child(comity_extract, dip, True, quiet)
    add("comity extract, 1 process, diplomatic only", n_dip, s, c, b, str(ev), f"{mem} MiB",
        note)
    s, c, b, ev, mem, note = _in_child(comity_extract, records, False, quiet)
    add("comity extract, 1 process, mixed, no prefilter", n, s, c, b, str(ev), f"{mem} MiB",
        note)
    s, b, ev, mems = two_processes(records, quiet)
    add("comity extract, 2 processes, mixed", n, s, None, b, str(ev),
        " / ".join(f"{m} MiB" for m in mems))
    if not args.skip_spark:
        for cores in (1, 2):
            s, b, ev, peaks = spark_run(corpus, f"local[{cores}]", cores, quiet)
            add(f"Spark local[{cores}], mixed", n, s, None, b, str(ev),
                " / ".join(f"{m} MiB" for m in sorted(peaks.values())))

    rate = {name: docs / secs for name, docs, secs, *_ in rows}
    cpu_rate = {name: docs / cpu for name, docs, _, cpu, *_ in rows if cpu}
    ratios = [
        ("comity extract / bare spaCy, diplomatic (target >= 0.8)",
         rate["comity extract, 1 process, diplomatic only"]
         / rate["bare spaCy nlp.pipe, diplomatic only"]),
        ("comity extract / bare spaCy, mixed (target >= 2)",
         rate["comity extract, 1 process, mixed"] / rate["bare spaCy nlp.pipe, mixed"]),
        ("same, CPU time: comity extract / bare spaCy, diplomatic",
         cpu_rate["comity extract, 1 process, diplomatic only"]
         / cpu_rate["bare spaCy nlp.pipe, diplomatic only"]),
        ("same, CPU time: comity extract / bare spaCy, mixed",
         cpu_rate["comity extract, 1 process, mixed"] / cpu_rate["bare spaCy nlp.pipe, mixed"]),
        ("prefilter on / off, mixed", rate["comity extract, 1 process, mixed"]
         / rate["comity extract, 1 process, mixed, no prefilter"]),
        ("2 processes / 1 process", rate["comity extract, 2 processes, mixed"]
         / rate["comity extract, 1 process, mixed"]),
    ]
    if not args.skip_spark:
        ratios.append(("Spark local[2] / local[1] (target >= 1.6)",
                       rate["Spark local[2], mixed"] / rate["Spark local[1], mixed"]))
    for name, value in ratios:
        print(f"{name:<60} {value:5.2f}x")

    load = os.getloadavg()
    lines = [
        "# Scale bench results (issue 8)", "",
        f"Run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC by `bench/scale.py` on "
        f"`{corpus.relative_to(HERE.parent) if corpus.is_relative_to(HERE.parent) else corpus}`"
        f": {n} documents ({n_dip} diplomatic, {n - n_dip} off-topic, "
        f"{sum(len(r['text'].split()) for r in records)} words), generated by "
        "`bench/corpus.py`.",
        f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, model `{settings.spacy_model}`, load average at the "
        f"end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (other jobs shared the machine).",
        "", "Model loading is excluded; peak memory is VmHWM of each worker process (every "
        "single-process run is in its own fresh process); CPU seconds are the process's "
        "own (single-process runs), steadier than wall time on a shared machine; machine "
        "busy is the cores the whole machine kept busy during the timed part (this run's "
        "own processes included: a 1-process run alone shows about 1, a 2-process run "
        f"about 2); each run waited up to {quiet:.0f} s for a quiet machine first.", "",
        "| run | documents | seconds | CPU seconds | documents/s | events | peak RSS per "
        "worker | machine busy (cores) | note |",
        "|---|---:|---:|---:|---:|---:|---|---:|---|",
        *(f"| {name} | {docs} | {secs:.1f} | {f'{cpu:.1f}' if cpu else '-'} | "
          f"{docs / secs:.1f} | {ev} | {mem} | {busy:.1f} | {note} |"
          for name, docs, secs, cpu, busy, ev, mem, note in rows),
        "", "| ratio | value |", "|---|---:|",
        *(f"| {name} | {value:.2f}x |" for name, value in ratios), "",
    ]
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print(f"-> {args.output}")


if __name__ == "__main__":
    main()
