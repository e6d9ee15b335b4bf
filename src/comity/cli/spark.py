"""``comity spark extract|merge``: the pipeline and the merge as Spark jobs."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from comity.errors import ConfigError
from comity.settings import Settings


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_mapping({"prefilter": args.prefilter, "merge_days": args.merge_days,
                                  "batch_size": args.batch_size, "kb_dir": args.kb_dir,
                                  "spacy_model": args.spacy_model})


def _conf(pairs: list[str]) -> dict[str, str]:
    conf = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise ConfigError(f"--conf wants KEY=VALUE, got {pair!r}")
        conf[key] = value
    return conf


def _extract(args: argparse.Namespace) -> int:
    from comity.spark.jobs import extract_job, spark_session

    spark = spark_session(args.master, "comity-extract", _conf(args.conf))
    summary = extract_job(spark, args.input, args.output, _settings(args),
                          partitions=args.partitions)
    for message in summary.error_messages:
        print(f"comity: {message}", file=sys.stderr)
    print(f"{summary.documents} documents, {summary.events} events, "
          f"{summary.mentions} mentions, {summary.errors} errors -> {args.output}")
    return 1 if summary.errors else 0


def _merge(args: argparse.Namespace) -> int:
    from comity.spark.jobs import merge_job, spark_session

    spark = spark_session(args.master, "comity-merge", _conf(args.conf))
    summary = merge_job(spark, args.input, args.output, _settings(args),
                        partitions=args.partitions)
    print(f"{summary.events_in} events -> {summary.events_out} canonical events "
          f"-> {args.output}")
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--master", default=None,
                        help="Spark master URL (default: the one spark-submit gives, else "
                             "local[2])")
    parser.add_argument("--partitions", type=int, default=None,
                        help="partitions (default: twice the default parallelism)")
    parser.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE",
                        help="extra Spark configuration (repeatable)")
    parser.add_argument("--merge-days", type=int, default=None, dest="merge_days",
                        help="merge window in days")
    parser.add_argument("--batch-size", type=int, default=None, dest="batch_size")
    parser.add_argument("--kb-dir", default=None, dest="kb_dir")
    parser.add_argument("--spacy-model", default=None, dest="spacy_model")
    parser.add_argument("--no-prefilter", action="store_false", dest="prefilter",
                        default=None, help="run the parser on every sentence")


def register(subparsers: Any) -> None:
    """Add ``comity spark`` with its ``extract`` and ``merge`` sub-commands."""
    parser = subparsers.add_parser("spark", help="run extraction or merging on Apache Spark")
    sub = parser.add_subparsers(dest="spark_command", metavar="JOB", required=True)
    ext = sub.add_parser("extract", help="extract events on Spark executors to Parquet")
    ext.add_argument("--input", required=True,
                     help="JSON Lines file, Parquet file/folder (id, text, date, url, title, "
                          "source) or folder of articles")
    ext.add_argument("--output", required=True, help="output folder (events, mentions, "
                                                      "documents)")
    _common(ext)
    ext.set_defaults(func=_extract)
    mrg = sub.add_parser("merge", help="merge reports of the same event (Parquet in/out)")
    mrg.add_argument("--input", required=True, help="output folder of `spark extract`")
    mrg.add_argument("--output", required=True, help="folder for the canonical events")
    _common(mrg)
    mrg.set_defaults(func=_merge)
