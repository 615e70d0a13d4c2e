"""Behaviour of the hamlab kernel through a real Jupyter client: interrupt, display, stop on
error, error line mapping, stdin, progress, magics, HMAC signatures and bind address.

Run by .ci/it/kernel.sh (JUPYTER_PATH points at the installed kernelspec).
"""
import os
import queue
import socket
import time
import unittest

import zmq
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

TIMEOUT = 120


class KernelCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name="hamlab", startup_timeout=TIMEOUT)
        cls.run_cell("1 + 1")  # JShell warm-up

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)

    @classmethod
    def run_cell(cls, code, timeout=TIMEOUT, **kw):
        """Runs code; returns (reply content, list of iopub messages of this request)."""
        msgs = []
        reply = cls.kc.execute_interactive(code, timeout=timeout, output_hook=msgs.append, **kw)
        return reply["content"], msgs

    def outputs(self, msgs, msg_type):
        return [m["content"] for m in msgs if m["msg_type"] == msg_type]

    def stdout(self, msgs):
        return "".join(c["text"] for c in self.outputs(msgs, "stream") if c["name"] == "stdout")

    def traceback(self, msgs):
        return "\n".join(l for c in self.outputs(msgs, "error") for l in c["traceback"])

    def result_text(self, msgs):
        return [c["data"]["text/plain"] for c in self.outputs(msgs, "execute_result")]

    def reply_for(self, msg_id, timeout=TIMEOUT):
        deadline = time.time() + timeout
        while time.time() < deadline:
            msg = self.kc.get_shell_msg(timeout=deadline - time.time())
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg["content"]
        raise AssertionError("no reply to " + msg_id)

    def drain_iopub(self):
        while True:
            try:
                self.kc.get_iopub_msg(timeout=0.5)
            except queue.Empty:
                return


class InterruptTest(KernelCase):
    def interrupt_after(self, code, seconds=3):
        self.drain_iopub()
        msg_id = self.kc.execute(code)
        time.sleep(seconds)
        self.km.interrupt_kernel()
        reply = self.reply_for(msg_id, timeout=60)
        self.assertEqual(reply["status"], "error")
        self.assertIn("Interrupt", reply["ename"] + reply.get("evalue", ""))
        after, msgs = self.run_cell("40 + 2")
        self.assertEqual(after["status"], "ok")
        self.assertEqual(self.result_text(msgs), ["42"])

    def test_busy_loop_is_stopped(self):
        self.interrupt_after("while (true) {}")

    def test_sleep_is_stopped(self):
        self.interrupt_after("Thread.sleep(100000);")

    def test_library_wait_is_interrupted(self):
        # The wait happens in JDK code (not instrumented), so only a thread interrupt ends it:
        # this is how DSL training notices the stop button.
        self.interrupt_after("new java.util.concurrent.CountDownLatch(1).await();")

    def test_variables_survive_interrupt(self):
        self.run_cell("int kept = 7;")
        self.interrupt_after("while (true) {}", seconds=2)
        _, msgs = self.run_cell("kept")
        self.assertEqual(self.result_text(msgs), ["7"])


