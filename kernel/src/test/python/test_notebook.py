"""A small notebook executed end to end through nbclient (as `jupyter execute` would)."""
import os
import unittest

import nbformat
from nbclient import NotebookClient

HERE = os.path.dirname(os.path.abspath(__file__))
NOTEBOOK = os.path.join(HERE, "..", "notebooks", "smoke.ipynb")


class NotebookTest(unittest.TestCase):
    def test_smoke_notebook_runs_with_expected_outputs(self):
        nb = nbformat.read(NOTEBOOK, as_version=4)
        NotebookClient(nb, kernel_name="hamlab", timeout=180, startup_timeout=180,
                       allow_errors=False).execute()
        code = [c for c in nb.cells if c.cell_type == "code"]
        self.assertEqual(code[1].outputs[0]["data"]["text/plain"], "42")
        fig = code[2].outputs[0]["data"]
        self.assertEqual(fig["application/vnd.plotly.v1+json"]["data"][0]["y"], [0, 1, 4])
        self.assertIn("Plotly.newPlot", fig["text/html"])
        timed = code[3].outputs
        self.assertIn("Wall time", "".join(o.get("text", "") for o in timed))
        self.assertEqual([o for o in timed if o["output_type"] == "execute_result"][0]
                         ["data"]["text/plain"], "499500")
        self.assertEqual(code[4].outputs[0]["text"], "done\n")
        out = os.environ.get("HAMLAB_IT_OUT")
        if out:
            nbformat.write(nb, os.path.join(out, "smoke.out.ipynb"))


if __name__ == "__main__":
    unittest.main()
