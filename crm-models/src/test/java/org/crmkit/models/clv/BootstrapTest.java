package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  static final WeightedSummaries DONATIONS = Donations.weighted();

  /** BG/BB parameters plus a prediction: total expected donations in the next 5 years. */
  static Map<String, Double> statistics(BgBb m) {
    var s = new java.util.LinkedHashMap<String, Double>(m.parameters());
    double[] cet = m.conditionalExpectedTransactions(DONATIONS, 5);
    double total = 0;
    for (int i = 0; i < cet.length; i++) {
      total += DONATIONS.weight(i) * cet[i];
    }
    s.put("CET(5) total", total);
    return s;
  }

  static Bootstrap.Result inPool(int threads, Bootstrap b) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(() -> b.run(DONATIONS, BgBb::fit, BootstrapTest::statistics)).get();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void sameSeedSameResultWhateverTheNumberOfThreads() throws Exception {
    Bootstrap b = Bootstrap.withDefaults().withReplicates(24).withSeed(11);
    Bootstrap.Result one = inPool(1, b);
    Bootstrap.Result three = inPool(3, b);
    assertEquals(one, three);
    assertEquals(one.toString(), three.toString());
    assertEquals(one, b.run(DONATIONS, BgBb::fit, BootstrapTest::statistics));
    assertNotEquals(one, inPool(2, b.withSeed(12)));
  }

  @Test
  void parameterIntervalsAgreeWithTheHessian() {
    Bootstrap.Result r = Bootstrap.withDefaults().withReplicates(60).withSeed(3)
        .run(DONATIONS, BgBb::fit, BootstrapTest::statistics);
    assertEquals(60, r.used());
    assertEquals(List.of("alpha", "beta", "gamma", "delta", "CET(5) total"),
        r.intervals().stream().map(Bootstrap.Interval::name).toList());
    Map<String, Double> se = BgBbTest.FIT.standardErrors();
    for (String p : se.keySet()) {
      Bootstrap.Interval i = r.interval(p);
      assertEquals(BgBbTest.FIT.parameters().get(p), i.estimate(), 0, p);
      assertTrue(i.lower() < i.estimate() && i.estimate() < i.upper(), i::toString);
      // 60 replicates estimate a standard error to about ±10%; the bootstrap and the Hessian
      // estimate the same quantity.
      assertEquals(se.get(p), i.standardError(), 0.3 * se.get(p), p);
    }
    Bootstrap.Interval cet = r.interval("CET(5) total");
    assertEquals(12884.2, cet.estimate(), 0.05);
    assertTrue(cet.lower() < 12884.2 && 12884.2 < cet.upper(), cet::toString);
    double[] draws = r.draws("CET(5) total");
    assertEquals(60, draws.length);
    java.util.Arrays.sort(draws);
    assertEquals(Bootstrap.quantile(draws, 0.025), cet.lower(), 0);
    Table t = r.toTable();
    assertEquals(List.of("statistic", "estimate", "std_error", "lower", "upper"), t.columns());
    assertEquals(5, t.rowCount());
    String text = r.toString();
    assertTrue(text.startsWith("Bootstrap: 60 replicates (60 used, 0 failed, 0 not converged), "
        + "seed 3, 95% percentile intervals" + System.lineSeparator()
        + "  statistic       estimate     std.err       lower       upper"), text);
  }

  @Test
  void weightedResamplingIsMultinomial() {
    // Resampling N = 11,104 donors: the share with x = 0 has mean 3464/11104 and binomial
    // standard error sqrt(p(1−p)/N) = 0.004393.
    Function<WeightedSummaries, WeightedSummaries> identity = s -> s;
    Bootstrap.Result r = Bootstrap.withDefaults().withReplicates(400).withSeed(5)
        .run(DONATIONS, identity, s -> {
          double zero = 0;
          for (int i = 0; i < s.size(); i++) {
            if (s.x(i) == 0) {
              zero += s.weight(i);
            }
          }
          return Map.of("share0", zero / s.totalWeight(), "n", s.totalWeight());
        });
    double p = 3464.0 / 11104;
    double se = Math.sqrt(p * (1 - p) / 11104);
    double[] d = r.draws("share0");
    double mean = 0;
    for (double v : d) {
      mean += v;
    }
    mean /= d.length;
    assertEquals(p, mean, 4 * se / Math.sqrt(400));
    assertEquals(se, r.interval("share0").standardError(), 0.15 * se);
    assertEquals(0, r.interval("n").standardError(), 0);
    assertEquals(11104, r.interval("n").lower(), 0);
  }

  @Test
  void customerLevelResamplingKeepsMonetaryValues() {
    CustomerSummaries s = Cdnow.weeks();
    Bootstrap.Result r = Bootstrap.withDefaults().withReplicates(30).withSeed(9)
        .run(s, GammaGamma::fit, g -> Map.of("mean spend", g.populationMeanSpend()));
    assertEquals(30, r.used());
    Bootstrap.Interval i = r.interval("mean spend");
    // ORACLES "Gamma-Gamma": population mean spend pγ/(q−1) = 35.17 at the MLE
    assertEquals(35.17, i.estimate(), 0.005);
    assertTrue(i.lower() < 35.17 && 35.17 < i.upper(), i::toString);
  }

  @Test
  void failuresAndNonConvergenceAreCountedNotHidden() {
    // a fit that rejects resamples with an odd number of x = 0 donors (the data have 3,464):
    // about half fail
    Bootstrap.Result r = Bootstrap.withDefaults().withReplicates(20).withSeed(1)
        .run(DONATIONS, s -> {
          if (s.x(0) == 0 && s.weight(0) % 2 == 1) {
            throw new IllegalArgumentException("odd");
          }
          return BgBb.fit(s);
        }, BgBb::parameters);
    assertTrue(r.failed() > 0 && r.failed() < 20, r::toString);
    assertEquals(20, r.used() + r.failed());
    assertTrue(r.failures().get(0).contains("IllegalArgumentException: odd"), r::toString);
    assertTrue(r.toString().contains("left out: replicate "), r::toString);
    // one iteration never converges: every replicate is left out, and that is an error
    var e = assertThrows(IllegalStateException.class, () -> Bootstrap.withDefaults()
        .withReplicates(5).run(DONATIONS, s -> BgBb.withDefaults().withMaxIterations(1)
            .withMaxEvaluations(10).fit(s), BgBb::parameters));
    assertTrue(e.getMessage().contains("only 0 of 5 bootstrap replicates succeeded"),
        e.getMessage());
    assertTrue(e.getMessage().contains("fit did not converge"), e.getMessage());
  }

  @Test
  void javadocExamplesRun() {
    // the class Javadoc's examples, with few replicates
    CustomerSummaries summaries = Cdnow.weeks();
    Bootstrap.Result r = Bootstrap.withDefaults().withReplicates(3).withSeed(7)
        .run(summaries, BgNbd::fit, m -> Map.of("E[X(52)]", m.expectedPurchases(52)));
    Bootstrap.Result p = Bootstrap.withDefaults().withReplicates(3)
        .run(summaries, BgNbd::fit, BgNbd::parameters);
    // BTYD: E[X(52)] = 1.444004 at its estimates, 1e-4 at ours (BgNbdTest)
    assertEquals(1.444004, r.interval("E[X(52)]").estimate(), 1e-4);
    assertEquals(List.of("r", "alpha", "a", "b"),
        p.intervals().stream().map(Bootstrap.Interval::name).toList());
    // and the BG/BB example of BgBb's Javadoc
    BgBb fit = BgBb.fit(DONATIONS);
    assertTrue(fit.conditionalExpectedTransactions(4, 5, 6, 5) > 0);
    assertTrue(fit.probabilityAlive(4, 5, 6, 1) < 1);
    ShiftedBetaGeometric m = ShiftedBetaGeometric.fit(1000, 869, 743, 653, 593, 551, 517, 491);
    assertEquals(12, m.project(1000, 12).periods());
    assertTrue(m.discountedExpectedResidualLifetime(3, 0.10) > 0);
  }

  @Test
  void badOptions() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Bootstrap.withDefaults().withLevel(1));
    assertTrue(e.getMessage().contains("level must be in (0, 1): 1.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Bootstrap.withDefaults().withReplicates(1));
    assertTrue(e.getMessage().contains("replicates must be >= 2: 1"), e.getMessage());
  }
}
