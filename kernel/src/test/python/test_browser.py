"""Plots render in a real browser with no network (kernel.md §4.4). (1) Classic Notebook 6 is
served on 127.0.0.1 with a notebook that has NO outputs; headless Chromium, driven over the
DevTools protocol, opens it, waits for the live hamlab kernel, runs the plot cell and the test
reads the Plotly figure from the page DOM (RequireJS page: the AMD branch of the loader).
(2) The same cell executed by nbclient is shown as nbconvert HTML (file://). External host
names resolve to nothing and every request not to 127.0.0.1 is failed, so a CDN could not help.
"""
import asyncio
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.parse

import nbformat
from tornado.websocket import websocket_connect
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


class Cdp:
    """A minimal Chrome DevTools protocol client for one page; fails non-local requests."""

    def __init__(self, ws):
        self.ws, self.next_id, self.blocked = ws, 0, []

    async def _handle(self, msg):
        if msg.get("method") == "Fetch.requestPaused":
            p = msg["params"]
            host = urllib.parse.urlsplit(p["request"]["url"]).hostname
            if host == "127.0.0.1":
                await self._send("Fetch.continueRequest", {"requestId": p["requestId"]})
            else:
                self.blocked.append(p["request"]["url"])
                await self._send("Fetch.failRequest", {"requestId": p["requestId"],
                                                       "errorReason": "BlockedByClient"})

    async def _send(self, method, params=None):
        self.next_id += 1
        await self.ws.write_message(json.dumps({"id": self.next_id, "method": method,
                                                "params": params or {}}))
        return self.next_id

    async def call(self, method, params=None):
        mid = await self._send(method, params)
        while True:
            raw = await self.ws.read_message()
            if raw is None:
                raise RuntimeError("DevTools connection closed during " + method)
            msg = json.loads(raw)
            if msg.get("id") == mid:
                if "error" in msg:
                    raise RuntimeError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})
            await self._handle(msg)

    async def eval(self, expr):
        r = await self.call("Runtime.evaluate", {"expression": expr, "returnByValue": True})
        if "exceptionDetails" in r:
            raise RuntimeError("%s: %s" % (expr, r["exceptionDetails"]))
        return r["result"].get("value")

    async def wait_for(self, expr, timeout, what):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if await self.eval(expr):
                return
            await asyncio.sleep(0.5)
        raise AssertionError("timed out after %ds waiting for %s" % (timeout, what))


def _read(path):
    with open(path) as f:
        return f.read()


def chromium_run_notebook(url, workdir, screenshot):
    """Open a classic-notebook page, run all cells in the browser, return the output HTML."""
    profile = tempfile.mkdtemp(dir=workdir)
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--user-data-dir=" + profile,
           "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
           "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
           "--window-size=1280,1400", "about:blank"]
    browser = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        deadline = time.time() + 60
        while not (os.path.exists(port_file) and _read(port_file).count("\n") >= 1):
            if time.time() > deadline or browser.poll() is not None:
                raise AssertionError("chromium did not open its DevTools port")
            time.sleep(0.2)
        devtools_port = int(_read(port_file).split()[0])
        return asyncio.run(_drive(devtools_port, url, screenshot))
    finally:
        browser.terminate()
        try:
            browser.wait(timeout=30)
        except subprocess.TimeoutExpired:
            browser.kill()


async def _drive(devtools_port, url, screenshot):
    import urllib.request
    with urllib.request.urlopen("http://127.0.0.1:%d/json/list" % devtools_port) as r:
        page = next(t for t in json.load(r) if t["type"] == "page")
    ws = await websocket_connect(page["webSocketDebuggerUrl"], max_message_size=1 << 28)
    try:
        cdp = Cdp(ws)
        await cdp.call("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})
        await cdp.call("Page.enable")
        await cdp.call("Page.navigate", {"url": url})
        await cdp.wait_for("!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel"
                           " && Jupyter.notebook.kernel.is_connected())", 120,
                           "the hamlab kernel to connect")
        assert await cdp.eval("Jupyter.notebook.kernel.name") == "hamlab"
        assert await cdp.eval("document.querySelectorAll('.output_area').length") == 0, \
            "the served notebook already has outputs"
        await cdp.eval("Jupyter.notebook.execute_all_cells(), true")
        await cdp.wait_for("!!document.querySelector('.output_area .js-plotly-plot .main-svg')",
                           120, "the plot cell to run and plotly to draw")
        await asyncio.sleep(1)  # let plotly finish layout before the snapshot
        html = await cdp.eval("Array.from(document.querySelectorAll('.output_area'))"
                              ".map(e => e.outerHTML).join('\\n')")
        prompt = await cdp.eval("document.querySelector('.input_prompt').textContent")
        shot = await cdp.call("Page.captureScreenshot", {"format": "png"})
        with open(screenshot, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        if cdp.blocked:
            print("blocked non-local requests: %s" % cdp.blocked, file=sys.stderr)
        return html, prompt
    finally:
        ws.close()


@unittest.skipIf(CHROMIUM is None, "chromium is not installed (apt-get install -y chromium)")
class BrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="hamlab-browser-")
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(PLOT_CELL)]
        nb.metadata["kernelspec"] = {"name": "hamlab", "display_name": "Java (hamlab)",
                                     "language": "java"}
        nbformat.write(nb, os.path.join(cls.dir, "run.ipynb"))  # no outputs: the browser runs it
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
             "--NotebookApp.token=", "--NotebookApp.password=", "--notebook-dir=" + self.dir]
            + (["--allow-root"] if os.getuid() == 0 else []),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.time() + 60
            while time.time() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.5)
            served = nbformat.read(os.path.join(self.dir, "run.ipynb"), as_version=4)
            self.assertEqual([], served.cells[0].outputs)
            screenshot = os.environ.get("HAMLAB_BROWSER_SCREENSHOT") or os.path.join(
                tempfile.gettempdir(), "hamlab-browser-notebook.png")
            html, prompt = chromium_run_notebook(
                "http://127.0.0.1:%d/notebooks/run.ipynb" % port, self.dir, screenshot)
            print("screenshot: " + screenshot, file=sys.stderr)
            self.assertIn("[1]", prompt, "the cell was not executed by the kernel")
            self.assertPlotDrawn(html)
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
