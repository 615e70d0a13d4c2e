"""Jupyter protocol conformance of the hamlab kernel (jupyter_kernel_test, every attribute set).

Run by .ci/it/kernel.sh with JUPYTER_PATH pointing at a freshly installed kernelspec.
"""
import unittest

import jupyter_kernel_test


class HamlabKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "hamlab"
    language_name = "java"
    file_extension = ".jsh"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'
    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "%cla", "matches": {"classpath"}},
    ]
    complete_code_samples = ["int x = 1;", "System.out.println(1);", "", "%time 1 + 1"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y = ", "String s = \"a\" +"]
    invalid_code_samples = ["int x = ;)", "})"]
    code_generate_error = 'throw new RuntimeException("boom");'
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": '"ab" + "c"', "result": "abc"},
        {"code": "new int[] {1, 2}", "result": "[1, 2]", "mime": "text/plain"},
    ]
    code_display_data = [
        {"code": 'display(new java.awt.image.BufferedImage(4, 4, 1));', "mime": "image/png"},
    ]
    code_history_pattern = "6*"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.max"
    code_clear_output = "clearOutput();"
    # code_page_something stays empty: the kernel has no pager (basekernel's execute_reply has no
    # payload field), so test_pager is the one skipped test.


if __name__ == "__main__":
    unittest.main()
