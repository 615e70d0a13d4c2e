/** The hamlab Jupyter kernel: JShell with the DSL pre-imported, on jupyter-jvm-basekernel 2.3.0. */
package org.hamlab.kernel;
