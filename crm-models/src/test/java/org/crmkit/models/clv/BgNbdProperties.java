package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.special.Beta;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of BG/NBD and MBG/NBD over seeded random parameters and customers. */
class BgNbdProperties {

  private static double u(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  /** A random draw with the range's ends mixed in now and then, as edge cases. */
  private static double edgy(SplittableRandom r, double lo, double hi) {
    int k = r.nextInt(10);
    return k == 0 ? lo : k == 1 ? hi : u(r, lo, hi);
  }

  static Stream<Arguments> aliveCases() {
    return Cases.random(101L, 500, r -> Arguments.of(r.nextInt(10) == 0 ? 0 : r.nextInt(5001),
        edgy(r, 0, 1), edgy(r, 0, 2000), u(r, 0.01, 20), u(r, 0.01, 200), u(r, 0.01, 20),
        u(r, 0.01, 20)));
  }

  static Stream<Arguments> pmfCases() {
    return Cases.random(102L, 60, r -> Arguments.of(u(r, 0.05, 3), u(r, 1, 50), u(r, 0.2, 5),
        u(r, 0.2, 10), u(r, 0.1, 100)));
  }

  static Stream<Arguments> conditionalCases() {
    return Cases.random(103L, 40, r -> Arguments.of(r.nextInt(61), edgy(r, 0, 1), u(r, 1, 60),
        u(r, 0.5, 60)));
  }

  static Stream<Arguments> unitCases() {
    return Cases.random(104L, 200, r -> Arguments.of(r.nextInt(301), edgy(r, 0, 1),
        edgy(r, 0, 150), edgy(r, 0, 200)));
  }

  static Stream<Arguments> weightedCases() {
    return Cases.random(105L, 100, r -> Arguments.of(1 + r.nextInt(30), r.nextLong(),
        u(r, 0.05, 5), u(r, 0.5, 40), u(r, 0.1, 5), u(r, 0.1, 5)));
  }

  static Stream<Arguments> seeds() {
    return Cases.random(106L, 4, r -> Arguments.of(r.nextLong()));
  }

  private static final BgNbd BG = BgNbd.of(0.2425982, 4.4136842, 0.7929899, 2.4261667,
      ChronoUnit.WEEKS);
  private static final MbgNbd MBG = MbgNbd.of(0.525, 6.183, 0.891, 1.614, ChronoUnit.WEEKS);

  @ParameterizedTest
  @MethodSource("aliveCases")
  void pAliveIsAProbability(int x, double share, double bigT, double r, double alpha, double a,
      double b) {
    double tx = x == 0 ? 0 : share * bigT;
    for (double p : new double[] {BG.probabilityAlive(x, tx, bigT),
        MBG.probabilityAlive(x, tx, bigT),
        BgNbd.of(r, alpha, a, b, ChronoUnit.DAYS).probabilityAlive(x, tx, bigT),
        MbgNbd.of(r, alpha, a, b, ChronoUnit.DAYS).probabilityAlive(x, tx, bigT)}) {
      assertTrue(p >= 0 && p <= 1, () -> "p=" + p);
    }
  }

  @ParameterizedTest
  @MethodSource("pmfCases")
  void pmfSumsToOne(double r, double alpha, double a, double b, double t) {
    // X(t) <= N(t), so the negative-binomial tail I_z(n, r) bounds the mass left out.
    double z = t / (alpha + t);
    BgNbd bg = BgNbd.of(r, alpha, a, b, ChronoUnit.WEEKS);
    MbgNbd mbg = MbgNbd.of(r, alpha, a, b, ChronoUnit.WEEKS);
    double sumBg = 0;
    double sumMbg = 0;
    double meanBg = 0;
    int n = 0;
    for (; n < 100_000; n++) {
      if (n > 0 && Beta.regularizedBeta(z, n, r) < 1e-10) {
        break;
      }
      double p = bg.probabilityOfPurchases(n, t);
      sumBg += p;
      meanBg += n * p;
      sumMbg += mbg.probabilityOfPurchases(n, t);
    }
    assertEquals(1, sumBg, 1.1e-10, "BG/NBD, n up to " + n);
    assertEquals(1, sumMbg, 1.1e-10, "MBG/NBD, n up to " + n);
    assertTrue(meanBg <= bg.expectedPurchases(t) + 1e-9);
  }

  @ParameterizedTest
  @MethodSource("conditionalCases")
  void conditionalPmfSumsToOneWithMeanCet(int x, double share, double bigT, double t) {
    double tx = x == 0 ? 0 : share * bigT;
    double sum = 0;
    double mean = 0;
    for (int n = 0; n < 3000; n++) {
      double p = BG.conditionalProbabilityOfPurchases(n, x, tx, bigT, t);
      sum += p;
      mean += n * p;
    }
    assertEquals(1, sum, 1e-9);
    assertEquals(BG.conditionalExpectedPurchases(x, tx, bigT, t), mean, 1e-7 * (1 + mean));
    assertEquals(BG.probabilityNoPurchase(x, tx, bigT, t),
        BG.conditionalProbabilityOfPurchases(0, x, tx, bigT, t), 1e-12);
  }

  @ParameterizedTest
  @MethodSource("unitCases")
  void weeksAndDaysGiveTheSameAnswer(int x, double share, double bigT, double t) {
    double tx = x == 0 ? 0 : share * bigT;
    BgNbd days = BgNbd.of(BG.r(), BG.alpha() * 7, BG.a(), BG.b(), ChronoUnit.DAYS);
    MbgNbd mdays = MbgNbd.of(MBG.r(), MBG.alpha() * 7, MBG.a(), MBG.b(), ChronoUnit.DAYS);
    assertEquals(BG.probabilityAlive(x, tx, bigT), days.probabilityAlive(x, tx * 7, bigT * 7),
        1e-12);
    assertEquals(MBG.probabilityAlive(x, tx, bigT), mdays.probabilityAlive(x, tx * 7, bigT * 7),
        1e-12);
    double w = BG.conditionalExpectedPurchases(x, tx, bigT, t);
    assertEquals(w, days.conditionalExpectedPurchases(x, tx * 7, bigT * 7, t * 7),
        1e-9 * (1 + w));
    double mw = MBG.conditionalExpectedPurchases(x, tx, bigT, t);
    assertEquals(mw, mdays.conditionalExpectedPurchases(x, tx * 7, bigT * 7, t * 7),
        1e-9 * (1 + mw));
    assertEquals(BG.expectedPurchases(t), days.expectedPurchases(t * 7), 1e-9);
  }

  @ParameterizedTest
  @MethodSource("weightedCases")
  void weightedRowsEqualExpandedRowsInTheLikelihood(int rows, long seed, double r, double alpha,
      double a, double b) {
    Tables2 t = Tables2.random(rows, seed);
    BgNbd m = BgNbd.of(r, alpha, a, b, ChronoUnit.WEEKS);
    MbgNbd mm = MbgNbd.of(r, alpha, a, b, ChronoUnit.WEEKS);
    double lw = m.logLikelihood(t.weighted);
    double le = m.logLikelihood(t.expanded.compress());
    assertEquals(le, lw, 1e-9 * Math.abs(le));
    assertEquals(mm.logLikelihood(t.expanded.compress()), mm.logLikelihood(t.weighted),
        1e-9 * Math.abs(le));
    double direct = 0;
    for (int i = 0; i < t.expanded.size(); i++) {
      direct += m.logLikelihood(t.expanded.x(i), t.expanded.tx(i), t.expanded.T(i));
    }
    assertEquals(direct, lw, 1e-9 * Math.abs(direct));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fittingWeightedRowsEqualsFittingExpandedRows(long seed) {
    CustomerSummaries sim = BG.simulate(400, 39, seed);
    // duplicate-heavy weighted table: every simulated row with weight 1..3
    var rng = new java.util.SplittableRandom(seed);
    int n = sim.size();
    int[] x = sim.xs();
    double[] tx = sim.txs();
    double[] bigT = sim.Ts();
    double[] w = new double[n];
    List<Integer> expanded = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      w[i] = 1 + rng.nextInt(3);
      for (int k = 0; k < w[i]; k++) {
        expanded.add(i);
      }
    }
    WeightedSummaries weighted = WeightedSummaries.ofColumns(x, tx, bigT, w, ChronoUnit.WEEKS);
    int m = expanded.size();
    String[] ids = new String[m];
    int[] ex = new int[m];
    double[] etx = new double[m];
    double[] et = new double[m];
    for (int j = 0; j < m; j++) {
      int i = expanded.get(j);
      ids[j] = "c" + j;
      ex[j] = x[i];
      etx[j] = tx[i];
      et[j] = bigT[i];
    }
    BgNbd fw = BgNbd.fit(weighted);
    BgNbd fe = BgNbd.fit(CustomerSummaries.ofColumns(ids, ex, etx, et, ChronoUnit.WEEKS));
    assertEquals(fe.logLikelihood(), fw.logLikelihood(), 1e-6);
    assertEquals(fe.fitReport().customers(), fw.fitReport().customers());
    if (fe.fitReport().converged() && fw.fitReport().converged()) {
      assertEquals(fe.r(), fw.r(), 1e-4 * fe.r());
      assertEquals(fe.alpha(), fw.alpha(), 1e-4 * fe.alpha());
    }
  }

  /** A random weighted table and the same table expanded to one row per customer. */
  record Tables2(WeightedSummaries weighted, CustomerSummaries expanded) {
    static Tables2 random(int rows, long seed) {
      var rng = new java.util.SplittableRandom(seed);
      int[] x = new int[rows];
      double[] tx = new double[rows];
      double[] t = new double[rows];
      double[] w = new double[rows];
      List<String> ids = new ArrayList<>();
      List<double[]> exp = new ArrayList<>();
      for (int i = 0; i < rows; i++) {
        x[i] = rng.nextInt(3) == 0 ? 0 : rng.nextInt(40);
        t[i] = 1 + rng.nextInt(100) / 2.0;
        tx[i] = x[i] == 0 ? 0 : t[i] * rng.nextInt(11) / 10.0;
        w[i] = 1 + rng.nextInt(4);
        for (int k = 0; k < w[i]; k++) {
          ids.add("c" + ids.size());
          exp.add(new double[] {x[i], tx[i], t[i]});
        }
      }
      int m = exp.size();
      int[] ex = new int[m];
      double[] etx = new double[m];
      double[] et = new double[m];
      for (int j = 0; j < m; j++) {
        ex[j] = (int) exp.get(j)[0];
        etx[j] = exp.get(j)[1];
        et[j] = exp.get(j)[2];
      }
      return new Tables2(WeightedSummaries.ofColumns(x, tx, t, w, ChronoUnit.WEEKS),
          CustomerSummaries.ofColumns(ids.toArray(String[]::new), ex, etx, et,
              ChronoUnit.WEEKS));
    }
  }
}
