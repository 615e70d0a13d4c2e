package org.hamlab.engine.simd;

/**
 * The element-wise operations behind {@link Ops}: state updates of the integrators and the
 * gradients, values and Hessian-vector products of the named systems. Implemented by {@link
 * ScalarOps} (the reference) and {@link PanamaOps} (the Vector API). Arguments are already checked.
 */
interface OpsImpl {
  String describe();

  void fieldStep(double[] z, double c, double[] g, double[] out, int d, int n);

  double fieldStepChange(double[] z, double c, double[] g, double[] y, int d, int n);

  void average(double[] a, double[] b, double[] out, int len);

  void axpy(double c, double[] x, double[] y, double[] out, int len);

  void addScaled(double c, double[] x, int xFrom, double[] y, int yFrom, int len);

  void doubleWellValue(double[] z, int n, double[] out);

  void doubleWellGradient(double[] z, int n, double[] out);

  void doubleWellHessianVector(double[] z, double[] v, int n, double[] out);

  void coupledOscillatorValue(double alpha, double[] z, int n, double[] out);

  void coupledOscillatorGradient(double alpha, double[] z, int n, double[] out);

  void henonHeilesValue(double[] z, int n, double[] out);

  void henonHeilesGradient(double[] z, int n, double[] out);

  void henonHeilesHessianVector(double[] z, double[] v, int n, double[] out);

  void springMassValue(double[] z, int n, double[] out);

  void productQuadraticValue(double[] z, int n, double[] out);

  void productQuadraticGradient(double[] z, int n, double[] out);

  void productQuadraticHessianVector(double[] z, double[] v, int n, double[] out);
}
