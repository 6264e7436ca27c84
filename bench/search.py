"""Search figures (run through bench/run): the sample site's index against
its visible text, what search adds to the build time of a synthetic site
(built with search on and with `search: false`, alternately, each into a
fresh folder; and in instructions, where valgrind is installed, which a busy
machine does not change), and search in Chromium on that site (bench/search-query.js)."""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import search_size  # noqa: E402


def timed(cmd):
    """Runs `cmd`; returns (wall seconds, CPU seconds: user + system, user)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        sys.exit(f"failed: {' '.join(cmd)}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_utime


def instructions(alsite, root, out):
    """Instructions a build of `root` runs, counted by valgrind's callgrind
    (the same on a busy machine as on a quiet one); None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, "log")
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={os.path.join(tmp, 'cg')}",
             f"--log-file={log}", alsite, "build", "--root", root, "--out", out],
            check=True, stdout=subprocess.DEVNULL)
        shutil.rmtree(out, ignore_errors=True)
        with open(log) as f:
            counts = [line.split(":")[-1] for line in f if "Collected" in line]
        return int(counts[-1].strip().replace(",", "")) if counts else None


def instructions_added(alsite, work, pages=1000):
    """What search adds to a build in instructions: on a small site, as
    valgrind runs about fifty times slower than the build."""
    site = os.path.join(work, "small")
    subprocess.run([alsite, "gen-site", site, "--pages", str(pages), "--seed", "7"], check=True, stdout=subprocess.DEVNULL)
    off = site + "-off"
    shutil.copytree(site, off)
    with open(os.path.join(off, "site.yaml"), "a") as f:
        f.write("search: false\n")
    out = os.path.join(work, "small-out")
    on_n, off_n = instructions(alsite, site, out), instructions(alsite, off, out)
    if on_n is None or off_n is None:
        print("  instructions: valgrind is not installed (apt install valgrind)")
        return
    print(f"  instructions ({pages:,} pages, callgrind): {on_n / 1e9:.2f} G / {off_n / 1e9:.2f} G: {share(on_n, off_n)}")


def share(on, off):
    return f"{100 * (on - off) / off:+.0f}%"


def main(alsite, pages, runs=3):
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    work = tempfile.mkdtemp(prefix="alsite-search-bench-", dir=os.environ.get("BENCH_DIR"))
    try:
        sample = os.path.join(work, "sample")
        subprocess.run([alsite, "build", "--root", repo, "--out", sample], check=True, stdout=subprocess.DEVNULL)
        print("sample site:")
        search_size.main(sample)
        site = os.path.join(work, "site")
        subprocess.run([alsite, "gen-site", site, "--pages", str(pages), "--seed", "7"], check=True, stdout=subprocess.DEVNULL)
        off = os.path.join(work, "site-off")
        shutil.copytree(site, off)
        with open(os.path.join(off, "site.yaml"), "a") as f:
            f.write("search: false\n")
        runs_of = {site: [], off: []}
        checks_of = {site: [], off: []}
        out = os.path.join(work, "out")
        for i in range(runs):
            for root in (site, off):
                runs_of[root].append(timed([alsite, "build", "--root", root, "--out", out]))
                checks_of[root].append(timed([alsite, "check", "--root", root]))
                if root == site and i == runs - 1:
                    os.rename(out, os.path.join(work, "kept"))
                shutil.rmtree(out, ignore_errors=True)
        med = lambda rows, k: statistics.median(r[k] for r in rows)  # noqa: E731
        b_on, b_off = runs_of[site], runs_of[off]
        c_on, c_off = checks_of[site], checks_of[off]
        print(f"{pages:,} Markdown pages, with search / with `search: false` (medians of {runs}, alternating):")
        print(f"  build wall {med(b_on, 0):.2f} s / {med(b_off, 0):.2f} s: {share(med(b_on, 0), med(b_off, 0))}")
        print(f"  build CPU  {med(b_on, 1):.2f} s / {med(b_off, 1):.2f} s: {share(med(b_on, 1), med(b_off, 1))}")
        print(f"  build user CPU {med(b_on, 2):.2f} s / {med(b_off, 2):.2f} s: {share(med(b_on, 2), med(b_off, 2))}")
        print(f"  check wall (everything but writing) {med(c_on, 0):.2f} s / {med(c_off, 0):.2f} s: {share(med(c_on, 0), med(c_off, 0))}")
        instructions_added(alsite, work)
        index = os.path.getsize(os.path.join(work, "kept", "search", "index.en.js"))
        print(f"  its index: {index / 1024 / 1024:.1f} MiB, loaded on first use of the box")
        if not os.path.isdir(os.path.join(repo, "tests", "browser", "node_modules", "playwright-core")):
            print("  query times: not measured, the browser packages are missing (tests/setup browser installs them)")
            return
        subprocess.run(["node", os.path.join(repo, "bench", "search-query.js"), os.path.join(work, "kept")], check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(
        os.path.abspath(sys.argv[1]),
        int(sys.argv[2]) if len(sys.argv) > 2 else 10000,
        int(os.environ.get("BENCH_RUNS", "3")),
    )
