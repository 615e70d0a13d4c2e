package org.hamlab.dsl;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

/**
 * The full configuration of a training run (paper.md §5.1 defaults), with the data it trains on
 * nested, as OLCUT {@code @Config} fields: a model re-trained from its provenance uses exactly
 * these values. Never mutated once a {@link Model} holds it (options make a {@link #copy()}).
 */
public final class TrainConfig implements Configurable, Provenancable<ConfiguredObjectProvenance> {
  @Config(description = "training data")
  DataConfig data;
  @Config(description = "hidden layer widths of the MLP H_theta")
  int[] widths = {16, 32, 16};
  @Config(description = "activation of the hidden layers")
  String activation = "tanh";
  @Config(description = "integrator of the learned flow")
  String integrator = "implicit-midpoint";
  @Config(description = "gradient method: adjoint | backprop | authors")
  String gradient = "adjoint";
  @Config(description = "epochs")
  int epochs = 25;
  @Config(description = "minibatch size")
  int batch = 512;
  @Config(description = "Adam learning rate")
  double learningRate = 0.01;
  @Config(description = "points of each trajectory used for training (t = 0 .. (window-1)·dt)")
  int window = 7;
  @Config(description = "seed of initial weights and minibatch order")
  long seed = 0;
  @Config(description = "float32 | float64")
  String precision = "float64";

  TrainConfig() {}

  TrainConfig copy() {
    TrainConfig c = new TrainConfig();
    c.data = data.copy();
    c.widths = widths.clone();
    c.activation = activation;
    c.integrator = integrator;
    c.gradient = gradient;
    c.epochs = epochs;
    c.batch = batch;
    c.learningRate = learningRate;
    c.window = window;
    c.seed = seed;
    c.precision = precision;
    return c;
  }

  @Override
  public ConfiguredObjectProvenance getProvenance() {
    return new ConfiguredObjectProvenanceImpl(this, "training");
  }
}
