package org.crmkit.models.clv;

import static org.crmkit.models.clv.SpecialFunctions.digamma;
import static org.crmkit.models.clv.SpecialFunctions.logGamma;

import java.util.SplittableRandom;

/**
 * The mathematics of the Pareto/NBD model (package-private; {@link ParetoNbd} documents the
 * formulas for users). While alive a customer buys at Poisson rate λ ~ Gamma(r, α) and dies at
 * rate μ ~ Gamma(s, β), λ and μ independent (Schmittlein, Morrison &amp; Colombo 1987,
 * doi:10.1287/mnsc.33.1.1).
 *
 * <p><b>The tail integral.</b> Everything that needs a hypergeometric function goes through
 *
 * <pre>
 *   F(u; p, A, q, B) = ∫_u^∞ (A+τ)^−p (B+τ)^−q dτ      (p &gt; 0, q &gt; 0, p + q &gt; 1)
 * </pre>
 *
 * which is, with a = p + q − 1 and for A ≥ B (Euler's integral; then Pfaff's transformation,
 * which turns the A0 term of Fader, Hardie &amp; Lee's MATLAB note into a series of positive,
 * decreasing terms),
 *
 * <pre>
 *   F = (B+u)^(1−q) (A+u)^−p / a · 2F1(1, p; a+1; y),   y = (A−B)/(A+u) ∈ [0, 1),
 * </pre>
 *
 * and the same with (p, A) and (q, B) exchanged when A &lt; B. The series Σ_k (p)_k/(a+1)_k y^k
 * has ratio below y, so for y ≤ {@value #SERIES_LIMIT} it converges in at most a few thousand
 * terms without cancellation; the derivatives in p, q and y come from the same loop (the
 * derivative of a Pochhammer ratio is the ratio times a harmonic-type sum). For y &gt;
 * {@value #SERIES_LIMIT} (one of A + u, B + u more than fifty times the other) F is computed as
 * (B+u)^(1−q) (A+u)^−p Φ, Φ = ∫_0^∞ (1 + w v)^−p (1 + v)^−q dv with w = (B+u)/(A+u), by adaptive
 * Gauss–Kronrod quadrature in ξ = ln(1 + v), with its derivatives on the same nodes. No
 * parameter value is singular: s = 1, integer s, r + s + x and α = β are ordinary points.
 */
final class ParetoNbdFunctions {

  /** Above this y the tail integral is taken by quadrature instead of the series. */
  static final double SERIES_LIMIT = 0.98;

  private static final int MAX_TERMS = 100_000;
  private static final double EPS = 1e-16;

  private ParetoNbdFunctions() {}

  // ------------------------------------------------------------------ the tail integral

  /**
   * ln F(u; p, A, q, B); when {@code g} is not null, writes ∂ ln F / ∂(p, A, q, B) into
   * g[off..off+3].
   */
  static double lnTail(double p, double bigA, double q, double bigB, double u, double[] g,
      int off) {
    if (bigA >= bigB) {
      return core(p, bigA, q, bigB, u, g, off, false);
    }
    return core(q, bigB, p, bigA, u, g, off, true);
  }

