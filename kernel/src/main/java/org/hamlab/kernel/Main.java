package org.hamlab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.hamlab.dsl.display.Progress;
import org.hamlab.kernel.display.NotebookProgress;
import org.hamlab.kernel.execution.CodeEvaluator;
import org.hamlab.kernel.magic.ClasspathMagic;
import org.hamlab.kernel.magic.LoadMagic;
import org.hamlab.kernel.magic.MagicRegistry;
import org.hamlab.kernel.magic.MavenMagic;
import org.hamlab.kernel.magic.MavenResolver;
import org.hamlab.kernel.magic.TimeMagic;
import org.hamlab.kernel.protocol.ProtocolFixes;
import org.hamlab.kernel.runtime.Notebook;

/** Composition root: {@code java -jar hamlab-kernel.jar CONNECTION_FILE} (started by Jupyter). */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java -jar hamlab-kernel.jar CONNECTION_FILE\n"
          + "Jupyter starts this with its connection file; to install the kernel run"
          + " ./hamlab install [--user | --prefix DIR].");
      System.exit(2);
    }
    String json;
    try {
      json = Files.readString(Path.of(args[0]));
    } catch (NoSuchFileException e) {
      System.err.println("hamlab kernel: no connection file " + args[0]);
      System.exit(2);
      return;
    }
    Env env = Env.from(System.getenv());
    quietLogging(env);
    HamlabKernel kernel = create(env);
    JupyterConnection conn = new JupyterConnection(KernelConnectionProperties.parse(json));
    kernel.becomeHandlerForConnection(conn);
    kernel.fixes().install(conn, kernel, kernel);
    conn.connect();
    conn.waitUntilClose();
    System.exit(0);
  }

  /** The kernel with its magics, progress display and notebook helpers wired up. */
  public static HamlabKernel create(Env env) {
    List<String> opts = new ArrayList<>(List.of("--add-modules", "jdk.incubator.vector"));
    opts.addAll(env.compilerOptions());
    CodeEvaluator evaluator = new CodeEvaluator(env.userClasspath(), opts);
    MagicRegistry magics = new MagicRegistry()
        .register(new TimeMagic())
        .register(new LoadMagic())
        .register(new ClasspathMagic(evaluator::addToClasspath))
        .register(new MavenMagic(new MavenResolver(env.mavenRepository()),
            evaluator::addToClasspath));
    HamlabKernel kernel = new HamlabKernel(evaluator, magics, new ProtocolFixes());
    Notebook.attach(kernel);
    Progress.install(new NotebookProgress(kernel.getIO().display));
    kernel.startWarmUp(env.startupCode());
    return kernel;
  }

  private static void quietLogging(Env env) {
    Logger root = Logger.getLogger("");
    root.setLevel(env.logLevel());
    for (Handler h : root.getHandlers()) {
      h.setLevel(env.logLevel());
    }
  }
}
