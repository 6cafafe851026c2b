package org.crmkit.models.clv;

import static org.crmkit.models.clv.SpecialFunctions.logBeta;
import static org.crmkit.models.clv.SpecialFunctions.logGamma;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Beta;

/**
 * The mathematics shared by BG/NBD and MBG/NBD (package-private; the public classes document the
 * formulas). Both models: while active a customer buys at Poisson rate λ ~ Gamma(r, α); after each
 * repeat purchase the customer drops out with probability p ~ Beta(a, b). MBG/NBD also lets the
 * customer drop out at time 0, right after the first purchase ({@code modified = true}).
 *
 * <p>Notation: k = x for BG/NBD and k = x + 1 for MBG/NBD is the number of dropout chances a
 * customer with x repeat purchases has survived if still alive.
 */
final class BgFamily {

  private BgFamily() {}

  // ------------------------------------------------------------------ fit

  /**
   * Fits BG/NBD (or MBG/NBD when {@code modified}) to {@code rows} by maximum likelihood: times
   * scaled so the largest T is 10, a staged optimisation over the subsample ladder
   * ({@link Rows#ladder()}), α's start the mean T per purchase, the others 1.
   */
  static MaximumLikelihood.Estimates fit(boolean modified, String name, String[] names, Rows rows,
      FitOptions options) {
    double s = rows.timeScale();
    Rows scaled = rows.scaled(s);
    double sumX = 0;
    double sumT = 0;
    for (int i = 0; i < scaled.size(); i++) {
      sumX += scaled.w[i] * scaled.x[i];
      sumT += scaled.w[i] * scaled.T[i];
    }
    double alpha0 = Math.max(sumT / Math.max(sumX, 1e-3 * scaled.totalWeight()), 1e-3);
    var coarse = scaled.ladder().stream()
        .map(sub -> ClvBgLikelihood.of(modified, sub)).toList();
    var p = new MaximumLikelihood.Problem(name, names, new int[] {0, 1, 0, 0}, s,
        ClvBgLikelihood.of(modified, scaled), coarse,
        (th, g) -> logLikelihood(modified, th, rows, g),
        new double[] {1, alpha0, 1, 1}, rows.totalWeight(), rows.size());
    return MaximumLikelihood.fit(p, options);
  }

  // ------------------------------------------------------------------ likelihood

  /**
   * Σ w · ln L(r, α, a, b | x, t_x, T) over {@code rows}, with dLL/d(r, α, a, b) in
   * {@code gradient} when not null. ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln(e^{t1} + [k&gt;0]
   * e^{t2}), t1 = ln B(a, b+k) − ln B(a, b) − (r+x) ln(α+T), t2 = ln B(a+1, b+k−1) − ln B(a, b)
   * − (r+x) ln(α+t_x).
   */
  static double logLikelihood(boolean modified, double[] theta, Rows rows, double[] gradient) {
    BgTerms terms = BgTerms.of(modified, theta, gradient != null);
    if (terms == null) {
      return Double.NEGATIVE_INFINITY;
    }
    double alpha = terms.alpha;
    return RowSums.sum(rows.size(), 4, gradient, (from, to, g) -> {
      BgTerms.Chunk c = terms.chunk(g);
      for (int i = from; i < to; i++) {
        c.x(rows.x[i]);
        double l1 = Math.log(alpha + rows.T[i]);
        double t1 = c.c1 - c.rx * l1;
        if (!c.has2) {
          c.add(rows.w[i], t1, 1, 0, l1, 1 / (alpha + rows.T[i]), 0, 0);
          continue;
        }
        double l2 = Math.log(alpha + rows.tx[i]);
        c.addBoth(rows.w[i], t1, c.c2 - c.rx * l2, l1, 1 / (alpha + rows.T[i]), l2,
            1 / (alpha + rows.tx[i]));
      }
      return c.finish();
    });
  }

  // ------------------------------------------------------------------ predictions

  /**
   * P(alive | x, t_x, T) = 1 / (1 + [k&gt;0] a/(b+k−1) ((α+T)/(α+t_x))^(r+x)), computed as the
   * logistic of a log-odds so that it is 0, not NaN, when the power overflows.
   */
  static double probabilityAlive(boolean modified, double r, double alpha, double a, double b,
      int x, double tx, double bigT) {
    int k = modified ? x + 1 : x;
    if (k == 0) {
      return 1;
    }
    double logOdds = Math.log(a) - Math.log(b + k - 1)
        + (r + x) * Math.log1p((bigT - tx) / (alpha + tx));
    return SpecialFunctions.inverseOnePlusExp(logOdds);
  }

