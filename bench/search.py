"""Search figures (run through bench/run): the sample site's index against
its visible text, what search adds to the build time of a synthetic site
(built with search on and with `search: false`, alternately, each into a
fresh folder), and search in Chromium on that site (bench/search-query.js)."""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import search_size  # noqa: E402


def timed_build(alsite, root, out):
    start = time.perf_counter()
    subprocess.run([alsite, "build", "--root", root, "--out", out], check=True, stdout=subprocess.DEVNULL)
    took = time.perf_counter() - start
    return took


def main(alsite, pages, runs=3):
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    work = tempfile.mkdtemp(prefix="alsite-search-bench-")
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
        on_times, off_times = [], []
        out = os.path.join(work, "out")
        for _ in range(runs):
            for root, times in ((site, on_times), (off, off_times)):
                times.append(timed_build(alsite, root, out))
                if root == site and len(on_times) == runs:
                    keep = os.path.join(work, "kept")
                    os.rename(out, keep)
                shutil.rmtree(out, ignore_errors=True)
        on, no = statistics.median(on_times), statistics.median(off_times)
        print(f"{pages:,} Markdown pages: build {on:.2f} s with search, {no:.2f} s without (medians of {runs}, alternating): search adds {100 * (on - no) / no:.0f}%")
        index = os.path.getsize(os.path.join(work, "kept", "search", "index.en.js"))
        print(f"  its index: {index / 1024 / 1024:.1f} MiB, loaded on first use of the box")
        subprocess.run(["node", os.path.join(repo, "bench", "search-query.js"), os.path.join(work, "kept")], check=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 10000)
