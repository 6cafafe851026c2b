package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.crmkit.core.summary.CustomerSummaries;
import org.junit.jupiter.api.Test;

class SimulationTest {

  /** T = 27..39 weeks, as the CDNOW cohort's ages. */
  private static double[] ages(int n) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 27 + (i % 13);
    }
    return t;
  }

  private static void assertWithin3Se(Map<String, Double> truth, Map<String, Double> est,
      Map<String, Double> se, String what) {
    for (String k : truth.keySet()) {
      double z = (est.get(k) - truth.get(k)) / se.get(k);
      assertTrue(Math.abs(z) < 3, () -> what + " " + k + ": truth " + truth.get(k) + ", estimate "
          + est.get(k) + ", se " + se.get(k));
    }
  }

  @Test
  void bgNbdRecoversItsParametersFrom50000Customers() {
    BgNbd truth = BgNbd.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.WEEKS);
    CustomerSummaries sim = truth.simulate(ages(50_000), 20260101L);
    BgNbd fit = BgNbd.fit(sim);
    assertTrue(fit.fitReport().converged(), fit::toString);
    assertWithin3Se(truth.parameters(), fit.parameters(), fit.standardErrors(), "BG/NBD");
  }

  @Test
  void mbgNbdRecoversItsParametersFrom50000Customers() {
    MbgNbd truth = MbgNbd.of(0.525, 6.183, 0.891, 1.614, ChronoUnit.DAYS);
    double[] t = ages(50_000);
    for (int i = 0; i < t.length; i++) {
      t[i] *= 7;
    }
    CustomerSummaries sim = truth.simulate(t, 7L);
    MbgNbd fit = MbgNbd.fit(sim);
    assertTrue(fit.fitReport().converged(), fit::toString);
    assertWithin3Se(truth.parameters(), fit.parameters(), fit.standardErrors(), "MBG/NBD");
  }

  @Test
  void simulatedMeanFrequencyMatchesTheExpectation() {
    BgNbd m = BgNbd.of(0.5, 3, 0.7, 2.5, ChronoUnit.WEEKS);
    CustomerSummaries sim = m.simulate(50_000, 39, 99L);
    double mean = (double) sim.totalRepeatPurchases() / sim.size();
    double second = 0;
    for (int i = 0; i < sim.size(); i++) {
      second += (double) sim.x(i) * sim.x(i) / sim.size();
    }
    double se = Math.sqrt((second - mean * mean) / sim.size());
    assertEquals(m.expectedPurchases(39), mean, 4 * se);
    for (int i = 0; i < sim.size(); i++) {
      assertTrue(sim.tx(i) <= sim.T(i));
    }
  }
}
