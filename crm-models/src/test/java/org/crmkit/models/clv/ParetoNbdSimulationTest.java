package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.crmkit.core.summary.CustomerSummaries;
import org.junit.jupiter.api.Test;

class ParetoNbdSimulationTest {

  @Test
  void recoversItsParametersFrom50000DailyCustomers() {
    // Truth: the CDNOW estimates in days (α, β times 7); T = 189..273 days, as the cohort's ages.
    ParetoNbd truth = ParetoNbd.of(0.553, 10.578 * 7, 0.606, 11.669 * 7, ChronoUnit.DAYS);
    double[] t = new double[50_000];
    for (int i = 0; i < t.length; i++) {
      t[i] = 189 + 7 * (i % 13);
    }
    CustomerSummaries sim = truth.simulate(t, 20260102L);
    ParetoNbd fit = ParetoNbd.fit(sim);
    assertTrue(fit.fitReport().converged(), fit::toString);
    Map<String, Double> se = fit.standardErrors();
    for (var e : truth.parameters().entrySet()) {
      double z = (fit.parameters().get(e.getKey()) - e.getValue()) / se.get(e.getKey());
      assertTrue(Math.abs(z) < 3, () -> e.getKey() + ": " + fit);
    }
  }

  @Test
  void simulatedMeanFrequencyMatchesTheExpectation() {
    ParetoNbd m = ParetoNbd.of(0.8, 6, 0.9, 15, ChronoUnit.WEEKS);
    CustomerSummaries sim = m.simulate(50_000, 39, 99L);
    double mean = (double) sim.totalRepeatPurchases() / sim.size();
    double second = 0;
    for (int i = 0; i < sim.size(); i++) {
      second += (double) sim.x(i) * sim.x(i) / sim.size();
    }
    double sd = Math.sqrt(second - mean * mean);
    // E[X(39)] from the closed form; the sample mean is within 4 standard errors
    assertEquals(m.expectedPurchases(39), mean, 4 * sd / Math.sqrt(sim.size()));
    // and the share of zeros matches P(X(39) = 0)
    long zeros = 0;
    for (int i = 0; i < sim.size(); i++) {
      zeros += sim.x(i) == 0 ? 1 : 0;
    }
    double p0 = m.probabilityOfPurchases(0, 39);
    assertEquals(p0, (double) zeros / sim.size(), 4 * Math.sqrt(p0 * (1 - p0) / sim.size()));
  }
}