  /**
   * h(R, A, a, B, t) = E[(1 − e^{−λ p t}) / p] for λ ~ Gamma(R, A), p ~ Beta(a, B): the
   * expected number of purchases in (0, t] of a customer who is alive at 0 and may drop out after
   * each purchase. Closed form (a+B−1)/(a−1) [1 − (A/(A+t))^R 2F1(R, B; a+B−1; t/(A+t))].
   *
   * <p>Two routes, one fast and one safe:
   *
   * <ul>
   *   <li>the series ({@link #expectedCountSeries}): through Euler's transformation
   *       (a+B−1)/(a−1) [1 − (1−z)^(a−1) 2F1(a+B−1−R, a−1; a+B−1; z)], z = t/(A+t), whose series
   *       has the factor (a−1) in every term: dividing it out analytically makes a = 1 a regular
   *       point. Used for z ≤ 3/4 and a &lt; {@value BetaMixture#LARGE_A}, and only when its
   *       terms and its final difference lose fewer than four digits to cancellation;
   *   <li>otherwise (a long horizon, a large a, a huge a+B−1−R, a+B &lt; 3/2) the expectation over
   *       p by quadrature ({@link BetaMixture}) of (1 − (1 + p t/A)^−R)/p, accurate to 1e-10.
   *       Checked against 50-digit values (mpmath) over a ∈ [0.01, 20], B ∈ [0.01, 1e10],
   *       R ∈ [0.01, 100]: the series, unguarded, was wrong beyond recognition for B ≳ 100 at
   *       z &gt; 3/4 and lost up to seven digits for large R or B.
   * </ul>
   */
  static double expectedCount(double bigR, double bigA, double a, double bigB, double t) {
    if (t == 0) {
      return 0;
    }
    double series = expectedCountSeries(bigR, bigA, a, bigB, t);
    if (!Double.isNaN(series)) {
      return series;
    }
    double u = t / bigA;
    // (1 − (1+pu)^−R)/p; below pu = 1e-100 its limit R u (the next term is relatively 1e-100)
    return BetaMixture.expectation(a, bigB,
        p -> p * u < 1e-100 ? bigR * u : -Math.expm1(-bigR * Math.log1p(p * u)) / p);
  }

  /**
   * {@link #expectedCount} by its series, or NaN where that route does not apply or cannot vouch
   * for its digits (then the quadrature is used).
   */
  static double expectedCountSeries(double bigR, double bigA, double a, double bigB, double t) {
    double u = t / bigA;
    double z = u / (1 + u);
    double c = a + bigB - 1;
    if (z > 0.75 || a >= BetaMixture.LARGE_A || c < 0.5) {
      return Double.NaN;
    }
    double lnOneMinusZ = -Math.log1p(u);
    double eps = a - 1;
    double aPrime = c - bigR;
    // (1 − G)/ε = −expm1(ε ln(1−z))/ε − (1−z)^ε S, S = (2F1(A', ε; C; z) − 1)/ε
    double s = Hyp2F1.guardedSeries(aPrime, eps, c, z, aPrime * z / c, 1);
    if (Double.isNaN(s)) {
      return Double.NaN;
    }
    double el = eps * lnOneMinusZ;
    double first = eps == 0 ? -lnOneMinusZ : -Math.expm1(el) / eps;
    double second = Math.exp(el) * s;
    double h = c * (first - second);
    return Math.abs(first) + Math.abs(second) <= Hyp2F1.MAX_LOSS * Math.abs(first - second)
        ? h : Double.NaN;
  }

  /** E[X(t)] for a new customer: BG h(r, α, a, b, t); MBG b/(a+b) h(r, α, a, b+1, t). */
  static double expectedNew(boolean modified, double r, double alpha, double a, double b,
      double t) {
    return modified ? b / (a + b) * expectedCount(r, alpha, a, b + 1, t)
        : expectedCount(r, alpha, a, b, t);
  }

  /** E[Y(t) | x, t_x, T] = P(alive) h(r+x, α+T, a, b+k, t). */
  static double conditionalExpected(boolean modified, double r, double alpha, double a, double b,
      int x, double tx, double bigT, double t) {
    double pa = probabilityAlive(modified, r, alpha, a, b, x, tx, bigT);
    if (pa == 0 || t == 0) {
      return 0;
    }
    int k = modified ? x + 1 : x;
    return pa * expectedCount(r + x, alpha + bigT, a, b + k, t);
  }

