package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.special.Beta;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of Pareto/NBD over seeded random parameters and customers. */
class ParetoNbdProperties {

  private static final ParetoNbd CDNOW = ParetoNbd.of(0.5534, 10.5802, 0.6061, 11.6562,
      ChronoUnit.WEEKS);

  private static double u(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  /** Log-uniform on [lo, hi]. */
  private static double logU(SplittableRandom r, double lo, double hi) {
    return Math.exp(u(r, Math.log(lo), Math.log(hi)));
  }

  /** A draw with the range's ends mixed in now and then, as edge cases. */
  private static double edgy(SplittableRandom r, double lo, double hi) {
    int k = r.nextInt(10);
    return k == 0 ? lo : k == 1 ? hi : u(r, lo, hi);
  }

  static Stream<Arguments> aliveCases() {
    return Cases.random(201L, 400, r -> Arguments.of(r.nextInt(8) == 0 ? 0 : r.nextInt(3001),
        edgy(r, 0, 1), edgy(r, 0, 1000), logU(r, 0.01, 50), logU(r, 1e-3, 1e3),
        logU(r, 0.01, 10), logU(r, 1e-3, 1e3)));
  }

  static Stream<Arguments> pmfCases() {
    return Cases.random(202L, 40, r -> Arguments.of(logU(r, 0.1, 5), logU(r, 1, 50),
        logU(r, 0.1, 4), logU(r, 0.5, 60), logU(r, 0.5, 60)));
  }

  static Stream<Arguments> conditionalCases() {
    return Cases.random(203L, 25, r -> Arguments.of(r.nextInt(30), edgy(r, 0, 1),
        u(r, 1, 60), u(r, 0.5, 40)));
  }

  static Stream<Arguments> unitCases() {
    return Cases.random(204L, 200, r -> Arguments.of(r.nextInt(301), edgy(r, 0, 1),
        edgy(r, 0, 150), edgy(r, 0, 200), logU(r, 0.001, 2)));
  }

  static Stream<Arguments> weightedCases() {
    return Cases.random(205L, 60, r -> Arguments.of(1 + r.nextInt(30), r.nextLong(),
        logU(r, 0.05, 5), logU(r, 0.5, 40), logU(r, 0.05, 5), logU(r, 0.5, 40)));
  }

  static Stream<Arguments> gradientCases() {
    return Cases.random(206L, 30, r -> Arguments.of(r.nextLong(), logU(r, 0.05, 5),
        logU(r, 0.01, 100), logU(r, 0.05, 5), logU(r, 0.01, 100)));
  }

  @ParameterizedTest
  @MethodSource("aliveCases")
  void pAliveIsAProbability(int x, double share, double bigT, double r, double alpha, double s,
      double beta) {
    double tx = x == 0 ? 0 : share * bigT;
    ParetoNbd m = ParetoNbd.of(r, alpha, s, beta, ChronoUnit.DAYS);
    double p = m.probabilityAlive(x, tx, bigT);
    assertTrue(p >= 0 && p <= 1, () -> "p=" + p);
    double c = m.conditionalExpectedPurchases(x, tx, bigT, 30);
    assertTrue(c >= 0 && Double.isFinite(c), () -> "cet=" + c);
    double d = m.discountedExpectedResidualPurchases(x, tx, bigT, Discounting.annualRate(0.1));
    assertTrue(d >= 0 && Double.isFinite(d), () -> "dert=" + d);
    double none = m.probabilityNoPurchase(x, tx, bigT, 30);
    assertTrue(none >= 0 && none <= 1, () -> "none=" + none);
  }

  @ParameterizedTest
  @MethodSource("pmfCases")
  void pmfSumsToOneWithMeanTheExpectation(double r, double alpha, double s, double beta,
      double t) {
    // X(t) <= N(t) ~ NB(r, α/(α+t)), whose tail I_z(n, r) bounds the mass left out.
    ParetoNbd m = ParetoNbd.of(r, alpha, s, beta, ChronoUnit.WEEKS);
    double z = t / (alpha + t);
    double sum = 0;
    double mean = 0;
    int n = 0;
    for (; n < 20_000; n++) {
      if (n > 0 && Beta.regularizedBeta(z, n, r) * n < 1e-11) {
        break;
      }
      double p = m.probabilityOfPurchases(n, t);
      assertTrue(p >= 0 && p <= 1);
      sum += p;
      mean += n * p;
    }
    assertEquals(1, sum, 1e-9, "n up to " + n);
    double e = m.expectedPurchases(t);
    assertEquals(e, mean, 1e-8 * (1 + e), "n up to " + n);
  }

  @ParameterizedTest
  @MethodSource("conditionalCases")
  void conditionalPmfSumsToOneWithMeanTheConditionalExpectation(int x, double share,
      double bigT, double t) {
    double tx = x == 0 ? 0 : share * bigT;
    double sum = 0;
    double mean = 0;
    for (int n = 0; n < 400; n++) {
      double p = CDNOW.conditionalProbabilityOfPurchases(n, x, tx, bigT, t);
      sum += p;
      mean += n * p;
    }
    assertEquals(1, sum, 1e-9);
    double c = CDNOW.conditionalExpectedPurchases(x, tx, bigT, t);
    assertEquals(c, mean, 1e-7 * (1 + c));
    assertEquals(CDNOW.probabilityNoPurchase(x, tx, bigT, t),
        CDNOW.conditionalProbabilityOfPurchases(0, x, tx, bigT, t), 1e-15);
  }

  @ParameterizedTest
  @MethodSource("unitCases")
  void weeksAndDaysGiveTheSameAnswer(int x, double share, double bigT, double t,
      double annual) {
    double tx = x == 0 ? 0 : share * bigT;
    ParetoNbd days = ParetoNbd.of(CDNOW.r(), CDNOW.alpha() * 7, CDNOW.s(), CDNOW.beta() * 7,
        ChronoUnit.DAYS);
    assertEquals(CDNOW.probabilityAlive(x, tx, bigT), days.probabilityAlive(x, tx * 7, bigT * 7),
        1e-12);
    double w = CDNOW.conditionalExpectedPurchases(x, tx, bigT, t);
    assertEquals(w, days.conditionalExpectedPurchases(x, tx * 7, bigT * 7, t * 7),
        1e-10 * (1 + w));
    assertEquals(CDNOW.expectedPurchases(t), days.expectedPurchases(t * 7), 1e-12);
    Discounting d = Discounting.annualRate(annual);
    double dw = CDNOW.discountedExpectedResidualPurchases(x, tx, bigT, d);
    assertEquals(dw, days.discountedExpectedResidualPurchases(x, tx * 7, bigT * 7, d),
        1e-10 * (1 + dw));
  }

  @ParameterizedTest
  @MethodSource("unitCases")
  void dertIncreasesAsTheDiscountRateFalls(int x, double share, double bigT, double t,
      double annual) {
    double tx = x == 0 ? 0 : share * bigT;
    double high = CDNOW.discountedExpectedResidualPurchases(x, tx, bigT,
        Discounting.annualRate(annual));
    double low = CDNOW.discountedExpectedResidualPurchases(x, tx, bigT,
        Discounting.annualRate(annual / 2));
    assertTrue(low > high || (low == 0 && high == 0), () -> low + " <= " + high);
  }

  @ParameterizedTest
  @MethodSource("weightedCases")
  void weightedRowsEqualExpandedRowsInTheLikelihood(int rows, long seed, double r, double alpha,
      double s, double beta) {
    BgNbdProperties.Tables2 t = BgNbdProperties.Tables2.random(rows, seed);
    ParetoNbd m = ParetoNbd.of(r, alpha, s, beta, ChronoUnit.WEEKS);
    double lw = m.logLikelihood(t.weighted());
    double le = m.logLikelihood(t.expanded().compress());
    assertEquals(le, lw, 1e-9 * Math.abs(le));
    double direct = 0;
    CustomerSummaries e = t.expanded();
    for (int i = 0; i < e.size(); i++) {
      direct += m.logLikelihood(e.x(i), e.tx(i), e.T(i));
    }
    assertEquals(direct, lw, 1e-9 * Math.abs(direct));
  }

  static Stream<Arguments> fitSeeds() {
    return Cases.random(207L, 2, r -> Arguments.of(r.nextLong()));
  }

  @ParameterizedTest
  @MethodSource("fitSeeds")
  void fittingWeightedRowsEqualsFittingExpandedRows(long seed) {
    CustomerSummaries sim = CDNOW.simulate(300, 39, seed);
    var rng = new SplittableRandom(seed);
    int n = sim.size();
    double[] w = new double[n];
    java.util.List<Integer> expanded = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      w[i] = 1 + rng.nextInt(3);
      for (int k = 0; k < w[i]; k++) {
        expanded.add(i);
      }
    }
    WeightedSummaries weighted = WeightedSummaries.ofColumns(sim.xs(), sim.txs(), sim.Ts(), w,
        ChronoUnit.WEEKS);
    int m = expanded.size();
    String[] ids = new String[m];
    int[] ex = new int[m];
    double[] etx = new double[m];
    double[] et = new double[m];
    for (int j = 0; j < m; j++) {
      int i = expanded.get(j);
      ids[j] = "c" + j;
      ex[j] = sim.x(i);
      etx[j] = sim.tx(i);
      et[j] = sim.T(i);
    }
    ParetoNbd fw = ParetoNbd.fit(weighted);
    ParetoNbd fe = ParetoNbd.fit(CustomerSummaries.ofColumns(ids, ex, etx, et,
        ChronoUnit.WEEKS));
    assertEquals(fe.logLikelihood(), fw.logLikelihood(), 1e-6);
    assertEquals(fe.fitReport().customers(), fw.fitReport().customers());
    if (fe.fitReport().converged() && fw.fitReport().converged()) {
      assertEquals(fe.r(), fw.r(), 1e-4 * fe.r());
      assertEquals(fe.alpha(), fw.alpha(), 1e-4 * fe.alpha());
    }
  }

  @ParameterizedTest
  @MethodSource("gradientCases")
  void likelihoodGradientMatchesCentralDifferences(long seed, double r, double alpha,
      double s, double beta) {
    WeightedSummaries w = BgNbdProperties.Tables2.random(40, seed).weighted();
    ParetoNbdPoints pts = ParetoNbdPoints.of(Rows.of(w));
    double[] theta = {r, alpha, s, beta};
    double[] g = new double[4];
    double ll = ParetoNbdFunctions.logLikelihood(theta, pts, g);
    assertTrue(Double.isFinite(ll));
    for (int k = 0; k < 4; k++) {
      double h = 1e-6 * theta[k];
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[k] += h;
      down[k] -= h;
      double num = (ParetoNbdFunctions.logLikelihood(up, pts, null)
          - ParetoNbdFunctions.logLikelihood(down, pts, null)) / (2 * h);
      int kk = k;
      assertEquals(num, g[k], 1e-5 * (Math.abs(num) + Math.abs(ll) * 1e-9 / h + 1),
          () -> "dLL/d" + kk);
    }
  }
}
