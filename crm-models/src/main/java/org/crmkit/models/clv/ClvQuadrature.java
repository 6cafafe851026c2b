package org.crmkit.models.clv;

import java.util.Locale;
import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive Gauss–Kronrod quadrature (7-point Gauss, 15-point Kronrod) on a finite
 * interval, for one integrand or a vector of integrands evaluated together (a value and its
 * parameter derivatives share the nodes). The interval with the largest error estimate |K15 −
 * G7| is bisected until the summed estimate is below max(absTol, relTol |∫ f₀|), the error of
 * the first component deciding. The nodes and weights are the classical ones (Kronrod 1965;
 * Piessens et al. 1983, QUADPACK, doi:10.1007/978-3-642-61786-7).
 *
 * <p>An integral that does not meet its tolerance within {@value #MAX_INTERVALS} intervals, or
 * a non-finite integrand value, is an {@link ArithmeticException}: never NaN.
 */
final class ClvQuadrature {

  /** The most subintervals. */
  static final int MAX_INTERVALS = 2000;

  private static final double[] XGK = {
      0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
      0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
      0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
      0.207784955007898467600689403773245, 0.0};
  private static final double[] WGK = {
      0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
      0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
      0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
      0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
  /** Gauss weights at XGK[1], XGK[3], XGK[5], XGK[7]. */
  private static final double[] WG = {
      0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
      0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

  /** m integrands evaluated at one point. */
  @FunctionalInterface
  interface Integrand {
    /** Writes f_0(t) … f_{m−1}(t) into {@code out}. */
    void evaluate(double t, double[] out);
  }

  private ClvQuadrature() {}

  /**
   * ∫_a^b f(t) dt.
   *
   * @throws ArithmeticException if the tolerance is not met or f is not finite somewhere
   */
  static double integrate(DoubleUnaryOperator f, double a, double b, double relTol,
      double absTol) {
    double[] out = new double[1];
    integrate((t, o) -> o[0] = f.applyAsDouble(t), 1, a, b, relTol, absTol, out);
    return out[0];
  }

  /**
   * ∫_a^b f_k(t) dt for k &lt; m into {@code result}; the error control uses f_0.
   *
   * @throws ArithmeticException if the tolerance is not met or f is not finite somewhere
   */
  static void integrate(Integrand f, int m, double a, double b, double relTol, double absTol,
      double[] result) {
    java.util.Arrays.fill(result, 0, m, 0);
    if (a == b) {
      return;
    }
    PriorityQueue<Piece> queue = new PriorityQueue<>((u, v) -> Double.compare(v.error, u.error));
    double[] work = new double[m];
    Piece first = piece(f, m, a, b, work);
    queue.add(first);
    double total = first.values[0];
    double error = first.error;
    double[] sums = first.values.clone();
    int intervals = 1;
    while (error > Math.max(absTol, relTol * Math.abs(total))) {
      if (intervals >= MAX_INTERVALS) {
        throw new ArithmeticException(String.format(Locale.ROOT,
            "quadrature on [%s, %s] did not reach its tolerance in %d intervals (error %.3g, "
                + "integral %.6g)", a, b, MAX_INTERVALS, error, total));
      }
      Piece worst = queue.poll();
      double mid = 0.5 * (worst.a + worst.b);
      Piece left = piece(f, m, worst.a, mid, work);
      Piece right = piece(f, m, mid, worst.b, work);
      for (int k = 0; k < m; k++) {
        sums[k] += left.values[k] + right.values[k] - worst.values[k];
      }
      total = sums[0];
      error += left.error + right.error - worst.error;
      queue.add(left);
      queue.add(right);
      intervals++;
      if (mid == worst.a || mid == worst.b) {
        break; // cannot bisect further in double precision
      }
    }
    // re-add the pieces: a sum free of the cancellation of the running updates
    double[] ordered = new double[m];
    for (Piece p : queue) {
      for (int k = 0; k < m; k++) {
        ordered[k] += p.values[k];
      }
    }
    System.arraycopy(ordered, 0, result, 0, m);
  }

  private record Piece(double a, double b, double[] values, double error) {}

  private static Piece piece(Integrand f, int m, double a, double b, double[] work) {
    double c = 0.5 * (a + b);
    double h = 0.5 * (b - a);
    double[] kronrod = new double[m];
    double gauss = 0;
    for (int i = 0; i < 8; i++) {
      int points = i == 7 ? 1 : 2;
      for (int sgn = 0; sgn < points; sgn++) {
        double t = sgn == 0 ? c - h * XGK[i] : c + h * XGK[i];
        f.evaluate(t, work);
        for (int k = 0; k < m; k++) {
          if (!Double.isFinite(work[k])) {
            throw new ArithmeticException("integrand not finite at " + t + ": " + work[k]);
          }
          kronrod[k] += WGK[i] * work[k];
        }
        if (i % 2 == 1) {
          gauss += WG[i / 2] * work[0];
        }
      }
    }
    for (int k = 0; k < m; k++) {
      kronrod[k] *= h;
    }
    gauss *= h;
    return new Piece(a, b, kronrod, Math.abs(kronrod[0] - gauss));
  }
}
