# Executes one notebook through the Jupyter kernel "hamlab" with nbclient, then renders HTML with
# nbconvert. Used by org.hamlab.kernel.reproduce.Reproduce (--runner nbclient).
# usage: python3 nbclient_runner.py IN.ipynb OUT.ipynb OUT.html TIMEOUT_SECONDS
import os, sys, time
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

src, out_nb, out_html, timeout = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
nb = nbformat.read(src, as_version=4)
code = [c for c in nb.cells if c.cell_type == "code"]
index = {id(c): i + 1 for i, c in enumerate(code)}
started = {}

def on_start(cell, cell_index):
    started["t"] = time.time()
    print("CELL-START %d %d" % (index.get(id(cell), 0), len(code)), flush=True)

def on_complete(cell, cell_index):
    print("CELL-END %d %.2f" % (index.get(id(cell), 0), time.time() - started.get("t", time.time())), flush=True)

client = NotebookClient(nb, kernel_name="hamlab", timeout=timeout, allow_errors=False, record_timing=True,
                        resources={"metadata": {"path": os.path.dirname(os.path.abspath(src))}},
                        on_cell_start=on_start, on_cell_complete=on_complete)
status = 0
try:
    client.execute()
except CellExecutionError as e:
    failed = next((c for c in code if any(o.get("output_type") == "error" for o in c.get("outputs", []))), None)
    print("CELL-FAILED %d %s" % (index.get(id(failed), 0) if failed is not None else 0,
                                 str(e).strip().splitlines()[-1] if str(e).strip() else "error"), flush=True)
    status = 1

def atomic(path, write):
    tmp = path + ".tmp"
    write(tmp)
    os.replace(tmp, path)

atomic(out_nb, lambda p: nbformat.write(nb, p))
try:
    from nbconvert import HTMLExporter
    body, _ = HTMLExporter().from_notebook_node(nb)
    def w(p):
        with open(p, "w", encoding="utf-8") as f:
            f.write(body)
    atomic(out_html, w)
except Exception as e:  # the Java side writes its own HTML when this one is missing
    print("NBCONVERT-FAILED %s" % e, flush=True)
sys.exit(status)