  /** ln F for A ≥ B; with {@code swapped}, the caller's (p, A, q, B) are (q, B, p, A). */
  private static double core(double p, double bigA, double q, double bigB, double u, double[] g,
      int off, boolean swapped) {
    double au = bigA + u;
    double bu = bigB + u;
    double lnAu = Math.log(au);
    double lnBu = Math.log(bu);
    double y = (bigA - bigB) / au;
    double lnS;
    double dSp;
    double dSq;
    double dSy;
    double lnA1;
    if (y <= SERIES_LIMIT) {
      // S = 2F1(1, b; c; y), b = p, c = p + q: t_k = t_{k-1} y (b+k-1)/(c+k-1)
      double b = p;
      double c = p + q;
      double a = c - 1;
      lnA1 = Math.log(a);
      double sum = 1;
      double sb = 0;
      double sc = 0;
      double sy = 0;
      if (y == 0) {
        sy = b / c;
      } else {
        double t = 1;
        double hb = 0;
        double hc = 0;
        double oneMinusY2 = (1 - y) * (1 - y);
        boolean grad = g != null;
        int k = 1;
        for (; k < MAX_TERMS; k++) {
          double bk = b + k - 1;
          double ck = c + k - 1;
          double uk = t * (bk / ck);
          t = uk * y;
          sum += t;
          if (grad) {
            hb += 1 / bk;
            hc -= 1 / ck;
            sb += t * hb;
            sc += t * hc;
            sy += k * uk;
          }
          if (t * (k + 1) <= EPS * sum * oneMinusY2) {
            break;
          }
        }
        if (k >= MAX_TERMS) {
          throw new ArithmeticException("Pareto/NBD tail series did not converge: y=" + y);
        }
      }
      lnS = Math.log(sum);
      dSp = (sb + sc) / sum;
      dSq = sc / sum;
      dSy = sy / sum;
      double value = (1 - q) * lnBu - p * lnAu - lnA1 + lnS;
      if (g != null) {
        // ∂/∂p: −ln(A+u) − 1/a + ∂lnS/∂b + ∂lnS/∂c;  ∂/∂q: −ln(B+u) − 1/a + ∂lnS/∂c
        // ∂/∂A: −p/(A+u) + ∂lnS/∂y (B+u)/(A+u)²;      ∂/∂B: (1−q)/(B+u) − ∂lnS/∂y /(A+u)
        double inv = 1 / a;
        store(g, off, swapped, -lnAu - inv + dSp, -p / au + dSy * bu / (au * au),
            -lnBu - inv + dSq, (1 - q) / bu - dSy / au);
      }
      return value;
    }
    return coreQuadrature(p, q, au, bu, lnAu, lnBu, g, off, swapped);
  }

  private static void store(double[] g, int off, boolean swapped, double dp, double dA,
      double dq, double dB) {
    if (swapped) {
      g[off] = dq;
      g[off + 1] = dB;
      g[off + 2] = dp;
      g[off + 3] = dA;
    } else {
      g[off] = dp;
      g[off + 1] = dA;
      g[off + 2] = dq;
      g[off + 3] = dB;
    }
  }

  /**
   * ln F = (1−q) ln(B+u) − p ln(A+u) + ln Φ, Φ = ∫_0^∞ (1+wv)^−p (1+v)^−q dv, w = (B+u)/(A+u),
   * by quadrature in ξ = ln(1+v): Φ = ∫_0^∞ e^((1−q)ξ) (1 + w(e^ξ − 1))^−p dξ.
   */
  private static double coreQuadrature(double p, double q, double au, double bu, double lnAu,
      double lnBu, double[] g, int off, boolean swapped) {
    double w = bu / au;
    double a = p + q - 1;
    // beyond ξ1 = ln(1 + 1/w) the integrand falls like e^(−aξ): stop 40/a later (e^-40)
    double xi1 = Math.log1p(1 / w);
    double upper = Math.min(xi1 + 40 / a + 2, 700);
    // the integrand is 1 at ξ = 0 and at most (1/w)^(1−q) (when q < 1): no scaling needed
    int m = g == null ? 1 : 4;
    double[] out = new double[m];
    ClvQuadrature.integrate((xi, o) -> {
      double em1 = Math.expm1(xi);
      double l1 = Math.log1p(w * em1);
      double f = Math.exp((1 - q) * xi - p * l1);
      o[0] = f;
      if (o.length > 1) {
        o[1] = -l1 * f; // ∂/∂p
        o[2] = -xi * f; // ∂/∂q
        o[3] = -p * em1 / (1 + w * em1) * f; // ∂/∂w
      }
    }, m, 0, upper, 1e-13, 0, out);
    if (!(out[0] > 0)) {
      throw new ArithmeticException("Pareto/NBD tail integral not positive: " + out[0]
          + " (w=" + w + ")");
    }
    double value = (1 - q) * lnBu - p * lnAu + Math.log(out[0]);
    if (g != null) {
      double phiP = out[1] / out[0];
      double phiQ = out[2] / out[0];
      double phiW = out[3] / out[0];
      // ∂w/∂A = −w/(A+u), ∂w/∂B = 1/(A+u)
      store(g, off, swapped, -lnAu + phiP, -p / au - phiW * w / au, -lnBu + phiQ,
          (1 - q) / bu + phiW / au);
    }
    return value;
  }

  // ------------------------------------------------------------------ likelihood

