"""Measures kernel latencies (ready, first cell, trivial cell, completion). Not a test: timings
are never assertions. Usage: JUPYTER_PATH=... /usr/bin/python3 latency.py [cells]"""
import statistics
import sys
import time

from jupyter_client.manager import start_new_kernel


def main(n=20):
    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="hamlab", startup_timeout=120)
    ready = time.perf_counter() - t0
    try:
        t = time.perf_counter()
        kc.execute_interactive("1 + 1", timeout=120)
        first = time.perf_counter() - t
        cells = []
        for i in range(n):
            t = time.perf_counter()
            kc.execute_interactive("int x%d = %d;" % (i, i), timeout=60)
            cells.append(time.perf_counter() - t)
        comps = []
        for _ in range(n):
            t = time.perf_counter()
            kc.complete("Math.ma", 7, reply=True, timeout=60)
            comps.append(time.perf_counter() - t)
        print("kernel ready            %.2f s" % ready)
        print("first cell (warm-up)    %.2f s" % first)
        print("trivial cell            median %.0f ms (min %.0f, max %.0f, n=%d)" % (
            1000 * statistics.median(cells), 1000 * min(cells), 1000 * max(cells), n))
        print("completion Math.ma      median %.0f ms (min %.0f, max %.0f, n=%d)" % (
            1000 * statistics.median(comps), 1000 * min(comps), 1000 * max(comps), n))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
