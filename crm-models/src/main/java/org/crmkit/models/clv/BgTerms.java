package org.crmkit.models.clv;

import static org.crmkit.models.clv.SpecialFunctions.digamma;
import static org.crmkit.models.clv.SpecialFunctions.logBeta;
import static org.crmkit.models.clv.SpecialFunctions.logGamma;

/**
 * The parts of the BG/NBD and MBG/NBD log-likelihood ({@link BgFamily#logLikelihood(boolean,
 * double[], Rows, double[])}) that do not depend on a row's times, and the sum over rows with its
 * gradient, shared by the three ways the rows' times are evaluated (row by row in
 * {@link BgFamily}; by distinct time or by distinct (x, u) point in {@link ClvBgLikelihood}).
 *
 * <p>Per row ln L = a1(x) + ln(e^{t1} + [k&gt;0] e^{t2}), a1 = ln Γ(r+x) − ln Γ(r) + r ln α,
 * t1 = c1(k) − (r+x) ln(α+T), t2 = c2(k) − (r+x) ln(α+t_x), c1 = ln B(a, b+k) − ln B(a, b),
 * c2 = ln B(a+1, b+k−1) − ln B(a, b), k = x (BG/NBD) or x + 1 (MBG/NBD). A caller evaluates the
 * bracket its own way and hands the log and the two terms' shares to {@link Chunk#add}.
 *
 * <p>One instance per evaluation holds the constants of θ; each parallel chunk of rows takes its
 * own {@link Chunk}, which recomputes the x-only terms when x changes (rows come sorted by x).
 */
final class BgTerms {

  final double r;
  final double alpha;
  final double a;
  final double b;
  private final boolean modified;
  private final double lbab;
  private final double lgr;
  private final double lnAlpha;
  private final double psiR;
  private final double psiAb;
  private final double psiB;

  private BgTerms(boolean modified, double[] theta, boolean gradient) {
    this.modified = modified;
    r = theta[0];
    alpha = theta[1];
    a = theta[2];
    b = theta[3];
    lbab = logBeta(a, b);
    lgr = logGamma(r);
    lnAlpha = Math.log(alpha);
    psiR = gradient ? digamma(r) : 0;
    psiAb = gradient ? digamma(a + b) : 0;
    psiB = gradient ? digamma(b) : 0;
  }

  /**
   * The constants at θ = (r, α, a, b), or null when θ is outside the domain (a parameter not
   * finite and &gt; 0); the gradient's constants only when {@code gradient}.
   */
  static BgTerms of(boolean modified, double[] theta, boolean gradient) {
    double r = theta[0];
    double alpha = theta[1];
    double a = theta[2];
    double b = theta[3];
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !Double.isFinite(r + alpha + a + b)) {
      return null;
    }
    return new BgTerms(modified, theta, gradient);
  }

  /** k, the dropout chances a customer with x repeat purchases has survived if alive. */
  int k(int x) {
    return modified ? x + 1 : x;
  }

  /** c1(k) = ln B(a, b+k) − ln B(a, b). */
  double c1(int k) {
    return logBeta(a, b + k) - lbab;
  }

  /** c2(k) = ln B(a+1, b+k−1) − ln B(a, b) for k &gt; 0, −∞ for k = 0 (no second term). */
  double c2(int k) {
    return k > 0 ? logBeta(a + 1, b + k - 1) - lbab : Double.NEGATIVE_INFINITY;
  }

  /** An accumulator for one chunk of rows; {@code g} (or null) receives its gradient. */
  Chunk chunk(double[] g) {
    return new Chunk(g);
  }

  /** The sum over one chunk of rows, and its gradient. */
  final class Chunk {
    private final double[] g;
    private int lastX = -1;
    /** Whether the current x has the second term (k &gt; 0). */
    boolean has2;
    /** c1 and c2 of the current x (c2 = 0 without the second term). */
    double c1;
    double c2;
    /** r + x of the current x. */
    double rx;
    private double a1;
    private double a1r;
    private double c1a;
    private double c1b;
    private double c2a;
    private double c2b;
    private double sum;
    private double gr;
    private double ga;
    private double gA;
    private double gB;

    private Chunk(double[] g) {
      this.g = g;
    }

    /** Moves to a row with x repeat purchases (recomputing the x-only terms when x changes). */
    void x(int x) {
      if (x == lastX) {
        return;
      }
      lastX = x;
      int k = k(x);
      has2 = k > 0;
      rx = r + x;
      a1 = logGamma(r + x) - lgr + r * lnAlpha;
      c1 = BgTerms.this.c1(k);
      c2 = has2 ? BgTerms.this.c2(k) : 0;
      if (g != null) {
        double psiAbk = digamma(a + b + k);
        a1r = digamma(r + x) - psiR + lnAlpha;
        c1a = psiAb - psiAbk;
        c1b = digamma(b + k) - psiAbk - psiB + psiAb;
        c2a = 1 / a + psiAb - psiAbk;
        c2b = has2 ? digamma(b + k - 1) - psiAbk - psiB + psiAb : 0;
      }
    }

    /**
     * Adds a row of the current x with weight w: {@code ll} = ln(e^{t1} + [k&gt;0] e^{t2}),
     * {@code w1} and {@code w2} the two terms' shares of the bracket, {@code l1} = ln(α+T),
     * {@code i1} = 1/(α+T), and {@code l2}, {@code i2} the same for t_x (0 without the second
     * term; {@code i1}, {@code i2} are only read for the gradient).
     */
    void add(double w, double ll, double w1, double w2, double l1, double i1, double l2,
        double i2) {
      sum += w * (a1 + ll);
      if (g != null) {
        gr += w * (a1r - w1 * l1 - w2 * l2);
        ga += w * (r / alpha - rx * (w1 * i1 + w2 * i2));
        gA += w * (w1 * c1a + w2 * c2a);
        gB += w * (w1 * c1b + w2 * c2b);
      }
    }

    /**
     * {@link #add} for a row of the current x with both terms (k &gt; 0), t1 and t2 given: the
     * log-sum-exp in one exp and one log, ln(e^{t1} + e^{t2}) = max + ln(1 + e^{−|t2 − t1|}).
     */
    void addBoth(double w, double t1, double t2, double l1, double i1, double l2, double i2) {
      double d = t2 - t1;
      double e = Math.exp(-Math.abs(d));
      double es = 1 + e;
      double ll = (d > 0 ? t2 : t1) + Math.log(es);
      add(w, ll, d > 0 ? e / es : 1 / es, d > 0 ? 1 / es : e / es, l1, i1, l2, i2);
    }

    /** Adds the chunk's gradient into {@code g} and returns its sum. */
    double finish() {
      if (g != null) {
        g[0] += gr;
        g[1] += ga;
        g[2] += gA;
        g[3] += gB;
      }
      return sum;
    }
  }
}
