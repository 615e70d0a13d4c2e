package org.hamlab.engine.train;

/**
 * Receives {@link TrainEvent}s on the training thread; keep it quick (throttle drawing yourself).
 * An exception thrown here stops training and propagates.
 */
@FunctionalInterface
public interface TrainListener {
  TrainListener NONE = e -> {};

  void onEvent(TrainEvent event);
}
