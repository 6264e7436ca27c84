"""Measures alsite (and Hugo, when installed) on generated sites. Run through bench/run.

Every figure is the median of several runs with the min-max spread beside it;
CPU is user time, memory is peak resident size (from wait4). These are
benchmarks, not timed tests: on a shared machine the spread says how far to
trust a row.
"""

import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

TEN_K = 10000


def run(cmd, cwd=None):
    """Runs a command; returns (wall s, user CPU s, peak resident MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    return wall, usage.ru_utime, usage.ru_maxrss / 1024


def runs(cmd, times, before=None, cwd=None):
    """`times` runs of `cmd` (calling `before()` ahead of each); a list of run() results."""
    results = []
    for _ in range(times):
        if before:
            before()
        results.append(run(cmd, cwd))
    return results


def med(values):
    return statistics.median(values)


def spread(values, unit, scale=1.0, digits=0):
    """'median (min–max) unit' of values times scale."""
    v = [x * scale for x in values]
    f = f"{{:,.{digits}f}}"
    if len(v) == 1:
        return f"{f.format(v[0])} {unit}"
    return f"{f.format(med(v))} {unit} ({f.format(min(v))}–{f.format(max(v))})"


def serve(alsite, root):
    """Starts `alsite serve`; returns (process, event stream reader)."""
    proc = subprocess.Popen([alsite, "serve", "--port", "0", "--root", root], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    addr = None
    while addr is None:
        line = proc.stdout.readline()
        if not line:
            sys.exit("serve did not start")
        if "http://" in line:
            addr = line.split("http://")[1].strip().rstrip("/")
    host, port = addr.rsplit(":", 1)
    sock = socket.create_connection((host, int(port)))
    sock.sendall(b"GET /__alsite/events HTTP/1.1\r\nHost: " + addr.encode() + b"\r\n\r\n")
    stream = sock.makefile("rb")
    while (line := stream.readline()) != b": connected\n":
        if not line:
            sys.exit("serve refused the event stream")
    return proc, sock, stream


def wait_reload(stream):
    while stream.readline() != b"event: reload\n":
        pass


def resident_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def save_to_reload(alsite, root, page, times=9):
    """Milliseconds from writing `page` to the reload event, with `serve`."""
    proc, sock, stream = serve(alsite, root)
    try:
        path = os.path.join(root, page)
        original = open(path, encoding="utf-8").read()
        samples = []
        for i in range(times):
            start = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(original + f"\n\nEdit number {i}.\n")
            wait_reload(stream)
            samples.append((time.perf_counter() - start) * 1000)
            # Saves seconds apart, as people make them: the search index is
            # rewritten just after each reload, and is done by the next save.
            time.sleep(0.5)
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        return samples
    finally:
        sock.close()
        proc.terminate()
        proc.wait()


def memory_after_shrinking(alsite, root, small):
    """Resident MB of `serve` after its first build, and after the site's
    content/ is replaced by that of the smaller generated site `small`."""
    proc, sock, stream = serve(alsite, root)
    try:
        time.sleep(0.5)
        full = resident_mb(proc.pid)
        content = os.path.join(root, "content")
        shutil.rmtree(content)
        shutil.copytree(os.path.join(small, "content"), content)
        wait_reload(stream)
        # Replacing thousands of files may take several rebuilds: wait until
        # no reload has come for 5 s.
        sock.settimeout(5.0)
        try:
            while True:
                wait_reload(stream)
        except (socket.timeout, TimeoutError):
            pass
        return full, resident_mb(proc.pid)
    finally:
        sock.close()
        proc.terminate()
        proc.wait()


def without_nav(site):
    """Removes the `nav:` block from a generated site.yaml."""
    path = os.path.join(site, "site.yaml")
    lines = open(path, encoding="utf-8").read().split("\n")
    if "nav:" in lines:
        lines = lines[: lines.index("nav:")]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def in_two_languages(site):
    """Makes a generated site (already without `nav:`) English and Polish:
    no page is translated yet, so each has a Polish page that says so."""
    path = os.path.join(site, "site.yaml")
    lines = [l for l in open(path, encoding="utf-8").read().split("\n") if not l.startswith("language:")]
    lines.insert(1, "languages: [en, pl]")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def measure_size(alsite, hugo, work, n, times):
    # Hugo keeps every page in memory (about 1.3 GB at 10,000 pages): larger
    # sizes only with BENCH_HUGO_MAX raised, on a machine with the memory.
    if n > int(os.environ.get("BENCH_HUGO_MAX", str(TEN_K))):
        hugo = None
    site, hsite = os.path.join(work, f"site-{n}"), os.path.join(work, f"hugo-{n}")
    args = [alsite, "gen-site", site, "--pages", str(n), "--seed", "7"] + (["--hugo", hsite] if hugo else [])
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    public = os.path.join(site, "public")
    fresh = runs([alsite, "build", "--root", site], times, before=lambda: shutil.rmtree(public, ignore_errors=True))
    unchanged = runs([alsite, "build", "--root", site], times)
    check = runs([alsite, "check", "--root", site], times)
    pages = sum(1 for _, _, files in os.walk(public) for f in files if f.endswith(".html"))
    row = {"n": n, "pages": pages, "fresh": fresh, "unchanged": unchanged, "check": check}
    if hugo:
        hout = os.path.join(work, f"hugo-out-{n}")
        row["hugo"] = runs([hugo, "--quiet", "-d", hout], times, cwd=hsite, before=lambda: shutil.rmtree(hout, ignore_errors=True))
        shutil.rmtree(hout, ignore_errors=True)
    if n == TEN_K:
        row["reload_nav"] = save_to_reload(alsite, site, "content/pages/page-00001.md")
        without_nav(site)
        row["reload_no_nav"] = save_to_reload(alsite, site, "content/pages/page-00001.md")
        two = os.path.join(work, "site-two-languages")
        shutil.copytree(site, two, ignore=shutil.ignore_patterns("public"))
        in_two_languages(two)
        row["reload_languages"] = save_to_reload(alsite, two, "content/pages/page-00001.md")
        shutil.rmtree(two)
        small = os.path.join(work, "site-small")
        subprocess.run([alsite, "gen-site", small, "--pages", str(n // 10), "--seed", "7"], check=True, stdout=subprocess.DEVNULL)
        row["shrink"] = memory_after_shrinking(alsite, site, small)
        shutil.rmtree(small)
    shutil.rmtree(site)
    shutil.rmtree(hsite, ignore_errors=True)
    return row


def interleaved(alsite, work, small, large, times):
    """Fresh builds of `small` and `large` pages taken in turn, `times` pairs:
    both sizes meet the same machine (what else runs, the disk's mood), which
    the table's rows, measured minutes apart, do not. Returns the pairs of
    wall times."""
    sites = []
    for n in (small, large):
        site = os.path.join(work, f"alternate-{n}")
        subprocess.run([alsite, "gen-site", site, "--pages", str(n), "--seed", "7"], check=True, stdout=subprocess.DEVNULL)
        sites.append(site)
    pairs = []
    try:
        for _ in range(times):
            pair = []
            for site in sites:
                public = os.path.join(site, "public")
                shutil.rmtree(public, ignore_errors=True)
                pair.append(run([alsite, "build", "--root", site])[0])
            pairs.append(tuple(pair))
    finally:
        for site in sites:
            shutil.rmtree(site, ignore_errors=True)
    return pairs


def print_interleaved(pairs, small, large):
    ratios = [b / a for a, b in pairs]
    a, b = med([p[0] for p in pairs]), med([p[1] for p in pairs])
    print()
    print(f"{large:,} ÷ {small:,} pages, fresh builds taken in turn ({len(pairs)} pairs): "
          f"{b / a:.2f} (medians {a:.2f} s and {b:.2f} s); each pair's ratio {med(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f})")


def print_tables(rows, sample):
    col = lambda rs, i: [r[i] for r in rs]
    ten = next((r for r in rows if r["n"] == TEN_K), None)
    print()
    print("Fresh build (empty output folder):")
    print()
    print("| Markdown pages | pages built | time | user CPU | peak memory | pages/s | time ÷ 10k row | CPU ÷ 10k row |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        wall, cpu = med(col(r["fresh"], 0)), med(col(r["fresh"], 1))
        ratio = (f"{wall / med(col(ten['fresh'], 0)):.2f}", f"{cpu / med(col(ten['fresh'], 1)):.2f}") if ten else ("–", "–")
        print(f"| {r['n']:,} | {r['pages']:,} | {spread(col(r['fresh'], 0), 's', digits=2)} | {spread(col(r['fresh'], 1), 's', digits=2)} | {spread(col(r['fresh'], 2), 'MB')} | {r['pages'] / wall:,.0f} | {ratio[0]} | {ratio[1]} |")
    print()
    print("Unchanged rebuild (the same site again: nothing rendered or written) and `check`:")
    print()
    print("| Markdown pages | rebuild time | rebuild CPU | rebuild memory | check time | check CPU | check memory |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        u, c = r["unchanged"], r["check"]
        print(f"| {r['n']:,} | {spread(col(u, 0), 's', digits=2)} | {spread(col(u, 1), 's', digits=2)} | {spread(col(u, 2), 'MB')} | {spread(col(c, 0), 's', digits=2)} | {spread(col(c, 1), 's', digits=2)} | {spread(col(c, 2), 'MB')} |")
    if any("hugo" in r for r in rows):
        print()
        print("Hugo, the same Markdown pages with an equally plain layout, in the same run:")
        print()
        print("| Markdown pages | Hugo time | Hugo CPU | Hugo memory | alsite ÷ Hugo (time) |")
        print("|---:|---:|---:|---:|---:|")
        for r in rows:
            if "hugo" in r:
                h = r["hugo"]
                print(f"| {r['n']:,} | {spread(col(h, 0), 's', digits=2)} | {spread(col(h, 1), 's', digits=2)} | {spread(col(h, 2), 'MB')} | {med(col(r['fresh'], 0)) / med(col(h, 0)):.2f} |")
        print()
        print("Hugo runs up to BENCH_HUGO_MAX pages (default 10,000): it keeps every page in memory.")
    else:
        print()
        print("Hugo: not installed, so not compared in this run (`apt-get install hugo`).")
    if ten:
        print()
        print(f"`serve` at {ten['n']:,} pages, save to reload event: {spread(ten['reload_nav'], 'ms')} with a `nav:` in site.yaml, {spread(ten['reload_no_nav'], 'ms')} without, {spread(ten['reload_languages'], 'ms')} in two languages (English and Polish, no `nav:`)")
        full, small = ten["shrink"]
        print(f"`serve` resident memory: {full:.0f} MB after building {ten['n']:,} pages, {small:.0f} MB once the site shrank to {ten['n'] // 10:,} pages")
    print()
    print(f"sample site: build {spread(sample[0], 'ms', scale=1000)}, peak {med(sample[1]):.0f} MB, save to reload {spread(sample[2], 'ms')}")


def filesystem(path):
    """The type of the file system `path` is on (tmpfs is a RAM disk)."""
    try:
        out = subprocess.run(["stat", "-f", "-c", "%T", path], capture_output=True, text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown file system"


def main():
    alsite = os.path.abspath(sys.argv[1])
    sizes = [int(s) for arg in sys.argv[2:] for s in arg.split()]
    times = int(os.environ.get("BENCH_RUNS", "3"))
    hugo = shutil.which("hugo")
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    # BENCH_DIR=/dev/shm measures on a RAM disk: alsite's own cost, without a slow disk's.
    work = tempfile.mkdtemp(prefix="alsite-bench-", dir=os.environ.get("BENCH_DIR"))
    print(f"machine: {machine()}")
    print(f"sites and output in {os.path.dirname(work)} ({filesystem(work)})")
    print(f"alsite: {alsite}; Hugo: {hugo or 'not installed'}; {times} runs per figure")
    rows = []
    try:
        sample_out = os.path.join(work, "sample-out")
        built = runs([alsite, "build", "--root", repo, "--out", sample_out], 7, before=lambda: shutil.rmtree(sample_out, ignore_errors=True))
        sample = ([r[0] for r in built], [r[2] for r in built], save_to_reload(alsite, repo, "content/pages/about.md"))
        for n in sizes:
            rows.append(measure_size(alsite, hugo, work, n, times))
            print(f"  measured {n:,} pages", file=sys.stderr)
        large = max(sizes, default=0)
        pairs = interleaved(alsite, work, TEN_K, large, max(times, 5)) if TEN_K in sizes and large > TEN_K else None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_tables(rows, sample)
    if pairs:
        print_interleaved(pairs, TEN_K, large)


if __name__ == "__main__":
    main()