class DisplayTest(KernelCase):
    FIGURE = ('org.hamlab.dsl.display.Displayable fig = () -> Map.of("text/plain", "a figure",'
              ' "application/vnd.plotly.v1+json",'
              ' "{\\"data\\": [{\\"x\\": [1, 2], \\"y\\": [3, 4]}], \\"layout\\": {}}",'
              ' "image/png", "iVBORw0KGgo=");')

    def test_displayable_with_plotly_json(self):
        self.run_cell(self.FIGURE)
        reply, msgs = self.run_cell("fig")
        self.assertEqual(reply["status"], "ok")
        data = self.outputs(msgs, "execute_result")[0]["data"]
        plotly = data["application/vnd.plotly.v1+json"]
        self.assertIsInstance(plotly, dict, "plotly JSON must arrive parsed, not as a string")
        self.assertEqual(plotly["data"][0]["y"], [3, 4])
        self.assertEqual(data["image/png"], "iVBORw0KGgo=")
        self.assertEqual(data["text/plain"], "a figure")
        self.assertIn("Plotly.newPlot", data["text/html"])

    def test_plotly_js_is_embedded_once(self):
        self.run_cell(self.FIGURE)
        _, first = self.run_cell("display(fig);")
        _, second = self.run_cell("display(fig);")
        html = [self.outputs(m, "display_data")[0]["data"]["text/html"] for m in (first, second)]
        bundle_marker = "plotly.js v2.35.3"
        counted = [h.count(bundle_marker) for h in html]
        # the class may have shown a figure before (test order), so the first may have none
        self.assertLessEqual(counted[0], 1)
        self.assertEqual(counted[1], 0, "plotly.js must not be sent again")
        self.assertLess(len(html[1]), 10_000)

    def test_update_display(self):
        _, msgs = self.run_cell('String id = display("one"); updateDisplay(id, "two");')
        shown = self.outputs(msgs, "display_data")
        updated = self.outputs(msgs, "update_display_data")
        self.assertEqual(shown[0]["data"]["text/plain"], "one")
        self.assertEqual(updated[0]["data"]["text/plain"], "two")
        self.assertEqual(shown[0]["transient"]["display_id"], updated[0]["transient"]["display_id"])

    def test_buffered_image_is_png(self):
        _, msgs = self.run_cell("new java.awt.image.BufferedImage(8, 8,"
                                " java.awt.image.BufferedImage.TYPE_INT_RGB)")
        self.assertIn("image/png", self.outputs(msgs, "execute_result")[0]["data"])

    def test_progress_updates_in_place(self):
        code = ('try (var task = org.hamlab.dsl.display.Progress.current().start("train", 4, "epochs"))'
                ' { for (int e = 1; e <= 4; e++) { Thread.sleep(300);'
                ' task.update(e, Map.of("loss", 1.0 / e), 0.3 * (4 - e)); } }')
        reply, msgs = self.run_cell(code)
        self.assertEqual(reply["status"], "ok")
        shown = self.outputs(msgs, "display_data")
        updates = self.outputs(msgs, "update_display_data")
        self.assertEqual(len(shown), 1)
        self.assertGreaterEqual(len(updates), 2)
        ids = {m["transient"]["display_id"] for m in shown + updates}
        self.assertEqual(len(ids), 1)
        last = updates[-1]["data"]
        self.assertIn("4/4", last["text/plain"])
        self.assertIn("<svg", last["text/html"])
        self.assertIn("loss", last["text/html"])


class ErrorsTest(KernelCase):
    def test_compile_error_names_cell_line(self):
        reply, msgs = self.run_cell("int a = 1;\nint b = 2;\nString s = 5;")
        self.assertEqual(reply["status"], "error")
        self.assertIn("line 3", self.traceback(msgs))

    def test_stack_trace_names_cell_line(self):
        reply, msgs = self.run_cell("int[] z = new int[1];\n\nint w = 0;\nz[3] = 1;")
        self.assertEqual(reply["status"], "error")
        tb = self.traceback(msgs)
        self.assertIn("ArrayIndexOutOfBoundsException", tb)
        self.assertRegex(tb, r"cell \[\d+\] line 4")

    def test_method_frame_names_its_cell_line(self):
        self.run_cell("int twice(int x) {\n  if (x > 1) throw new IllegalStateException(\"big\");\n"
                      "  return 2 * x;\n}")
        reply, msgs = self.run_cell("twice(5)")
        tb = self.traceback(msgs)
        self.assertIn("IllegalStateException: big", tb)
        self.assertRegex(tb, r"twice\(cell \[\d+\] line 2\)")

    def test_queued_cells_are_aborted_after_an_error(self):
        self.drain_iopub()
        ids = [self.kc.execute("int beforeError = 1;"),
               self.kc.execute('throw new IllegalStateException("stop here");'),
               self.kc.execute("int afterError = 1;")]
        statuses = [self.reply_for(i)["status"] for i in ids]
        self.assertEqual(statuses, ["ok", "error", "aborted"])
        reply, msgs = self.run_cell("afterError")
        self.assertEqual(reply["status"], "error", "the aborted cell must not have run")
        reply, _ = self.run_cell("beforeError")
        self.assertEqual(reply["status"], "ok", "cells after the abort window run again")

    def test_stdin(self):
        reply, msgs = self.run_cell("new Scanner(System.in).nextLine()", allow_stdin=True,
                                    stdin_hook=lambda m: self.kc.input("typed"))
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(self.result_text(msgs), ["typed"])


