"""What the bench scripts share: where the repository and a build are, and
corpora made by repeating a sample. Python 3 standard library only."""

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = Path(os.environ.get("DOCPIPE_BENCH_DIR") or Path(tempfile.gettempdir()) / "docpipe-bench")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def find_build_dir(arg, prog):
    """--build-dir if given, else the build* folder with the newest bin/docpipe."""
    if arg:
        return Path(arg).resolve()
    candidates = [p for p in REPO.glob("build*/") if (p / "bin" / "docpipe").exists()]
    candidates += [p for p in REPO.glob("build/*/") if (p / "bin" / "docpipe").exists()]
    if not candidates:
        sys.exit(f"{prog}: no build directory with bin/docpipe found; build docpipe first or pass --build-dir")
    return max(candidates, key=lambda p: (p / "bin" / "docpipe").stat().st_mtime)


def repeated_corpus(sample, copies, name):
    """WORK/name: `sample` written `copies` times (kept when already there)."""
    sample = Path(sample)
    out = WORK / name
    size = sample.stat().st_size
    if not out.exists() or out.stat().st_size != size * copies:
        log(f"bench: writing {out} ({copies} x {sample.name})")
        WORK.mkdir(parents=True, exist_ok=True)
        data = sample.read_bytes()
        if not data.endswith(b"\n"):
            sys.exit(f"bench: {sample} does not end with a line end; its copies would run together")
        with open(out, "wb") as f:
            for _ in range(copies):
                f.write(data)
    return out


def copies_for(sample, mb):
    """How many copies of `sample` make at least `mb` MB."""
    return max(1, -(-mb * 1_000_000 // Path(sample).stat().st_size))