  /**
   * The two log-terms of one customer's likelihood after the factor Γ(r+x) α^r β^s / Γ(r):
   * t1 = −(r+x) ln(α+T) − s ln(β+T) (alive at T) and t2 = ln s + ln ∫_{t_x}^T (α+τ)^−(r+x)
   * (β+τ)^−(s+1) dτ (died in (t_x, T]); t2 = −∞ when t_x = T. Returns {t1, t2}.
   */
  static double[] terms(double r, double alpha, double s, double beta, int x, double tx,
      double bigT) {
    double rx = r + x;
    double t1 = -rx * Math.log(alpha + bigT) - s * Math.log(beta + bigT);
    if (tx >= bigT) {
      return new double[] {t1, Double.NEGATIVE_INFINITY};
    }
    double fx = lnTail(rx, alpha, s + 1, beta, tx, null, 0);
    double ft = lnTail(rx, alpha, s + 1, beta, bigT, null, 0);
    return new double[] {t1, Math.log(s) + lnDifference(fx, ft)};
  }

  /** ln(e^fx − e^ft) for ft ≤ fx; −∞ when they are equal (or ft &gt; fx by rounding). */
  static double lnDifference(double fx, double ft) {
    double om = -Math.expm1(ft - fx);
    return om > 0 ? fx + Math.log(om) : Double.NEGATIVE_INFINITY;
  }

