package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.crmkit.core.model.FitReport;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.summary.WeightedSummaries;
import org.junit.jupiter.api.Test;

class LikelihoodRatioTestTest {

  @Test
  void pValueIsTheChiSquaredTail() {
    // df = 1: P(χ²₁ ≥ q) = erfc(√(q/2)); df = 2: e^(−q/2); df = 4: e^(−q/2) (1 + q/2)
    LikelihoodRatioTest one = LikelihoodRatioTest.of(-105.2, -103.277, 1);
    assertEquals(3.846, one.statistic(), 1e-12);
    assertEquals(Erf.erfc(Math.sqrt(3.846 / 2)), one.pValue(), 1e-14);
    assertEquals(0.04987, one.pValue(), 1e-5); // just under 5% at the familiar 3.84
    LikelihoodRatioTest two = LikelihoodRatioTest.of(-50, -47, 2);
    assertEquals(Math.exp(-3), two.pValue(), 1e-15);
    LikelihoodRatioTest four = LikelihoodRatioTest.of(-50, -45, 4);
    assertEquals(Math.exp(-5) * (1 + 5), four.pValue(), 1e-15);
    assertEquals("LR test: statistic 10.00, df 4, p 0.0404", four.toString());
  }

  @Test
  void equalFitsGivePOne() {
    assertEquals(1, LikelihoodRatioTest.of(-10, -10, 3).pValue());
    // a restricted LL above the full one within optimiser tolerance is a zero statistic
    LikelihoodRatioTest t = LikelihoodRatioTest.of(-9582.4292 + 1e-7, -9582.4292, 1);
    assertEquals(0, t.statistic());
    assertEquals(1, t.pValue());
    var e = assertThrows(IllegalArgumentException.class,
        () -> LikelihoodRatioTest.of(-9000, -9582.4292, 1));
    assertTrue(e.getMessage().contains("not nested"), e.getMessage());
  }

  @Test
  void paretoNbdAgainstTheNbdOnCdnow() {
    // The NBD (no dropout) is the Pareto/NBD with μ = 0: L = Γ(r+x)/Γ(r) (α/(α+T))^r (1/(α+T))^x.
    // Its MLE on the CDNOW sample, maximised here by Newton's method on (ln r, ln α) with a
    // numerical Hessian: FHL 2005 (Marketing Science 24(2), Table 1) report LL −9763.7.
    WeightedSummaries w = Cdnow.weeks().compress();
    double[] u = {Math.log(0.4), Math.log(10)};
    for (int it = 0; it < 100; it++) {
      double[] g = new double[2];
      double[][] h = new double[2][2];
      double eps = 1e-4;
      for (int i = 0; i < 2; i++) {
        double[] up = u.clone();
        double[] dn = u.clone();
        up[i] += eps;
        dn[i] -= eps;
        g[i] = (nbd(w, up) - nbd(w, dn)) / (2 * eps);
        for (int j = 0; j < 2; j++) {
          double[] uu = up.clone();
          double[] ud = up.clone();
          double[] du = dn.clone();
          double[] dd = dn.clone();
          uu[j] += eps;
          ud[j] -= eps;
          du[j] += eps;
          dd[j] -= eps;
          h[i][j] = (nbd(w, uu) - nbd(w, ud) - nbd(w, du) + nbd(w, dd)) / (4 * eps * eps);
        }
      }
      double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
      u[0] -= (h[1][1] * g[0] - h[0][1] * g[1]) / det;
      u[1] -= (-h[1][0] * g[0] + h[0][0] * g[1]) / det;
    }
    double llNbd = nbd(w, u);
    assertEquals(-9763.7, llNbd, 0.05); // FHL 2005, one decimal
    ParetoNbd full = ParetoNbdTest.FIT;
    LikelihoodRatioTest t = LikelihoodRatioTest.of(llNbd, full.logLikelihood(), 2);
    assertEquals(2 * (9763.7 - 9594.976), t.statistic(), 0.1);
    assertTrue(t.pValue() < 1e-50, t::toString);
    // the same through the models' states (df = 4 − 2)
    var p = new LinkedHashMap<String, Double>();
    p.put("r", Math.exp(u[0]));
    p.put("alpha", Math.exp(u[1]));
    FitReport fr = full.fitReport();
    ModelState nbd = new ModelState("NBD", ChronoUnit.WEEKS, p, List.of(), new FitReport(true,
        100, 100, "Newton", 0, llNbd, 0, 1, fr.customers(), fr.rows(), new ArrayList<>()));
    assertEquals(t, LikelihoodRatioTest.of(nbd, full.state()));
    assertThrows(IllegalArgumentException.class,
        () -> LikelihoodRatioTest.of(full.state(), nbd));
  }

  /** The NBD log-likelihood at (ln r, ln α). */
  private static double nbd(WeightedSummaries w, double[] u) {
    double r = Math.exp(u[0]);
    double alpha = Math.exp(u[1]);
    double ll = 0;
    for (int i = 0; i < w.size(); i++) {
      int x = w.x(i);
      double t = w.T(i);
      ll += w.weight(i) * (org.apache.commons.math3.special.Gamma.logGamma(r + x)
          - org.apache.commons.math3.special.Gamma.logGamma(r) + r * Math.log(alpha / (alpha + t))
          - x * Math.log(alpha + t));
    }
    return ll;
  }
}
