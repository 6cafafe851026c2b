package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast likelihood paths (per point in linear scale, per distinct time, fast compression)
 * give the reference row-by-row values: {@link BgFamily#logLikelihood(boolean, double[], Rows,
 * double[])} and the single-customer Pareto/NBD likelihood.
 */
class ClvLikelihoodProperties {

  private static double logU(SplittableRandom r, double lo, double hi) {
    return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * r.nextDouble());
  }

  /**
   * A daily-like table: few distinct times (whole days), many rows per (x, u) point; with
   * {@code huge} some rows have x in the thousands, so that the terms of one x span far more
   * than e^600 when α is small (the log-space fallback).
   */
  static Rows table(long seed, int n, boolean huge) {
    var r = new SplittableRandom(seed);
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = huge && r.nextInt(4) == 0 ? 1000 + 1500 * r.nextInt(3) : r.nextInt(3) == 0 ? 0
          : r.nextInt(8);
      t[i] = 20 + r.nextInt(15);
      tx[i] = x[i] == 0 ? 0 : r.nextInt((int) t[i] + 1);
      w[i] = 1 + r.nextInt(3);
    }
    return Rows.of(WeightedSummaries.ofColumns(x, tx, t, w, ChronoUnit.DAYS));
  }

  static Stream<Arguments> cases() {
    return Cases.random(301L, 60, r -> Arguments.of(r.nextLong(), r.nextBoolean(),
        r.nextInt(5) == 0, new double[] {logU(r, 0.05, 5), logU(r, 1e-3, 100), logU(r, 0.05, 5),
            logU(r, 0.05, 50)}));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void bgFamilyPathsAgree(long seed, boolean modified, boolean huge, double[] theta) {
    Rows rows = table(seed, 3000, huge);
    double[] g0 = new double[4];
    double ref = BgFamily.logLikelihood(modified, theta, rows, g0);
    ParetoNbdPoints pts = ParetoNbdPoints.of(rows);
    assertTrue(2 * pts.size() <= rows.size(), "the table must exercise the point path");
    double[] g1 = new double[4];
    double byPoints = ClvBgLikelihood.logLikelihood(modified, theta, pts, g1);
    double[] g2 = new double[4];
    double byTimes = ClvBgLikelihood.byTimes(modified, theta, rows,
        ClvCompression.Ranks.of(rows.T), ClvCompression.Ranks.of(rows.tx), g2);
    assertEquals(ref, byPoints, 1e-11 * Math.abs(ref));
    assertEquals(ref, byTimes, 1e-11 * Math.abs(ref));
    for (int k = 0; k < 4; k++) {
      assertEquals(g0[k], g1[k], 1e-9 * (Math.abs(g0[k]) + 1), "gradient " + k);
      assertEquals(g0[k], g2[k], 1e-9 * (Math.abs(g0[k]) + 1), "gradient " + k);
    }
    assertEquals(ref, ClvBgLikelihood.of(modified, rows).logLikelihood(theta, null),
        1e-11 * Math.abs(ref));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void paretoNbdTableEqualsTheSumOfCustomers(long seed, boolean unused, boolean huge,
      double[] theta) {
    Rows rows = table(seed, 600, huge);
    double ll = ParetoNbdFunctions.logLikelihood(theta, ParetoNbdPoints.of(rows), null);
    double direct = 0;
    for (int i = 0; i < rows.size(); i++) {
      direct += rows.w[i] * ParetoNbdFunctions.logLikelihood(theta[0], theta[1], theta[2],
          theta[3], rows.x[i], rows.tx[i], rows.T[i]);
    }
    assertEquals(direct, ll, 1e-10 * Math.abs(direct));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void paretoNbdGradientMatchesCentralDifferences(long seed, boolean unused, boolean huge,
      double[] theta) {
    ParetoNbdPoints pts = ParetoNbdPoints.of(table(seed, 300, huge));
    double[] g = new double[4];
    double ll = ParetoNbdFunctions.logLikelihood(theta, pts, g);
    for (int k = 0; k < 4; k++) {
      double h = 1e-6 * theta[k];
      double[] up = theta.clone();
      double[] down = theta.clone();
      up[k] += h;
      down[k] -= h;
      double num = (ParetoNbdFunctions.logLikelihood(up, pts, null)
          - ParetoNbdFunctions.logLikelihood(down, pts, null)) / (2 * h);
      int kk = k;
      assertEquals(num, g[k], 1e-5 * (Math.abs(num) + 1) + 1e-9 * Math.abs(ll) / h,
          () -> "dLL/d" + kk);
    }
  }

  static Stream<Arguments> compressionCases() {
    return Cases.random(302L, 40, r -> Arguments.of(r.nextLong(), 1 + r.nextInt(5000)));
  }

  @ParameterizedTest
  @MethodSource("compressionCases")
  void fastCompressionEqualsTheSortedOne(long seed, int n) {
    var r = new SplittableRandom(seed);
    String[] ids = new String[n];
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    boolean continuous = r.nextBoolean();
    for (int i = 0; i < n; i++) {
      ids[i] = "c" + i;
      x[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(r.nextBoolean() ? 5 : 100_000);
      t[i] = continuous ? 50 * r.nextDouble() : r.nextInt(30);
      tx[i] = x[i] == 0 ? 0 : continuous ? t[i] * r.nextDouble() : r.nextInt((int) t[i] + 1);
    }
    CustomerSummaries s = CustomerSummaries.ofColumns(ids, x, tx, t, ChronoUnit.WEEKS);
    Rows fast = ClvCompression.of(s);
    WeightedSummaries slow = s.compress(); // comparator sort in crm-core
    assertEquals(slow.size(), fast.size());
    for (int i = 0; i < fast.size(); i++) {
      assertEquals(slow.x(i), fast.x[i]);
      assertEquals(slow.tx(i), fast.tx[i]);
      assertEquals(slow.T(i), fast.T[i]);
      assertEquals(slow.weight(i), fast.w[i]);
    }
    Rows again = ClvCompression.of(slow);
    for (int i = 0; i < fast.size(); i++) {
      assertEquals(fast.w[i], again.w[i]);
      assertEquals(fast.tx[i], again.tx[i]);
    }
  }
}