class MagicsTest(KernelCase):
    def test_time_line_keeps_declarations(self):
        reply, msgs = self.run_cell("%time int timed = 6 * 7;")
        self.assertEqual(reply["status"], "ok")
        self.assertIn("Wall time", self.stdout(msgs))
        _, msgs = self.run_cell("timed")
        self.assertEqual(self.result_text(msgs), ["42"])

    def test_time_cell(self):
        reply, msgs = self.run_cell("%%time\nint a1 = 1;\nint a2 = a1 + 1;\na2")
        self.assertEqual(reply["status"], "ok")
        self.assertIn("Wall time", self.stdout(msgs))
        self.assertEqual(self.result_text(msgs), ["2"])

    def test_load(self):
        path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "hamlab_load_%d.jsh" % os.getpid())
        with open(path, "w") as f:
            f.write("int loaded = 5;\nString loadedName() { return \"yes\"; }\n")
        try:
            reply, _ = self.run_cell("%load " + path)
            self.assertEqual(reply["status"], "ok")
            _, msgs = self.run_cell("loaded + loadedName()")
            self.assertEqual(self.result_text(msgs), ["5yes"])
        finally:
            os.remove(path)

    def test_classpath_error_is_clear(self):
        reply, msgs = self.run_cell("%classpath /nonexistent/*.jar")
        self.assertEqual(reply["status"], "error")
        self.assertIn("nothing matches /nonexistent/*.jar", self.traceback(msgs))

    def test_unknown_magic(self):
        reply, msgs = self.run_cell("%nosuchmagic")
        self.assertEqual(reply["status"], "error")
        self.assertIn("unknown magic %nosuchmagic", self.traceback(msgs))

    def test_kernel_gson_is_relocated(self):
        # user code must not see the kernel's Gson 2.8.5 (kernel.md §0.5); only when run from the
        # shaded jar (HAMLAB_KERNEL_JAR set by kernel.sh)
        if not os.environ.get("HAMLAB_SHADED"):
            self.skipTest("kernel not started from the shaded jar")
        reply, msgs = self.run_cell('Class.forName("com.google.gson.Gson")')
        self.assertEqual(reply["status"], "error")
        self.assertIn("ClassNotFoundException", self.traceback(msgs))


class SecurityTest(KernelCase):
    def test_badly_signed_message_gets_no_reply(self):
        info = self.km.get_connection_info()
        ctx = zmq.Context.instance()
        sock = ctx.socket(zmq.DEALER)
        sock.linger = 0
        sock.connect("tcp://%s:%d" % (info["ip"], info["shell_port"]))
        try:
            forged = Session(key=b"not-the-key", signature_scheme=info["signature_scheme"])
            forged.send(sock, "execute_request",
                        {"code": "System.exit(3);", "silent": False, "store_history": True,
                         "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
            self.assertEqual(sock.poll(3000), 0, "a badly signed request was answered")
        finally:
            sock.close()
        reply, msgs = self.run_cell("6 * 7")  # still alive: the forged exit did not run
        self.assertEqual(self.result_text(msgs), ["42"])

    def test_listens_only_on_loopback(self):
        info = self.km.get_connection_info()
        self.assertEqual(info["ip"], "127.0.0.1")
        pid = self.km.provisioner.process.pid
        inodes = set()
        for fd in os.listdir("/proc/%d/fd" % pid):
            try:
                target = os.readlink("/proc/%d/fd/%s" % (pid, fd))
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        listening = []
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            with open(table) as f:
                next(f)
                for line in f:
                    cols = line.split()
                    local, state, inode = cols[1], cols[3], cols[9]
                    if state == "0A" and inode in inodes:
                        listening.append(local)
        ports = {info[k] for k in ("shell_port", "iopub_port", "stdin_port", "control_port",
                                   "hb_port")}
        self.assertEqual({int(a.split(":")[1], 16) for a in listening}, ports)
        loopback = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}
        for addr in listening:
            self.assertIn(addr.split(":")[0], loopback, "kernel listens on " + addr)


if __name__ == "__main__":
    unittest.main()
