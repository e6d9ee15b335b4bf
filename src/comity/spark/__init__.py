"""Comity on Apache Spark: extraction on executors, distributed merge, Parquet output.

- :mod:`comity.spark.schema` — the explicit Arrow/Parquet schemas and row conversions;
- :mod:`comity.spark.worker` — executor-side extraction (one cached pipeline per process);
- :mod:`comity.spark.blocking` — blocking by country pair and date for the merge;
- :mod:`comity.spark.jobs` — the driver: :func:`~comity.spark.jobs.extract_job`,
  :func:`~comity.spark.jobs.merge_job`, :func:`~comity.spark.jobs.spark_session`;
- :mod:`comity.spark.load` — load the Parquet output into the event database.

See ``docs/spark.md`` for running on a cluster.
"""
