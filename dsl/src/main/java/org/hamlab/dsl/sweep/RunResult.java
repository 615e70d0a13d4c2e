package org.hamlab.dsl.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hamlab.dsl.Model;

/**
 * What one run of a sweep produced, wherever it ran. Metrics are NaN when the run failed.
 *
 * @param spec the run
 * @param status "ok", "diverged" (training stopped on a NaN or a failed solve; the last good
 *     model is kept and measured), "failed" (it threw; no model) or "cancelled" (never written)
 * @param error the divergence or exception message, "" when ok
 * @param finalLoss training loss of the last epoch
 * @param epochsRun epochs completed
 * @param hError offset-corrected Hamiltonian error on the spec's test set, mean (paper.md §8.1)
 * @param hErrorSem its standard error
 * @param seconds wall time of the run (data, training, evaluation)
 * @param host host name of the JVM that ran it
 * @param pid process id of that JVM
 * @param java its java.version and java.home, space separated (which JDK ran it)
 * @param modelSha256 SHA-256 of the parameter bits (equal hashes: bitwise the same model)
 * @param modelJson the model file (hamlab-mlp/1 with provenance), "" when failed
 * @param model the trained model when it ran in this JVM, else null (read it from modelJson)
 */
public record RunResult(RunSpec spec, String status, String error, double finalLoss, int epochsRun, double hError,
    double hErrorSem, double seconds, String host, long pid, String java, String modelSha256, String modelJson,
    Model model) {

  public boolean ok() {
    return status.equals("ok");
  }

  /** The result as JSON (the model as its file text, not the live object). */
  public String json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", spec.id());
    m.put("spec", spec.json());
    m.put("status", status);
    m.put("error", error);
    m.put("final_loss", num(finalLoss));
    m.put("epochs_run", epochsRun);
    m.put("h_error", num(hError));
    m.put("h_error_sem", num(hErrorSem));
    m.put("seconds", seconds);
    m.put("host", host);
    m.put("pid", pid);
    m.put("java", java);
    m.put("model_sha256", modelSha256);
    m.put("model", modelJson);
    try {
      return RunSpec.JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads {@link #json()}. */
  public static RunResult fromJson(String json) {
    Map<String, Object> m;
    try {
      m = RunSpec.JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a run result (" + e.getOriginalMessage() + ")", e);
    }
    return new RunResult(RunSpec.fromJson((String) m.get("spec")), (String) m.get("status"), (String) m.get("error"),
        dbl(m.get("final_loss")), ((Number) m.get("epochs_run")).intValue(), dbl(m.get("h_error")),
        dbl(m.get("h_error_sem")), dbl(m.get("seconds")), (String) m.get("host"), ((Number) m.get("pid")).longValue(),
        (String) m.get("java"), (String) m.get("model_sha256"), (String) m.get("model"), null);
  }

  /** This result without the live model (what a remote executor sends). */
  RunResult detached() {
    return new RunResult(spec, status, error, finalLoss, epochsRun, hError, hErrorSem, seconds, host, pid, java,
        modelSha256, modelJson, null);
  }

  private static Object num(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static double dbl(Object o) {
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
