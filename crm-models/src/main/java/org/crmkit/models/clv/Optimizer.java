package org.crmkit.models.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Minimises an {@link Objective} in three stages:
 *
 * <ol>
 *   <li>Nelder–Mead (reflection 1, expansion 2, contraction ½, shrink ½) from the start, with an
 *       initial simplex of steps 0.5 along each axis: robust far from the optimum and needs no
 *       gradient. It only finds a start for the stages below, so it stops once the simplex is
 *       within 0.01 in every (log-scale) variable and its values within 1e-6 relative. It may run
 *       on a cheaper objective (a subsample of a very large table).
 *   <li>BFGS with an Armijo backtracking line search, first on each cheaper objective in turn
 *       (coarsest first), then on the full one. Each run starts from the previous optimum and its
 *       inverse-Hessian estimate; as a subsample's weights sum to the table's, its curvature is
 *       the table's to sampling error, and the full objective needs only a few steps.
 *   <li>Newton steps with the Hessian taken by central differences of the gradient, until the
 *       Newton decrement g'H⁻¹g (twice the predicted remaining decrease of f) is below
 *       {@link #DECREMENT_TOLERANCE}. The decrement does not depend on the size of the table or on
 *       how the variables are scaled, unlike a gradient-norm test.
 * </ol>
 *
 * <p>Converged means: the final Hessian is positive definite and the decrement is below the
 * tolerance. Anything else is reported as not converged, with the reason.
 */
final class Optimizer {

  /** Newton decrement g'H⁻¹g below which the optimum is accepted (in units of f). */
  static final double DECREMENT_TOLERANCE = 1e-8;

  /** |u_i| beyond which a (log-scale) variable is outside the domain. */
  static final double BOUND = 30;

  private static final Logger log = LoggerFactory.getLogger(Optimizer.class);

  /** The name reported in fit reports. */
  static final String NAME = "Nelder-Mead, then BFGS, then Newton";

  /** The optimum and how it was reached. */
  record Result(double[] u, double value, double[] gradient, double[][] hessian,
      boolean hessianPositiveDefinite, boolean converged, int iterations, int evaluations,
      double decrement, List<String> warnings) {}

  private final Objective f;
  private final List<Objective> coarse;
  private final int maxIterations;
  private final int maxSimplexEvaluations;
  private int evaluations;
  /** The inverse-Hessian estimate the last BFGS run ended with. */
  private double[][] inverseHessian;
  /** The value and gradient at the point the last BFGS run ended at. */
  private double lastValue;
  private double[] lastGradient;
  private final List<String> warnings = new ArrayList<>();

  private Optimizer(Objective f, List<Objective> coarse, int maxIterations,
      int maxSimplexEvaluations) {
    this.f = f;
    this.coarse = coarse;
    this.maxIterations = maxIterations;
    this.maxSimplexEvaluations = maxSimplexEvaluations;
  }

  /**
   * Minimises {@code f} from {@code u0}.
   *
   * @param f the objective
   * @param coarse cheaper approximations of {@code f} (subsamples), coarsest first; may be empty
   * @param u0 the start, where f must be finite
   * @param maxIterations the most BFGS plus Newton iterations on {@code f} (each cheaper objective
   *     gets as many)
   * @param maxSimplexEvaluations the most function evaluations of the Nelder–Mead stage
   */
  static Result minimise(Objective f, List<Objective> coarse, double[] u0, int maxIterations,
      int maxSimplexEvaluations) {
    return new Optimizer(f, List.copyOf(coarse), maxIterations, maxSimplexEvaluations).run(u0);
  }

  private double eval(Objective obj, double[] u, double[] g) {
    evaluations++;
    for (double v : u) {
      if (!(Math.abs(v) <= BOUND)) {
        return Double.POSITIVE_INFINITY;
      }
    }
    double v = obj.value(u, g);
    if (Double.isNaN(v)) {
      return Double.POSITIVE_INFINITY;
    }
    if (g != null) {
      for (double gi : g) {
        if (!Double.isFinite(gi)) {
          return Double.POSITIVE_INFINITY;
        }
      }
    }
    return v;
  }

  private Result run(double[] u0) {
    int n = u0.length;
    if (!Double.isFinite(eval(f, u0, null))) {
      throw new IllegalArgumentException(
          "the objective is not finite at the start " + Arrays.toString(u0));
    }
    double[] u = nelderMead(coarse.isEmpty() ? f : coarse.get(0), u0);
    int iterations = -1;
    if (!coarse.isEmpty()) {
      double[] v = u.clone();
      double[][] curvature = null;
      boolean finite = true;
      for (Objective c : coarse) {
        if (bfgs(c, v, curvature) < 0) {
          finite = false;
          break;
        }
        curvature = inverseHessian;
      }
      if (finite) {
        iterations = bfgs(f, v, curvature);
      }
      if (iterations >= 0) {
        u = v;
      } else { // a subsample misled the start: begin again where the full objective is known
        u = u0.clone();
      }
    }
    if (iterations < 0) {
      iterations = bfgs(f, u, null);
    }
    if (iterations < 0) {
      throw new IllegalStateException("objective not finite after the simplex stage");
    }
    // Newton polish, from where BFGS ended (its value and gradient there)
    double[] g = lastGradient;
    double fu = lastValue;
    double[][] h = null;
    boolean pd = false;
    boolean converged = false;
    double decrement = Double.POSITIVE_INFINITY;
    int newton = 0;
    while (true) {
      h = hessian(u, g);
      double[][] chol = cholesky(h);
      pd = chol != null;
      if (!pd) {
        warnings.add("the Hessian at the end is not positive definite: a parameter may be "
            + "unidentified or at a boundary");
        break;
      }
      double[] d = solve(chol, g);
      decrement = 0;
      for (int i = 0; i < n; i++) {
        decrement += g[i] * d[i];
      }
      if (decrement <= DECREMENT_TOLERANCE) {
        converged = true;
        break;
      }
      if (iterations + newton >= maxIterations) {
        break;
      }
      newton++;
      for (int i = 0; i < n; i++) {
        d[i] = -d[i];
      }
      double[] gNew = new double[n];
      double[] uNew = new double[n];
      double t = 1;
      boolean moved = false;
      for (int k = 0; k < 40; k++) {
        for (int i = 0; i < n; i++) {
          uNew[i] = u[i] + t * d[i];
        }
        double fNew = eval(f, uNew, gNew);
        if (fNew <= fu - 1e-4 * t * decrement || (fNew <= fu && k > 0)) {
          u = uNew.clone();
          fu = fNew;
          g = gNew.clone();
          moved = true;
          break;
        }
        t *= 0.5;
      }
      if (!moved) {
        warnings.add(String.format(Locale.ROOT,
            "the Newton step found no decrease (decrement %.3g): the objective is too flat or "
                + "too noisy to locate the optimum more precisely", decrement));
        break;
      }
    }
    iterations += newton;
    if (!converged && pd && Double.isFinite(decrement)) {
      warnings.add(String.format(Locale.ROOT,
          "stopped after %d iterations with Newton decrement %.3g > %.1g", iterations, decrement,
          DECREMENT_TOLERANCE));
    }
    log.debug("optimum {} f={} decrement={} iterations={} evaluations={}", Arrays.toString(u), fu,
        decrement, iterations, evaluations);
    return new Result(u, fu, g, h, pd, converged, iterations, evaluations, decrement,
        List.copyOf(warnings));
  }

  // ---------------------------------------------------------------- Nelder–Mead

  private double[] nelderMead(Objective start, double[] u0) {
    int n = u0.length;
    double[][] x = new double[n + 1][];
    double[] fx = new double[n + 1];
    x[0] = u0.clone();
    fx[0] = eval(start, x[0], null);
    for (int i = 0; i < n; i++) {
      x[i + 1] = u0.clone();
      x[i + 1][i] += 0.5;
      fx[i + 1] = eval(start, x[i + 1], null);
    }
    int used = n + 1;
    Integer[] order = new Integer[n + 1];
    while (used < maxSimplexEvaluations) {
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      final double[] fv = fx;
      Arrays.sort(order, (p, q) -> Double.compare(fv[p], fv[q]));
      double[][] xs = new double[n + 1][];
      double[] fs = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        xs[i] = x[order[i]];
        fs[i] = fx[order[i]];
      }
      x = xs;
      fx = fs;
      double spread = fx[n] - fx[0];
      double size = 0;
      for (int i = 1; i <= n; i++) {
        for (int j = 0; j < n; j++) {
          size = Math.max(size, Math.abs(x[i][j] - x[0][j]));
        }
      }
      if (spread <= 1e-6 * (Math.abs(fx[0]) + 1e-10) && size < 1e-2) {
        break;
      }
      double[] centroid = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          centroid[j] += x[i][j] / n;
        }
      }
      double[] xr = along(centroid, x[n], -1);
      double fr = eval(start, xr, null);
      used++;
      if (fr < fx[0]) {
        double[] xe = along(centroid, x[n], -2);
        double fe = eval(start, xe, null);
        used++;
        if (fe < fr) {
          x[n] = xe;
          fx[n] = fe;
        } else {
          x[n] = xr;
          fx[n] = fr;
        }
      } else if (fr < fx[n - 1]) {
        x[n] = xr;
        fx[n] = fr;
      } else {
        boolean outside = fr < fx[n];
        double[] xc = along(centroid, x[n], outside ? -0.5 : 0.5);
        double fc = eval(start, xc, null);
        used++;
        if (fc < (outside ? fr : fx[n])) {
          x[n] = xc;
          fx[n] = fc;
        } else {
          for (int i = 1; i <= n; i++) {
            for (int j = 0; j < n; j++) {
              x[i][j] = x[0][j] + 0.5 * (x[i][j] - x[0][j]);
            }
            fx[i] = eval(start, x[i], null);
            used++;
          }
        }
      }
    }
    int best = 0;
    for (int i = 1; i <= n; i++) {
      if (fx[i] < fx[best]) {
        best = i;
      }
    }
    return x[best];
  }

  /** centroid + t (worst − centroid). */
  private static double[] along(double[] centroid, double[] worst, double t) {
    double[] r = new double[centroid.length];
    for (int j = 0; j < r.length; j++) {
      r[j] = centroid[j] + t * (worst[j] - centroid[j]);
    }
    return r;
  }

  // ---------------------------------------------------------------- BFGS

  /**
   * Runs BFGS on {@code f} in place on {@code u}, from the inverse Hessian estimate
   * {@code hinv0} (null: the identity, rescaled after the first step); returns the number of
   * iterations and leaves the final inverse-Hessian estimate, value and gradient in
   * {@link #inverseHessian}, {@link #lastValue} and {@link #lastGradient}. Returns −1, leaving
   * {@code u} as it is, when {@code f} is not finite at {@code u}.
   */
  private int bfgs(Objective f, double[] u, double[][] hinv0) {
    int n = u.length;
    double[] g = new double[n];
    double fu = eval(f, u, g);
    if (!Double.isFinite(fu)) {
      return -1;
    }
    double[][] hinv = hinv0 == null ? identity(n) : copy(hinv0);
    boolean scaled = hinv0 != null;
    int it = 0;
    double[] uNew = new double[n];
    double[] gNew = new double[n];
    while (it < maxIterations) {
      double[] d = new double[n];
      double slope = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          d[i] -= hinv[i][j] * g[j];
        }
        slope += g[i] * d[i];
      }
      if (-slope <= DECREMENT_TOLERANCE * 1e-2) {
        break; // predicted decrease negligible: hand over to Newton
      }
      if (slope >= 0) {
        hinv = identity(n);
        scaled = false;
        continue;
      }
      double maxStep = 0;
      for (double di : d) {
        maxStep = Math.max(maxStep, Math.abs(di));
      }
      double t = maxStep > 2 ? 2 / maxStep : 1;
      double fNew = Double.POSITIVE_INFINITY;
      boolean ok = false;
      for (int k = 0; k < 50; k++) {
        for (int i = 0; i < n; i++) {
          uNew[i] = u[i] + t * d[i];
        }
        fNew = eval(f, uNew, gNew);
        if (fNew <= fu + 1e-4 * t * slope) {
          ok = true;
          break;
        }
        t *= 0.5;
      }
      it++;
      if (!ok) {
        break;
      }
      double[] s = new double[n];
      double[] y = new double[n];
      double sy = 0;
      double yy = 0;
      for (int i = 0; i < n; i++) {
        s[i] = uNew[i] - u[i];
        y[i] = gNew[i] - g[i];
        sy += s[i] * y[i];
        yy += y[i] * y[i];
      }
      double change = fu - fNew;
      System.arraycopy(uNew, 0, u, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fu = fNew;
      if (sy > 1e-12 * Math.sqrt(yy) * norm(s)) {
        if (!scaled) {
          hinv = identity(n);
          for (int i = 0; i < n; i++) {
            hinv[i][i] = sy / yy;
          }
          scaled = true;
        }
        // H+ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
        double rho = 1 / sy;
        double[] hy = new double[n];
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            hy[i] += hinv[i][j] * y[j];
          }
        }
        double yhy = 0;
        for (int i = 0; i < n; i++) {
          yhy += y[i] * hy[i];
        }
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            hinv[i][j] += -rho * (s[i] * hy[j] + hy[i] * s[j])
                + (rho * rho * yhy + rho) * s[i] * s[j];
          }
        }
      }
      if (change <= 1e-15 * Math.abs(fu)) {
        break;
      }
    }
    inverseHessian = hinv;
    lastValue = fu;
    lastGradient = g;
    return it;
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }

  // ---------------------------------------------------------------- Hessian and linear algebra

  /** Central differences of the gradient, step 1e-4 per variable, symmetrised. */
  private double[][] hessian(double[] u, double[] gAtU) {
    int n = u.length;
    double[][] h = new double[n][n];
    double[] gp = new double[n];
    double[] gm = new double[n];
    for (int j = 0; j < n; j++) {
      double step = 1e-4;
      double[] w = u.clone();
      for (int tries = 0; tries < 6; tries++) {
        w[j] = u[j] + step;
        double fp = eval(f, w, gp);
        w[j] = u[j] - step;
        double fm = eval(f, w, gm);
        if (Double.isFinite(fp) && Double.isFinite(fm)) {
          break;
        }
        step /= 10;
      }
      for (int i = 0; i < n; i++) {
        h[i][j] = (gp[i] - gm[i]) / (2 * step);
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double m = 0.5 * (h[i][j] + h[j][i]);
        h[i][j] = m;
        h[j][i] = m;
      }
    }
    return h;
  }

  /** The lower Cholesky factor, or null when {@code a} is not positive definite. */
  static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(s > 0) || !Double.isFinite(s)) {
            return null;
          }
          l[i][i] = Math.sqrt(s);
        } else {
          l[i][j] = s / l[j][j];
        }
      }
    }
    return l;
  }

  /** Solves L Lᵀ x = b. */
  static double[] solve(double[][] l, double[] b) {
    int n = b.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * y[k];
      }
      y[i] = s / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = y[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }

  /** The inverse of a positive definite matrix, or null. */
  static double[][] inverse(double[][] a) {
    double[][] l = cholesky(a);
    if (l == null) {
      return null;
    }
    int n = a.length;
    double[][] inv = new double[n][];
    for (int j = 0; j < n; j++) {
      double[] e = new double[n];
      e[j] = 1;
      inv[j] = solve(l, e);
    }
    return inv;
  }

  private static double[][] identity(int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    return m;
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
