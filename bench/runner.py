#!/usr/bin/env python3
"""The batch runner's own numbers (issue 8), ratios within one invocation:

  overhead  `docpipe run` of a pipeline with no stages (read JSONL, write
            JSONL) against `cat`, both over the same file (1 GB: on 100 MB,
            cat takes ~5 ms and process start-up would weigh in the ratio),
            both writing to /dev/null and both writing a file in /dev/shm
  scaling   a pipeline (default pipelines/news.yaml) with -j 1 and -j 2
  memory    peak RSS of the same pipeline (default: the tokenizer alone) on
            a 100 MB and a 1 GB corpus

  bench/runner.py [--build-dir DIR] [--corpus FILE] [--small-mb 100]
                  [--large-mb 1000] [--overhead-mb 1000] [--scaling-mb 20]
                  [--scaling-pipeline P] [--memory-pipeline P] [--repeat 3]

Corpora are the sample repeated into $DOCPIPE_BENCH_DIR (default /tmp/docpipe-bench). Peak RSS is
from wait4(2). Python 3 standard library only; nothing is asserted.
"""

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from common import REPO, WORK, copies_for, find_build_dir, repeated_corpus


def corpus_of(sample, mb):
    copies = copies_for(sample, mb)
    return repeated_corpus(sample, copies, f"corpus-{Path(sample).stem}-x{copies}.jsonl")


def timed(cmd, stdout=subprocess.DEVNULL):
    """Wall seconds and peak RSS (MB) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"bench: {' '.join(map(str, cmd))} failed with status {status}")
    return seconds, usage.ru_maxrss / 1024


def best(cmd, repeat):
    runs = [timed(cmd) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build-dir", help="default: the build folder with the newest bin/docpipe")
    ap.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus" / "news-sample.jsonl"))
    ap.add_argument("--small-mb", type=int, default=100)
    ap.add_argument("--large-mb", type=int, default=1000)
    ap.add_argument("--overhead-mb", type=int, default=1000)
    ap.add_argument("--scaling-mb", type=int, default=20)
    ap.add_argument("--scaling-pipeline", default=str(REPO / "pipelines" / "news.yaml"))
    ap.add_argument("--memory-pipeline", default=None, help="default: the tokenizer alone")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    docpipe = find_build_dir(args.build_dir, "runner") / "bin" / "docpipe"
    if not docpipe.exists():
        sys.exit(f"runner: {docpipe} not found; build first (scripts/build.sh)")
    WORK.mkdir(parents=True, exist_ok=True)
    empty = WORK / "empty.yaml"
    empty.write_text("pipeline: empty\nstages: []\n")
    tokenizer = WORK / "tokenizer.yaml"
    tokenizer.write_text("pipeline: tokenizer\nstages:\n  - plugin: tokenizer\n")
    memory_pipeline = args.memory_pipeline or str(tokenizer)

    print(f"# docpipe runner benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"load average {os.getloadavg()[0]:.1f}")

    overhead = corpus_of(args.corpus, args.overhead_mb)
    mb = overhead.stat().st_size / 1e6
    # Two places to write to: /dev/null (cat then only reads, at memory
    # speed), and a file in memory (tmpfs: both read and write, no disk).
    shm = Path("/dev/shm") if Path("/dev/shm").is_dir() else WORK
    sinks = [("/dev/null", None), (f"a file in {shm}", shm / "docpipe-bench-out.jsonl")]
    print(f"\n## Runner overhead (no stages: JSONL in, JSONL out; {mb:.0f} MB)\n")
    print("| writing to | run | seconds | MB/s | share of cat's speed |\n|---|---|---|---|---|")
    for sink, path in sinks:
        def to_sink(cmd):
            if path is None:
                return best(cmd, args.repeat)[0]
            runs = []
            for _ in range(args.repeat):
                with open(path, "wb") as out:
                    runs.append(timed(cmd, stdout=out)[0])
                path.unlink()
            return min(runs)
        cat_s = to_sink(["cat", str(overhead)])
        run = [str(docpipe), "-q", "run", str(empty), str(overhead), "-o", "-"]
        run_s = to_sink(run)
        j1_s = to_sink(run + ["-j", "1"])
        print(f"| {sink} | cat | {cat_s:.3f} | {mb / cat_s:.0f} | 100% |")
        print(f"| {sink} | docpipe run, no stages, all threads | {run_s:.3f} | {mb / run_s:.0f} | "
              f"{100 * cat_s / run_s:.1f}% |")
        print(f"| {sink} | docpipe run, no stages, -j 1 | {j1_s:.3f} | {mb / j1_s:.0f} | {100 * cat_s / j1_s:.1f}% |")

    scaling = corpus_of(args.corpus, args.scaling_mb)
    smb = scaling.stat().st_size / 1e6
    base = [str(docpipe), "-q", "run", args.scaling_pipeline, str(scaling), "-o", "-"]
    s1, _ = best(base + ["-j", "1"], args.repeat)
    s2, _ = best(base + ["-j", "2"], args.repeat)
    print(f"\n## Scaling ({Path(args.scaling_pipeline).name}, {smb:.0f} MB)\n")
    print("| threads | seconds | MB/s | speed-up |\n|---|---|---|---|")
    print(f"| 1 | {s1:.2f} | {smb / s1:.2f} | 1.00 |")
    print(f"| 2 | {s2:.2f} | {smb / s2:.2f} | {s1 / s2:.2f} |")

    small = corpus_of(args.corpus, args.small_mb)
    large = corpus_of(args.corpus, args.large_mb)
    mem = lambda c: timed([str(docpipe), "-q", "run", memory_pipeline, str(c), "-o", "-"])
    ts, rs = mem(small)
    tl, rl = mem(large)
    print(f"\n## Memory ({Path(memory_pipeline).name})\n")
    print("| corpus | seconds | peak RSS MB |\n|---|---|---|")
    print(f"| {small.stat().st_size / 1e6:.0f} MB | {ts:.1f} | {rs:.1f} |")
    print(f"| {large.stat().st_size / 1e6:.0f} MB | {tl:.1f} | {rl:.1f} |")
    print(f"\npeak RSS ratio large / small: {rl / rs:.2f}")
    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
