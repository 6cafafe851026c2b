package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.special.Beta;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;

class BgNbdProperties {

  private static final BgNbd BG = BgNbd.of(0.2425982, 4.4136842, 0.7929899, 2.4261667,
      ChronoUnit.WEEKS);
  private static final MbgNbd MBG = MbgNbd.of(0.525, 6.183, 0.891, 1.614, ChronoUnit.WEEKS);

  @Property(tries = 500)
  void pAliveIsAProbability(@ForAll @IntRange(max = 5000) int x,
      @ForAll @DoubleRange(min = 0, max = 1) double share,
      @ForAll @DoubleRange(min = 0, max = 2000) double bigT,
      @ForAll @DoubleRange(min = 0.01, max = 20) double r,
      @ForAll @DoubleRange(min = 0.01, max = 200) double alpha,
      @ForAll @DoubleRange(min = 0.01, max = 20) double a,
      @ForAll @DoubleRange(min = 0.01, max = 20) double b) {
    double tx = x == 0 ? 0 : share * bigT;
    for (double p : new double[] {BG.probabilityAlive(x, tx, bigT),
        MBG.probabilityAlive(x, tx, bigT),
        BgNbd.of(r, alpha, a, b, ChronoUnit.DAYS).probabilityAlive(x, tx, bigT),
        MbgNbd.of(r, alpha, a, b, ChronoUnit.DAYS).probabilityAlive(x, tx, bigT)}) {
      assertTrue(p >= 0 && p <= 1, () -> "p=" + p);
    }
  }

  @Property(tries = 60)
  void pmfSumsToOne(@ForAll @DoubleRange(min = 0.05, max = 3) double r,
      @ForAll @DoubleRange(min = 1, max = 50) double alpha,
      @ForAll @DoubleRange(min = 0.2, max = 5) double a,
      @ForAll @DoubleRange(min = 0.2, max = 10) double b,
      @ForAll @DoubleRange(min = 0.1, max = 100) double t) {
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

  @Property(tries = 40)
  void conditionalPmfSumsToOneWithMeanCet(@ForAll @IntRange(max = 60) int x,
      @ForAll @DoubleRange(min = 0, max = 1) double share,
      @ForAll @DoubleRange(min = 1, max = 60) double bigT,
      @ForAll @DoubleRange(min = 0.5, max = 60) double t) {
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

  @Property(tries = 200)
  void weeksAndDaysGiveTheSameAnswer(@ForAll @IntRange(max = 300) int x,
      @ForAll @DoubleRange(min = 0, max = 1) double share,
      @ForAll @DoubleRange(min = 0, max = 150) double bigT,
      @ForAll @DoubleRange(min = 0, max = 200) double t) {
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

  @Property(tries = 100)
  void weightedRowsEqualExpandedRowsInTheLikelihood(
      @ForAll @IntRange(min = 1, max = 30) int rows, @ForAll long seed,
      @ForAll @DoubleRange(min = 0.05, max = 5) double r,
      @ForAll @DoubleRange(min = 0.5, max = 40) double alpha,
      @ForAll @DoubleRange(min = 0.1, max = 5) double a,
      @ForAll @DoubleRange(min = 0.1, max = 5) double b) {
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

  @Property(tries = 4)
  void fittingWeightedRowsEqualsFittingExpandedRows(@ForAll long seed) {
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
