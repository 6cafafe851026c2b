package org.crmkit.models.clv;

/**
 * A function to minimise over an unconstrained vector (log-scale parameters), with its gradient.
 * Outside its domain it returns +∞; it never returns NaN.
 */
interface Objective {

  /** The number of variables. */
  int dimension();

  /**
   * f(u), and ∇f(u) written into {@code gradient} when it is not null.
   *
   * @return the value, or +∞ where f is undefined or not finite
   */
  double value(double[] u, double[] gradient);

  /**
   * Wraps a function that supplies no gradient: the gradient is taken by central differences
   * with step 1e-6 · max(1, |u_i|) (for models whose analytic gradient is not derived).
   */
  static Objective withNumericalGradient(int dimension, java.util.function.ToDoubleFunction<double[]> f) {
    return new Objective() {
      @Override
      public int dimension() {
        return dimension;
      }

      @Override
      public double value(double[] u, double[] gradient) {
        double v = f.applyAsDouble(u);
        if (gradient != null) {
          double[] w = u.clone();
          for (int i = 0; i < dimension; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(u[i]));
            w[i] = u[i] + h;
            double up = f.applyAsDouble(w);
            w[i] = u[i] - h;
            double down = f.applyAsDouble(w);
            w[i] = u[i];
            gradient[i] = (up - down) / (2 * h);
          }
        }
        return v;
      }
    };
  }
}
