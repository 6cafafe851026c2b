package org.crmkit.models.clv;

import java.time.temporal.ChronoUnit;
import java.util.function.DoubleUnaryOperator;
import org.crmkit.core.Checks;

/**
 * Discounted expected residual transactions (DERT) by quadrature: the expected purchases of a
 * customer who is alive now, each discounted by e^(−δt) to now,
 *
 * <pre>
 *   D(H) = ∫_0^H e^(−δt) i(t) dt,
 * </pre>
 *
 * i(t) = d E[purchases in (0, t] | alive at 0]/dt the customer's expected purchase intensity
 * (which already accounts for the chance of dropping out before t), H ≤ ∞ the horizon. The
 * integral is taken in w = δt, as ∫_0^min(δH, 40) e^(−w) i(w/δ) dw / δ, by adaptive
 * Gauss–Kronrod quadrature (relative 1e-10): beyond w = 40 the rest is below e^(−40) of the
 * whole, because i is decreasing. With δ = 0 a finite horizon gives the undiscounted expectation.
 *
 * <p>BG/NBD and MBG/NBD (FHL 2005, doi:10.1287/mksc.1040.0098; Batislam et al. 2007): given
 * alive, λ ~ Gamma(R, A) with R = r + x, A = α + T, and p ~ Beta(a, B) with B = b + x (b + x + 1
 * for MBG/NBD); a purchase at rate λ is followed by dropout with probability p, so
 *
 * <pre>
 *   i(t) = E[λ e^(−λ p t)] = (R/A) E_p[(1 + p t/A)^−(R+1)] = (R/A) 2F1(R+1, a; a+B; −t/A),
 * </pre>
 *
 * the last step by Euler's integral for 2F1 (A&amp;S 15.3.1). The Pareto/NBD has a closed form
 * for H = ∞ ({@link ParetoNbd}); its finite horizons use this quadrature with i(t) = (R/A)
 * (B/(B+t))^s.
 */
final class Dert {

  /** w = δt beyond which the discounted tail is below e^−40 of the integral. */
  private static final double W_MAX = 40;

  private Dert() {}

  /**
   * δ per {@code unit} of {@code discounting}.
   *
   * @param infinite whether the horizon is infinite (then δ must be &gt; 0)
   */
  static double rate(Discounting discounting, ChronoUnit unit, boolean infinite) {
    Checks.notNull("discounting", discounting);
    double delta = discounting.continuousRate(unit);
    if (infinite && !(delta > 0)) {
      throw new IllegalArgumentException(
          "DERT sums over an infinite horizon: the discount rate must be > 0: " + discounting);
    }
    return delta;
  }

  /**
   * ∫_0^H e^(−δt) i(t) dt for a decreasing intensity i ≥ 0; H may be +∞ when δ &gt; 0.
   *
   * @param undiscounted ∫_0^H i(t) dt, used when δ = 0 (the quadrature is then not needed)
   */
  static double integrate(DoubleUnaryOperator intensity, double delta, double horizon,
      DoubleUnaryOperator undiscounted) {
    if (horizon == 0) {
      return 0;
    }
    if (delta == 0) {
      return undiscounted.applyAsDouble(horizon);
    }
    double wMax = Math.min(delta * horizon, W_MAX);
    double v = ClvQuadrature.integrate(w -> Math.exp(-w) * intensity.applyAsDouble(w / delta),
        0, wMax, 1e-10, 0);
    return Math.max(0, v / delta);
  }

  /**
   * The BG/MBG intensity of a live customer, (R/A) 2F1(R+1, a; a+B; −t/A): for t/(A+t) ≤ 3/4 by
   * Pfaff's form (R/A) (1+t/A)^−(R+1) 2F1(R+1, B; a+B; t/(A+t)), a series of positive terms (no
   * cancellation); beyond, or if that series does not settle, the Euler integral itself,
   * (R/A) E_p[(1 + p t/A)^−(R+1)], by {@link BetaMixture}.
   */
  static double bgIntensity(double bigR, double bigA, double a, double bigB, double t) {
    double u = t / bigA;
    if (u <= 3) {
      double s = Hyp2F1.guardedSeries(bigR + 1, bigB, a + bigB, u / (1 + u), 1, 0);
      if (!Double.isNaN(s)) {
        return bigR / bigA * Math.exp(-(bigR + 1) * Math.log1p(u)) * s;
      }
    }
    return bigR / bigA
        * BetaMixture.expectation(a, bigB, p -> Math.exp(-(bigR + 1) * Math.log1p(p * u)));
  }

  /**
   * D(H) of a live BG/NBD (k = x) or MBG/NBD (k = x + 1) customer with x repeat purchases at
   * age T: posterior (R, A) = (r+x, α+T), B = b + k. Over an infinite horizon in closed form
   * given p: a customer with rate λ and dropout probability p makes λ e^(−λpt) purchases per
   * unit of time, worth ∫ e^(−δt) λ e^(−λpt) dt = λ/(δ + λp); over λ ~ Gamma(R, A) that is
   * E[λ/(δ + λp)] = (R/(δA)) K(R+1, δA/p), K(s, w) = E[w/(G + w)] for G ~ Gamma(s, 1)
   * ({@link IncompleteGamma#discountShare}), so
   *
   * <pre>
   *   D(∞) = (R/(δA)) E_p[K(R+1, δA/p)],  p ~ Beta(a, B),
   * </pre>
   *
   * one quadrature over p ({@link BetaMixture}); K(R+1, ∞) = 1 at p = 0. Finite horizons
   * integrate the discounted intensity over t.
   */
  static double bgAlive(boolean modified, double r, double alpha, double a, double b, int x,
      double bigT, double delta, double horizon) {
    double bigR = r + x;
    double bigA = alpha + bigT;
    double bigB = b + (modified ? x + 1 : x);
    if (horizon == Double.POSITIVE_INFINITY) {
      double w = delta * bigA;
      return bigR / w * BetaMixture.expectation(a, bigB,
          p -> p == 0 ? 1 : IncompleteGamma.discountShare(bigR + 1, w / p));
    }
    return integrate(t -> bgIntensity(bigR, bigA, a, bigB, t), delta, horizon,
        h -> BgFamily.expectedCount(bigR, bigA, a, bigB, h));
  }

  /** D(H) of a live Pareto/NBD customer with posterior (R, A, s, B): closed form for H = ∞. */
  static double paretoAlive(double bigR, double bigA, double s, double bigB, double delta,
      double horizon) {
    if (horizon == Double.POSITIVE_INFINITY) {
      return ParetoNbdFunctions.dertAlive(bigR, bigA, s, bigB, delta);
    }
    return integrate(t -> ParetoNbdFunctions.intensityAlive(bigR, bigA, s, bigB, t), delta,
        horizon, h -> ParetoNbdFunctions.expectedAlive(bigR, bigA, s, bigB, h));
  }
}
