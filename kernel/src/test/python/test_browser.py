"""Plots render in a real browser with no network (kernel.md §4.4): a notebook with a plotly
figure is executed by the hamlab kernel, then shown by headless Chromium (1) in classic
Notebook 6 served on 127.0.0.1 (RequireJS page: the AMD branch of the loader) and (2) as
nbconvert HTML (file://). External host names resolve to nothing, so a CDN could not help.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest

import nbformat
from nbclient import NotebookClient
from nbformat.sign import NotebookNotary

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PLOT_CELL = ('org.hamlab.dsl.display.Displayable fig = () -> Map.of("text/plain", "figure",\n'
             '  "application/vnd.plotly.v1+json", "{\\"data\\": [{\\"x\\": [0, 1, 2, 3],'
             ' \\"y\\": [0, 1, 4, 9], \\"type\\": \\"scatter\\", \\"name\\": \\"parabola\\"}],'
             ' \\"layout\\": {\\"title\\": {\\"text\\": \\"offline plot\\"}}}");\nfig')


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chromium_dom(url, workdir):
    profile = tempfile.mkdtemp(dir=workdir)
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--user-data-dir=" + profile,
           "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
           "--virtual-time-budget=30000", "--window-size=1280,2000", "--dump-dom", url]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    return out.stdout


@unittest.skipIf(CHROMIUM is None, "chromium is not installed (apt-get install -y chromium)")
class BrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="hamlab-browser-")
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(PLOT_CELL)]
        nb.metadata["kernelspec"] = {"name": "hamlab", "display_name": "Java (hamlab)",
                                     "language": "java"}
        NotebookClient(nb, kernel_name="hamlab", timeout=180, startup_timeout=180).execute()
        NotebookNotary().sign(nb)  # outputs were produced by our kernel: let the page run them
        cls.path = os.path.join(cls.dir, "plot.ipynb")
        nbformat.write(nb, cls.path)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def assertPlotDrawn(self, dom):
        self.assertIn("js-plotly-plot", dom, "plotly did not draw the figure")
        self.assertIn("main-svg", dom)
        self.assertIn("offline plot", dom, "the title (string-free v2 layout) is missing")

    def test_classic_notebook_draws_the_plot(self):
        port = free_port()
        server = subprocess.Popen(
            ["jupyter-notebook", "--no-browser", "--ip=127.0.0.1", "--port=%d" % port,
             "--NotebookApp.token=", "--NotebookApp.password=", "--notebook-dir=" + self.dir],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.time() + 60
            while time.time() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.5)
            dom = chromium_dom("http://127.0.0.1:%d/notebooks/plot.ipynb" % port, self.dir)
            self.assertPlotDrawn(dom)
        finally:
            server.terminate()
            server.wait(timeout=30)

    def test_nbconvert_html_draws_the_plot(self):
        subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", self.path],
                       check=True, capture_output=True, timeout=120)
        dom = chromium_dom("file://" + self.path.replace(".ipynb", ".html"), self.dir)
        self.assertPlotDrawn(dom)


if __name__ == "__main__":
    unittest.main()