  /**
   * P(X(t) = n) for the BG process started alive at 0 with λ ~ Gamma(R, A), p ~ Beta(a, B):
   * B(a, B+n)/B(a, B) NB(n; R, A/(A+t)) + [n&gt;0] B(a+1, B+n−1)/B(a, B) P(NB ≥ n), the
   * negative-binomial tail being the regularised incomplete beta I_{t/(A+t)}(n, R).
   */
  static double pmf(int n, double bigR, double bigA, double a, double bigB, double t) {
    if (t == 0) {
      return n == 0 ? 1 : 0;
    }
    double lnP0 = -Math.log1p(t / bigA);
    double lnZ = Math.log(t) - Math.log(bigA + t);
    double lbab = logBeta(a, bigB);
    double lnNb = logGamma(bigR + n) - logGamma(bigR) - logGamma(n + 1.0) + bigR * lnP0
        + (n == 0 ? 0 : n * lnZ);
    double p = Math.exp(logBeta(a, bigB + n) - lbab + lnNb);
    if (n > 0) {
      double tail = Beta.regularizedBeta(t / (bigA + t), n, bigR);
      p += Math.exp(logBeta(a + 1, bigB + n - 1) - lbab) * tail;
    }
    return Math.min(1, Math.max(0, p));
  }

  /** P(X(t) = n) for a new customer: BG pmf(r, α, a, b); MBG b/(a+b) pmf(.., b+1) + [n=0] a/(a+b). */
  static double pmfNew(boolean modified, int n, double r, double alpha, double a, double b,
      double t) {
    if (!modified) {
      return pmf(n, r, alpha, a, b, t);
    }
    return b / (a + b) * pmf(n, r, alpha, a, b + 1, t) + (n == 0 ? a / (a + b) : 0);
  }

  /** P(Y(t) = n | x, t_x, T) = [n=0] (1 − P(alive)) + P(alive) pmf(n; r+x, α+T, a, b+k). */
  static double pmfConditional(boolean modified, int n, double r, double alpha, double a,
      double b, int x, double tx, double bigT, double t) {
    double pa = probabilityAlive(modified, r, alpha, a, b, x, tx, bigT);
    int k = modified ? x + 1 : x;
    double p = pa == 0 ? 0 : pa * pmf(n, r + x, alpha + bigT, a, b + k, t);
    return n == 0 ? (1 - pa) + p : p;
  }

  /** P(no purchase in (T, T+t] | x, t_x, T) = 1 − P(alive) + P(alive) ((α+T)/(α+T+t))^(r+x). */
  static double probabilityNoPurchase(boolean modified, double r, double alpha, double a,
      double b, int x, double tx, double bigT, double t) {
    double pa = probabilityAlive(modified, r, alpha, a, b, x, tx, bigT);
    double stay = Math.exp(-(r + x) * Math.log1p(t / (alpha + bigT)));
    return (1 - pa) + pa * stay;
  }

  /** ln L for one customer (no weights). */
  static double logLikelihood(boolean modified, double r, double alpha, double a, double b, int x,
      double tx, double bigT) {
    int k = modified ? x + 1 : x;
    double lbab = logBeta(a, b);
    double a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
    double t1 = logBeta(a, b + k) - lbab - (r + x) * Math.log(alpha + bigT);
    if (k == 0) {
      return a1 + t1;
    }
    double t2 = logBeta(a + 1, b + k - 1) - lbab - (r + x) * Math.log(alpha + tx);
    return a1 + SpecialFunctions.logSumExp(t1, t2);
  }

  // ------------------------------------------------------------------ simulation

  /**
   * Simulates one customer per entry of {@code bigT}: λ ~ Gamma(r, α), p ~ Beta(a, b), purchases
   * at rate λ from time 0 (the first purchase), dropout with probability p after each repeat
   * purchase (and, for MBG/NBD, at time 0). Returns {x, t_x} columns as doubles.
   */
  static double[][] simulate(boolean modified, double r, double alpha, double a, double b,
      double[] bigT, long seed) {
    var rng = new SplittableRandom(seed);
    int n = bigT.length;
    double[] x = new double[n];
    double[] tx = new double[n];
    for (int i = 0; i < n; i++) {
      double lambda = gamma(rng, r) / alpha;
      double ga = gamma(rng, a);
      double gb = gamma(rng, b);
      double p = ga + gb > 0 ? ga / (ga + gb) : a / (a + b);
      if (modified && rng.nextDouble() < p) {
        continue;
      }
      double t = 0;
      int count = 0;
      double last = 0;
      while (lambda > 0) {
        t += -Math.log(1 - rng.nextDouble()) / lambda;
        if (t > bigT[i]) {
          break;
        }
        count++;
        last = t;
        if (rng.nextDouble() < p) {
          break;
        }
      }
      x[i] = count;
      tx[i] = last;
    }
    return new double[][] {x, tx};
  }

  /** Gamma(shape, 1) by Marsaglia &amp; Tsang (2000), with the U^(1/shape) boost below 1. */
  static double gamma(SplittableRandom rng, double shape) {
    if (shape < 1) {
      double u = rng.nextDouble();
      return gamma(rng, shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = rng.nextGaussian();
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
