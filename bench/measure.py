"""Measures alsite (and Hugo, when installed) on generated sites. Run through bench/run."""

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd, cwd=None):
    """Runs a command; returns (wall seconds, peak resident memory in MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1024


def median_run(cmd, times, cwd=None):
    results = [run(cmd, cwd) for _ in range(times)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def io_floor(public, scratch):
    """Seconds a plain loop takes to write the same files: what the disk allows."""
    files = [(os.path.relpath(os.path.join(d, f), public), os.path.getsize(os.path.join(d, f))) for d, _, fs in os.walk(public) for f in fs]
    start = time.perf_counter()
    for rel, size in files:
        path = os.path.join(scratch, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(b"x" * size)
    took = time.perf_counter() - start
    shutil.rmtree(scratch)
    return took


def save_to_reload(alsite, root, page, times=15):
    """Median milliseconds from writing `page` to the reload event, with `serve`."""
    proc = subprocess.Popen([alsite, "serve", "--port", "0", "--root", root], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        addr = None
        while addr is None:
            line = proc.stdout.readline()
            if not line:
                sys.exit("serve did not start")
            if "http://" in line:
                addr = line.split("http://")[1].strip().rstrip("/")
        host, port = addr.rsplit(":", 1)
        sock = socket.create_connection((host, int(port)))
        sock.sendall(f"GET /__alsite/events HTTP/1.1\r\nHost: {addr}\r\n\r\n".encode())
        stream = sock.makefile("rb")
        while (line := stream.readline()) != b": connected\n":
            if not line:
                sys.exit("serve refused the event stream")
        path = os.path.join(root, page)
        original = open(path, encoding="utf-8").read()
        samples = []
        for i in range(times):
            start = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(original + f"\n\nEdit number {i}.\n")
            while stream.readline() != b"event: reload\n":
                pass
            samples.append((time.perf_counter() - start) * 1000)
            time.sleep(0.05)
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        sock.close()
        return statistics.median(samples)
    finally:
        proc.terminate()
        proc.wait()


def main():
    alsite = os.path.abspath(sys.argv[1])
    sizes = [int(s) for arg in sys.argv[2:] for s in arg.split()]
    hugo = shutil.which("hugo")
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    work = tempfile.mkdtemp(prefix="alsite-bench-")
    print(f"alsite: {alsite}; {os.cpu_count()} cores; Hugo: {hugo or 'not installed'}")
    rows = []
    try:
        wall, mem = median_run([alsite, "build", "--root", repo, "--out", os.path.join(work, "sample-out")], 7)
        reload = save_to_reload(alsite, repo, "content/pages/about.md")
        print(f"sample site: build {wall * 1000:.0f} ms (median of 7), peak {mem:.0f} MB, save to reload {reload:.0f} ms")
        for n in sizes:
            site, hsite = os.path.join(work, f"site-{n}"), os.path.join(work, f"hugo-{n}")
            args = [alsite, "gen-site", site, "--pages", str(n), "--seed", "7"] + (["--hugo", hsite] if hugo else [])
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
            times = 5 if n <= 1000 else 3
            wall, mem = median_run([alsite, "build", "--root", site], times)
            pages = sum(1 for _, _, files in os.walk(os.path.join(site, "public")) for f in files if f.endswith(".html"))
            row = {"n": n, "pages": pages, "wall": wall, "mem": mem}
            if n >= 1000:
                row["reload"] = save_to_reload(alsite, site, "content/pages/page-00001.md")
            if hugo:
                hwall, hmem = median_run([hugo, "--quiet", "-d", os.path.join(work, f"hugo-out-{n}")], times, cwd=hsite)
                row.update(hugo=hwall, hmem=hmem)
            row["floor"] = io_floor(os.path.join(site, "public"), os.path.join(work, f"floor-{n}"))
            rows.append(row)
            shutil.rmtree(site)
            shutil.rmtree(hsite, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print()
    print("| Markdown pages | pages built | alsite median | pages/s | peak memory | writing the files alone | save to reload | Hugo median | Hugo peak | alsite/Hugo |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        reload = f"{r['reload']:.0f} ms" if "reload" in r else "–"
        h = (f"{r['hugo'] * 1000:.0f} ms", f"{r['hmem']:.0f} MB", f"{r['wall'] / r['hugo']:.2f}") if "hugo" in r else ("–", "–", "–")
        print(f"| {r['n']:,} | {r['pages']:,} | {r['wall'] * 1000:.0f} ms | {r['pages'] / r['wall']:,.0f} | {r['mem']:.0f} MB | {r['floor'] * 1000:.0f} ms | {reload} | {h[0]} | {h[1]} | {h[2]} |")
    print()
    print("'writing the files alone' is a plain loop writing files of the same sizes: the floor this disk sets.")


if __name__ == "__main__":
    main()