  /** ln L for one customer. */
  static double logLikelihood(double r, double alpha, double s, double beta, int x, double tx,
      double bigT) {
    double[] t = terms(r, alpha, s, beta, x, tx, bigT);
    return logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta)
        + SpecialFunctions.logSumExp(t[0], t[1]);
  }

  /** Beyond this spread of log-terms within one x the linear-scale path could underflow. */
  private static final double LINEAR_SPREAD = 600;

  /**
   * Σ w ln L over the rows of {@code pts}, with dLL/d(r, α, s, β) in {@code gradient} when not
   * null. −∞ outside the domain or where a special function fails (the optimiser then steps
   * back).
   *
   * <p>The tail integral F and the alive term A(u) = (α+u)^−(r+x) (β+u)^−s are evaluated once
   * per distinct (x, u) point (u a t_x or a T), in parallel. Within the points of one x they are
   * scaled by one factor e^K (K = −their largest log) and kept in linear scale when their logs
   * span less than {@value #LINEAR_SPREAD} (always, in practice), so that each row needs one
   * logarithm: ln L_row = ln(A(T) + s (F(t_x) − F(T))) − K. F(t_x) − F(T) loses relative
   * precision only when t_x ≈ T, where the death term is a small part of L, so L keeps its
   * precision. Otherwise the row falls back to log space with log-sum-exp.
   */
  static double logLikelihood(double[] theta, ParetoNbdPoints pts, double[] gradient) {
    double r = theta[0];
    double alpha = theta[1];
    double s = theta[2];
    double beta = theta[3];
    if (!(r > 0 && alpha > 0 && s > 0 && beta > 0) || !Double.isFinite(r + alpha + s + beta)) {
      return Double.NEGATIVE_INFINITY;
    }
    int np = pts.size();
    boolean grad = gradient != null;
    double[] lnF = new double[np];
    double[] lnA = new double[np];
    double[] lnB = new double[np];
    double[] t1 = new double[np];
    double[] dF = grad ? new double[4 * np] : null;
    double[] invA = grad ? new double[np] : null;
    double[] invB = grad ? new double[np] : null;
    try {
      RowSums.forEach(np, j -> {
        double u = pts.u[j];
        lnF[j] = lnTail(r + pts.x[j], alpha, s + 1, beta, u, dF, 4 * j);
        lnA[j] = Math.log(alpha + u);
        lnB[j] = Math.log(beta + u);
        t1[j] = -(r + pts.x[j]) * lnA[j] - s * lnB[j];
        if (grad) {
          invA[j] = 1 / (alpha + u);
          invB[j] = 1 / (beta + u);
        }
      });
    } catch (ArithmeticException e) {
      return Double.NEGATIVE_INFINITY;
    }
    // per x: the scale K and whether the linear path is safe; then F and A in linear scale
    double[] scale = new double[np];
    boolean[] linear = new boolean[np];
    double[] fs = new double[np];
    double[] as = new double[np];
    int from = 0;
    while (from < np) {
      int to = from;
      double hi = Double.NEGATIVE_INFINITY;
      double lo = Double.POSITIVE_INFINITY;
      while (to < np && pts.x[to] == pts.x[from]) {
        hi = Math.max(hi, Math.max(lnF[to], t1[to]));
        lo = Math.min(lo, Math.min(lnF[to], t1[to]));
        to++;
      }
      boolean lin = hi - lo < LINEAR_SPREAD;
      for (int j = from; j < to; j++) {
        scale[j] = -hi;
        linear[j] = lin;
        if (lin) {
          fs[j] = Math.exp(lnF[j] - hi);
          as[j] = Math.exp(t1[j] - hi);
        }
      }
      from = to;
    }
    Rows rows = pts.rows;
    double lnAlpha = Math.log(alpha);
    double lnBeta = Math.log(beta);
    double lns = Math.log(s);
    double lgr = logGamma(r);
    double psiR = grad ? digamma(r) : 0;
    return RowSums.sum(rows.size(), 4, gradient, (rowFrom, rowTo, g) -> {
      double sum = 0;
      double gr = 0;
      double ga = 0;
      double gs = 0;
      double gb = 0;
      int lastX = -1;
      double a1 = 0;
      double a1r = 0;
      for (int i = rowFrom; i < rowTo; i++) {
        int x = rows.x[i];
        if (x != lastX) {
          lastX = x;
          a1 = logGamma(r + x) - lgr + r * lnAlpha + s * lnBeta;
          if (g != null) {
            a1r = digamma(r + x) - psiR + lnAlpha;
          }
        }
        double w = rows.w[i];
        double rx = r + x;
        int jt = pts.rowT[i];
        int jx = pts.rowTx[i];
        double ll;
        double w1;
        double w2;
        double om = 0; // 1 − F(T)/F(t_x), log path only
        double inv = 0; // 1 / L (scaled), linear path only
        if (linear[jt]) {
          double alive = as[jt];
          double diff = jx == jt ? 0 : Math.max(fs[jx] - fs[jt], 0);
          double total = alive + s * diff;
          ll = Math.log(total) - scale[jt];
          inv = 1 / total;
          w1 = alive * inv;
          w2 = s * diff * inv;
        } else {
          double tt = t1[jt];
          if (jx != jt) {
            // 1 − e^d, d = ln F(T) − ln F(t_x) ≤ 0; expm1 only where 1 − e^d would cancel
            double d = lnF[jt] - lnF[jx];
            om = d > -0.5 ? -Math.expm1(d) : 1 - Math.exp(d);
          }
          w1 = 1;
          w2 = 0;
          if (om > 0) {
            double t2 = lns + lnF[jx] + Math.log(om);
            double dd = t2 - tt;
            double e = Math.exp(-Math.abs(dd));
            double es = 1 + e;
            ll = (dd > 0 ? t2 : tt) + Math.log(es);
            w1 = dd > 0 ? e / es : 1 / es;
            w2 = dd > 0 ? 1 / es : e / es;
          } else {
            ll = tt;
          }
        }
        sum += w * (a1 + ll);
        if (g != null) {
          // death-term contributions w2 ∂ln I, ∂ln I = (F(t_x) ∂lnF(t_x) − F(T) ∂lnF(T)) / I
          double d0 = 0;
          double d1 = 0;
          double d2 = 0;
          double d3 = 0;
          if (w2 > 0) {
            int kx = 4 * jx;
            int kt = 4 * jt;
            double cx;
            double ct;
            if (inv > 0) {
              cx = s * inv * fs[jx]; // w2 F(t_x) / I
              ct = s * inv * fs[jt];
            } else {
              cx = w2 / om; // F(t_x)/I = 1/(1 − e^d)
              ct = w2 * (1 - om) / om;
            }
            d0 = cx * dF[kx] - ct * dF[kt];
            d1 = cx * dF[kx + 1] - ct * dF[kt + 1];
            d2 = cx * dF[kx + 2] - ct * dF[kt + 2];
            d3 = cx * dF[kx + 3] - ct * dF[kt + 3];
          }
          gr += w * (a1r - w1 * lnA[jt] + d0);
          ga += w * (r / alpha - w1 * rx * invA[jt] + d1);
          gs += w * (lnBeta - w1 * lnB[jt] + w2 / s + d2);
          gb += w * (s / beta - w1 * s * invB[jt] + d3);
        }
      }
      if (g != null) {
        g[0] += gr;
        g[1] += ga;
        g[2] += gs;
        g[3] += gb;
      }
      return sum;
    });
  }

  // ------------------------------------------------------------------ predictions

  /** ln of the odds that the customer is dead: t2 − t1 (−∞ when t_x = T). */
  static double logOddsDead(double r, double alpha, double s, double beta, int x, double tx,
      double bigT) {
    double[] t = terms(r, alpha, s, beta, x, tx, bigT);
    return t[1] - t[0];
  }

  /** P(alive | x, t_x, T) = e^t1 / (e^t1 + e^t2), the logistic of the log-odds. */
  static double probabilityAlive(double r, double alpha, double s, double beta, int x,
      double tx, double bigT) {
    return SpecialFunctions.inverseOnePlusExp(logOddsDead(r, alpha, s, beta, x, tx, bigT));
  }

  /**
   * (1 − e^(−e L)) / e, and its limit L at e = 0: the integral ∫_0^L e^(−e v) dv that the
   * expectations of the Pareto/NBD reduce to (e = s − 1, L = ln(1 + t/B)).
   */
  static double expm1Ratio(double e, double bigL) {
    return e == 0 ? bigL : -Math.expm1(-e * bigL) / e;
  }

  /**
   * The expected purchases in (0, t] of a customer alive at 0 with λ ~ Gamma(R, A) and
   * μ ~ Gamma(s, B): E[λ] E[(1 − e^(−μt))/μ] = (R/A) B (1 − (B/(B+t))^(s−1))/(s−1), the
   * bracket divided by s − 1 taken by {@link #expm1Ratio} (its limit B ln(1 + t/B) at s = 1).
   */
  static double expectedAlive(double bigR, double bigA, double s, double bigB, double t) {
    if (t == 0) {
      return 0;
    }
    return bigR / bigA * bigB * expm1Ratio(s - 1, Math.log1p(t / bigB));
  }

  /** The purchase intensity at t of that customer: (R/A) (B/(B+t))^s. */
  static double intensityAlive(double bigR, double bigA, double s, double bigB, double t) {
    return bigR / bigA * Math.exp(-s * Math.log1p(t / bigB));
  }

  /** E[Y(t) | x, t_x, T] = P(alive) · expectedAlive(r+x, α+T, s, β+T, t). */
  static double conditionalExpected(double r, double alpha, double s, double beta, int x,
      double tx, double bigT, double t) {
    double pa = probabilityAlive(r, alpha, s, beta, x, tx, bigT);
    return pa == 0 ? 0 : pa * expectedAlive(r + x, alpha + bigT, s, beta + bigT, t);
  }

  /**
   * P(X(t) = n) of a customer alive at 0 with λ ~ Gamma(R, A), μ ~ Gamma(s, B): the customer is
   * alive at t with probability (B/(B+t))^s, or dies at τ ∈ (0, t] with density s B^s
   * (B+τ)^−(s+1), so
   *
   * <pre>
   *   P = NB(n; R, A/(A+t)) (B/(B+t))^s + Γ(R+n)/(Γ(R) n!) A^R s B^s J,
   *   J = ∫_0^t τ^n (A+τ)^−(R+n) (B+τ)^−(s+1) dτ,
   * </pre>
   *
   * J in closed form through the tail integral for n = 0 and by quadrature otherwise.
   */
  static double pmfAlive(int n, double bigR, double bigA, double s, double bigB, double t) {
    if (t == 0) {
      return n == 0 ? 1 : 0;
    }
    double lnNb = logGamma(bigR + n) - logGamma(bigR) - logGamma(n + 1.0)
        - bigR * Math.log1p(t / bigA) + (n == 0 ? 0 : n * (Math.log(t) - Math.log(bigA + t)));
    double alive = Math.exp(lnNb - s * Math.log1p(t / bigB));
    double lnJ;
    if (n == 0) {
      double f0 = lnTail(bigR, bigA, s + 1, bigB, 0, null, 0);
      double ft = lnTail(bigR, bigA, s + 1, bigB, t, null, 0);
      lnJ = lnDifference(f0, ft);
    } else {
      lnJ = lnDeathIntegral(n, bigR, bigA, s, bigB, t);
    }
    double dead = Math.exp(logGamma(bigR + n) - logGamma(bigR) - logGamma(n + 1.0)
        + bigR * Math.log(bigA) + Math.log(s) + s * Math.log(bigB) + lnJ);
    return Math.min(1, Math.max(0, alive + dead));
  }

  /** ln ∫_0^t τ^n (A+τ)^−(R+n) (B+τ)^−(s+1) dτ for n ≥ 1, by quadrature in v = τ/t. */
  private static double lnDeathIntegral(int n, double bigR, double bigA, double s, double bigB,
      double t) {
    java.util.function.DoubleUnaryOperator logF = v -> {
      double tau = v * t;
      return n * Math.log(tau) - (bigR + n) * Math.log(bigA + tau) - (s + 1) * Math.log(bigB + tau);
    };
    // scale by the largest value on a grid refined by golden-section search
    double best = 1;
    double bestF = logF.applyAsDouble(1);
    for (int k = 1; k < 256; k++) {
      double v = k / 256.0;
      double f = logF.applyAsDouble(v);
      if (f > bestF) {
        bestF = f;
        best = v;
      }
    }
    double lo = Math.max(best - 1 / 256.0, 1e-300);
    double hi = Math.min(best + 1 / 256.0, 1);
    double gr = (Math.sqrt(5) - 1) / 2;
    for (int k = 0; k < 60; k++) {
      double m1 = hi - gr * (hi - lo);
      double m2 = lo + gr * (hi - lo);
      if (logF.applyAsDouble(m1) < logF.applyAsDouble(m2)) {
        lo = m1;
      } else {
        hi = m2;
      }
    }
    double scale = Math.max(bestF, logF.applyAsDouble(0.5 * (lo + hi)));
    double integral = ClvQuadrature.integrate(v -> v == 0 ? 0
        : Math.exp(logF.applyAsDouble(v) - scale), 0, 1, 1e-12, 0);
    return integral > 0 ? Math.log(integral) + scale + Math.log(t) : Double.NEGATIVE_INFINITY;
  }

  /**
   * P(Y(t) = n | x, t_x, T) = [n = 0](1 − P(alive)) + P(alive) pmfAlive(n; r+x, α+T, s, β+T):
   * given alive at T the posterior rates are Gamma(r+x, α+T) and Gamma(s, β+T), and the
   * exponential lifetime forgets its past.
   */
  static double pmfConditional(int n, double r, double alpha, double s, double beta, int x,
      double tx, double bigT, double t) {
    double pa = probabilityAlive(r, alpha, s, beta, x, tx, bigT);
    double p = pa == 0 ? 0 : pa * pmfAlive(n, r + x, alpha + bigT, s, beta + bigT, t);
    return n == 0 ? (1 - pa) + p : p;
  }

  /**
   * DERT(δ | x, t_x, T) = P(alive) (r+x)/(α+T) K(s, δ(β+T)) / δ, K(s, z) = z^s U(s, s, z) (see
   * {@link ParetoNbd}).
   */
  static double dert(double r, double alpha, double s, double beta, int x, double tx,
      double bigT, double delta) {
    double pa = probabilityAlive(r, alpha, s, beta, x, tx, bigT);
    return pa == 0 ? 0 : pa * dertAlive(r + x, alpha + bigT, s, beta + bigT, delta);
  }

  /** DERT of a customer alive at 0 with posterior (R, A, s, B): (R/A) K(s, δB)/δ. */
  static double dertAlive(double bigR, double bigA, double s, double bigB, double delta) {
    return bigR / bigA * IncompleteGamma.discountShare(s, delta * bigB) / delta;
  }

  // ------------------------------------------------------------------ simulation

  /**
   * One customer per entry of {@code bigT}: λ ~ Gamma(r, α), μ ~ Gamma(s, β), lifetime
   * ~ Exponential(μ) from the first purchase at 0, purchases at rate λ while alive and before
   * T. Returns {x, t_x} columns.
   */
  static double[][] simulate(double r, double alpha, double s, double beta, double[] bigT,
      long seed) {
    var rng = new SplittableRandom(seed);
    int n = bigT.length;
    double[] x = new double[n];
    double[] tx = new double[n];
    for (int i = 0; i < n; i++) {
      double lambda = BgFamily.gamma(rng, r) / alpha;
      double mu = BgFamily.gamma(rng, s) / beta;
      double life = mu > 0 ? -Math.log(1 - rng.nextDouble()) / mu : Double.POSITIVE_INFINITY;
      double end = Math.min(life, bigT[i]);
      double t = 0;
      int count = 0;
      double last = 0;
      while (lambda > 0) {
        t += -Math.log(1 - rng.nextDouble()) / lambda;
        if (t > end) {
          break;
        }
        count++;
        last = t;
      }
      x[i] = count;
      tx[i] = last;
    }
    return new double[][] {x, tx};
  }
}
