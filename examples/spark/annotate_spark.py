#!/usr/bin/env python3
"""Annotate a JSONL corpus with Nomen on Apache Spark.

Each partition of the corpus is piped through `nomen annotate -` with RDD.pipe:
JSONL in, JSONL out, one output line per input line, in order. The output folder
holds Spark's part files; read in name order (`cat OUTPUT/part-*`) they are
exactly what `nomen annotate INPUT` prints for the same input.

    python3 examples/spark/annotate_spark.py corpus.jsonl annotated/ \
        --nomen .build/release/nomen --lexicon lexicons.nomenidx

Why the order is kept: `textFile` splits the input into partitions in file
order, `pipe` keeps a partition's lines in order (nomen writes one line per
line, in input order), and `saveAsTextFile` writes partition i to part-i. The
one thing a partition cannot know is where it starts in the corpus, so the
1-based "line" of an error record is shifted by the number of lines in the
partitions before it (counted in a first, cheap pass over the input).

Exit status of nomen: 65 means "some documents gave error records" (they are in
the output); any other non-zero status fails the Spark task.
"""

import argparse
import itertools
import os
import re
import shlex
import sys

# The trailing `"line":N}}` of an error record. nomen writes the error object
# last, and "line" last in it, so this matches nothing else: a quote inside the
# message is escaped (\"), and entity lines end with `]}`.
ERROR_LINE = re.compile(r',"line":(\d+)\}\}$')


def nomen_command(nomen, lexicon, extra):
    """The command each partition is piped through.

    A small sh wrapper turns exit status 65 (documents with error records, which
    are in the output) into 0, so `checkCode=True` still fails the task on a real
    failure (a missing binary, a crash, a bad lexicon). It also gives nomen a
    writable cache folder when NOMEN_CACHE_DIR is not set.
    """
    args = ["annotate", "-", "--quiet"]
    if lexicon:
        args += ["--lexicon", lexicon]
    args += extra
    script = (
        'export NOMEN_CACHE_DIR="${NOMEN_CACHE_DIR:-${TMPDIR:-/tmp}/nomen-cache}"; '
        '"$0" "$@"; s=$?; if [ "$s" -eq 65 ]; then exit 0; fi; exit "$s"'
    )
    return " ".join(shlex.quote(a) for a in ["sh", "-c", script, nomen] + args)


def shift_error_lines(start):
    """Rewrites the partition-local "line" of error records to the corpus line."""

    def shift(index, lines):
        offset = start[index]
        for line in lines:
            m = ERROR_LINE.search(line)
            if m:
                line = line[: m.start(1)] + str(int(m.group(1)) + offset) + line[m.end(1):]
            yield line

    return shift


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    # Everything after "--" goes to nomen annotate (argparse cannot take options there
    # once the positionals are matched).
    extra = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1:]
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                usage="%(prog)s INPUT OUTPUT [options] [-- NOMEN_ANNOTATE_OPTIONS...]",
                                epilog="Options after -- go to nomen annotate, e.g. -- --offsets utf16 --jobs 1.")
    p.add_argument("input", help="JSONL corpus ({\"id\", \"text\", ...} a line); any path Spark reads")
    p.add_argument("output", help="output folder (must not exist): part files of JSONL")
    p.add_argument("--nomen", default="nomen", help="the nomen binary, as the executors see it (default: nomen on PATH)")
    p.add_argument("--lexicon", help="a compiled index (nomen lexicon compile --output lexicons.nomenidx), "
                                     "as the executors see it; default: nomen's shipped lexicons")
    p.add_argument("--partitions", type=int, default=None, help="minimum number of input partitions")
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    p.add_argument("--cache-dir", default=None,
                   help="NOMEN_CACHE_DIR for the executors (default: $TMPDIR/nomen-cache on each executor)")
    a = p.parse_args(argv)

    # The Python workers must be the driver's Python in local mode.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("nomen-annotate")
    if a.master:
        builder = builder.master(a.master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Run as a plain script (not by spark-submit, which sets the master): local mode.
        builder = builder.master("local[*]")
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    try:
        lines = sc.textFile(a.input, a.partitions) if a.partitions else sc.textFile(a.input)
        # Lines before each partition, so error records carry corpus line numbers.
        counts = lines.mapPartitions(lambda it: [sum(1 for _ in it)]).collect()
        start = [0] + list(itertools.accumulate(counts))[:-1]

        # RDD.pipe starts the command with exactly this environment (an empty one
        # by default), so pass what nomen needs. The wrapper picks a cache folder
        # on the executor when --cache-dir is not given.
        env = {"PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin")}
        if a.cache_dir:
            env["NOMEN_CACHE_DIR"] = a.cache_dir
        for key in ("NOMEN_LEXICONS", "NOMEN_DATA_DIR"):
            if key in os.environ:
                env[key] = os.environ[key]

        command = nomen_command(a.nomen, a.lexicon, extra)
        annotated = lines.pipe(command, env=env, checkCode=True)
        annotated.mapPartitionsWithIndex(shift_error_lines(start)).saveAsTextFile(a.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
