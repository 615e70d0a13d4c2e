package org.hamlab.dsl.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's output folder: {@code runs/<id>.json} (one {@link RunResult} per finished run, model
 * included) and {@code models/<id>.json} (model files {@code loadModel} reads). Every file is
 * written to a temporary name and renamed, so a killed sweep leaves whole files or none, and
 * {@link #finished} finds exactly the runs to skip on resume.
 */
final class ResultStore {
  private final Path dir;

  ResultStore(Path dir) {
    this.dir = dir.toAbsolutePath();
    try {
      Files.createDirectories(this.dir.resolve("runs"));
      Files.createDirectories(this.dir.resolve("models"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the sweep folder " + this.dir + ": " + e.getMessage(), e);
    }
  }

  Path dir() {
    return dir;
  }

  /** Results already written for {@code specs}, by id; unreadable files are ignored (those runs run again). */
  Map<String, RunResult> finished(List<RunSpec> specs) {
    Map<String, RunResult> out = new HashMap<>();
    for (RunSpec s : specs) {
      Path p = dir.resolve("runs").resolve(s.id() + ".json");
      if (!Files.isRegularFile(p)) continue;
      try {
        RunResult r = RunResult.fromJson(Files.readString(p, StandardCharsets.UTF_8));
        if (r.spec().id().equals(s.id())) out.put(s.id(), withIndex(r, s));
      } catch (IOException | RuntimeException e) {
        System.err.println("hamlab: ignoring unreadable " + p + " (" + e.getMessage() + "); that run runs again");
      }
    }
    return out;
  }

  private static RunResult withIndex(RunResult r, RunSpec s) {
    return new RunResult(s, r.status(), r.error(), r.finalLoss(), r.epochsRun(), r.hError(), r.hErrorSem(), r.seconds(),
        r.host(), r.pid(), r.java(), r.modelSha256(), r.modelJson(), null);
  }

  /** Writes the model file, then the result (the result's presence marks the run done). */
  void write(RunResult r) {
    if (!r.modelJson().isEmpty()) atomic(model(r.spec().id()), r.modelJson());
    atomic(dir.resolve("runs").resolve(r.spec().id() + ".json"), r.json());
  }

  Path model(String id) {
    return dir.resolve("models").resolve(id + ".json");
  }

  void writeText(String name, String text) {
    atomic(dir.resolve(name), text);
  }

  private static void atomic(Path target, String text) {
    try {
      Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
    }
  }
}
