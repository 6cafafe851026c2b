package org.crmkit.models.clv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.crmkit.core.summary.CalibrationHoldout;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {

  static final Diagnostics BTYD = Diagnostics.of(BgNbdTest.BTYD);
  static final Diagnostics FIT = Diagnostics.of(BgNbdTest.FIT);

  @Test
  void holdoutConditionalExpectationByFrequencyMatchesThePublishedTable() {
    CalibrationHoldout ch = Cdnow.calibrationHoldout();
    Diagnostics.ConditionalExpectation ce = BTYD.conditionalExpectation(ch, 7);
    // ORACLES "BG/NBD": bins 0..7+, sizes, actual and model means at BTYD's estimates, 4
    // decimals (half a unit of the last digit).
    long[] sizes = {1411, 439, 214, 100, 62, 38, 29, 64};
    double[] act = {0.2367, 0.6970, 1.3925, 1.5600, 2.5323, 2.9474, 3.8621, 6.3594};
    double[] mod = {0.2251, 0.5231, 1.0441, 1.5203, 2.1638, 2.6538, 3.5040, 6.1570};
    assertArrayEquals(sizes, ce.customers());
    for (int b = 0; b < 8; b++) {
      assertEquals(act[b], ce.actualMean(b), 5e-5, "actual, bin " + b);
      assertEquals(mod[b], ce.expectedMean(b), 5e-5, "model, bin " + b);
    }
    assertEquals("7+", ce.label(7));
    // ORACLES "CDNOW conventions": 1,882 holdout repeat transactions; ΣCET = 1653.41 at the MLE
    // (recomputed, 2 decimals).
    assertEquals(1882, ce.actualTotal(), 0);
    assertEquals(1653.41, FIT.conditionalExpectation(ch, 7).expectedTotal(), 0.005);
    Table t = ce.toTable();
    assertEquals(List.of("frequency", "customers", "actual", "expected"), t.columns());
    assertEquals("7+", t.value(7, 0));
    assertEquals(64L, t.value(7, 1));
    // golden text: the ORACLES table, and ΣCET 1653.4 (ORACLES 1653.41 at the MLE; the same to
    // one decimal at BTYD's estimates)
    String expected = String.join(System.lineSeparator(),
        "BG/NBD holdout purchases by calibration frequency (holdout 39.0000): actual 1882.0, "
            + "expected 1653.4",
        "  frequency  customers    actual  expected",
        "          0      1,411    0.2367    0.2251",
        "          1        439    0.6970    0.5231",
        "          2        214    1.3925    1.0441",
        "          3        100    1.5600    1.5203",
        "          4         62    2.5323    2.1638",
        "          5         38    2.9474    2.6538",
        "          6         29    3.8621    3.5040",
        "         7+         64    6.3594    6.1570");
    assertEquals(expected, ce.toString());
  }

  @Test
  void conditionalExpectationConvertsUnits() {
    // the same split in days: the model (weeks) converts t_x, T and the holdout length
    CalibrationHoldout days = CalibrationHoldout.of(Cdnow.log(), Cdnow.CALIBRATION_END,
        Cdnow.HOLDOUT_END, ChronoUnit.DAYS);
    var w = BTYD.conditionalExpectation(Cdnow.calibrationHoldout(), 7);
    var d = BTYD.conditionalExpectation(days, 7);
    for (int b = 0; b < 8; b++) {
      assertEquals(w.expectedMean(b), d.expectedMean(b), 1e-12, "bin " + b);
    }
  }

  @Test
  void calibrationFrequencyHistogram() {
    CustomerSummaries s = Cdnow.weeks();
    Diagnostics.FrequencyHistogram h = FIT.frequencyHistogram(s, 7);
    // actual counts: the ORACLES bin sizes
    assertArrayEquals(new double[] {1411, 439, 214, 100, 62, 38, 29, 64}, h.actual(), 0);
    double[] e = h.expected();
    double total = 0;
    for (double v : e) {
      total += v;
    }
    assertEquals(2357, total, 1e-9);
    // grouping by T gives the per-customer sum Σ_i P(X(T_i) = x)
    for (int x = 0; x < 7; x++) {
      double direct = 0;
      for (int i = 0; i < s.size(); i++) {
        direct += BgNbdTest.FIT.probabilityOfPurchases(x, s.T(i));
      }
      assertEquals(direct, e[x], 1e-9, "x=" + x);
    }
    assertEquals(3, h.degreesOfFreedom());
    double chi = 0;
    for (int b = 0; b < 8; b++) {
      chi += (h.actual()[b] - e[b]) * (h.actual()[b] - e[b]) / e[b];
    }
    assertEquals(chi, h.chiSquare(), 1e-9);
    double p = h.pValue();
    assertTrue(p > 0 && p < 1, () -> "p=" + p);
    assertEquals(List.of("frequency", "actual", "expected"), h.toTable().columns());
    assertThrows(IllegalStateException.class, () -> FIT.frequencyHistogram(s, 3).pValue());
  }

  @Test
  void trackingCountsRepeatPurchasesPerWeek() {
    Diagnostics.Tracking t = FIT.tracking(Cdnow.log(), Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END,
        ChronoUnit.WEEKS);
    assertEquals(78, t.periods());
    assertEquals(LocalDate.of(1997, 1, 1), t.start());
    assertEquals(LocalDate.of(1997, 9, 30), t.periodEnd(39));
    assertFalse(t.isHoldout(39));
    assertTrue(t.isHoldout(40));
    assertEquals(LocalDate.of(1998, 6, 30), t.periodEnd(78));
    // ORACLES "CDNOW conventions": Σx = 2,457 calibration repeat purchases, 1,882 in the holdout
    assertEquals(2457, t.actualCumulative(39));
    assertEquals(2457 + 1882, t.actualCumulative(78));
    // the model's cumulative at the calibration end is Σ_i E[X(T_i)]
    CustomerSummaries s = Cdnow.weeks();
    double direct = 0;
    for (int i = 0; i < s.size(); i++) {
      direct += BgNbdTest.FIT.expectedPurchases(s.T(i));
    }
    assertEquals(direct, t.expectedCumulative(39), 1e-9);
    double sum = 0;
    for (int k = 1; k <= 78; k++) {
      sum += t.expected(k);
      assertTrue(t.expected(k) >= 0, "period " + k);
    }
    assertEquals(t.expectedCumulative(78), sum, 1e-9);
    Table table = t.toTable();
    assertEquals(List.of("period", "period_end", "holdout", "actual", "expected",
        "actual_cumulative", "expected_cumulative"), table.columns());
    assertEquals(LocalDate.of(1997, 9, 30), table.value(38, 1));
    assertEquals(2457L, table.value(38, 5));
    // months: the same purchases, other bins; the last (partial) month ends on the end date
    Diagnostics.Tracking m = FIT.tracking(Cdnow.log(), Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END,
        ChronoUnit.MONTHS);
    assertEquals(2457 + 1882, m.actualCumulative(m.periods()));
    assertEquals(LocalDate.of(1998, 6, 30), m.periodEnd(m.periods()));
    assertEquals(t.expectedCumulative(78), m.expectedCumulative(m.periods()), 1e-9);
  }

  @Test
  void aliveMatrix() {
    Diagnostics.RecencyFrequencyMatrix m = FIT.probabilityAliveMatrix(39, 10, 4);
    assertEquals(10, m.maxFrequency());
    assertArrayEquals(new double[] {0, 9.75, 19.5, 29.25, 39}, m.recency(), 0);
    assertTrue(m.isPresent(0, 0));
    assertFalse(m.isPresent(0, 1));
    assertThrows(IllegalArgumentException.class, () -> m.value(0, 2));
    for (int x = 1; x <= 10; x++) {
      for (int j = 0; j <= 4; j++) {
        assertEquals(BgNbdTest.FIT.probabilityAlive(x, m.recency()[j], 39), m.value(x, j), 0);
      }
    }
    Table t = m.toTable();
    assertEquals(11 * 5, t.rowCount());
    assertEquals(List.of("frequency", "recency", "p_alive"), t.columns());
    assertEquals(null, t.value(1, 2)); // x = 0, t_x = 9.75
    assertEquals(1.0, t.value(0, 2));
    var cet = FIT.expectedTransactionsMatrix(39, 3, 2, 52);
    assertEquals(BgNbdTest.FIT.conditionalExpectedPurchases(2, 19.5, 39, 52), cet.value(2, 1),
        0);
  }

  @Test
  void bgBbDiagnostics() {
    BgBb model = BgBbTest.FIT;
    Diagnostics d = Diagnostics.of(model);
    WeightedSummaries s = Donations.weighted();
    Diagnostics.FrequencyHistogram h = d.frequencyHistogram(s, 6);
    // donors by number of repeat donations in 1996..2001 (sums of the table's weights)
    assertArrayEquals(new double[] {3464, 1823, 1430, 1085, 1036, 1063, 1203}, h.actual(), 0);
    for (int x = 0; x < 6; x++) {
      assertEquals(11104 * model.probabilityOfTransactions(x, 6), h.expected()[x], 1e-8);
    }
    Diagnostics.RecencyFrequencyMatrix m = d.probabilityAliveMatrix(6, 6, 6);
    for (int x = 0; x <= 6; x++) {
      for (int tx = 0; tx <= 6; tx++) {
        boolean possible = x <= tx && (x == 0) == (tx == 0);
        assertEquals(possible, m.isPresent(x, tx), x + "," + tx);
        if (possible) {
          assertEquals(model.probabilityAlive(x, tx, 6, 1), m.value(x, tx), 0);
        }
      }
    }
    var e = assertThrows(IllegalArgumentException.class, () -> d.tracking(Cdnow.log(),
        Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END, ChronoUnit.WEEKS));
    assertTrue(e.getMessage().contains("discrete-time"), e.getMessage());
  }

  @Test
  void informationCriteria() {
    MbgNbd mbg = MbgNbd.fit(Cdnow.weeks());
    var ic = Diagnostics.informationCriteria(List.of(BgNbdTest.FIT.state(), mbg.state(),
        BgBbTest.FIT.state()));
    assertEquals(3, ic.rows().size());
    // ORACLES: BG/NBD LL −9582.4292 (from the transactions), MBG/NBD −9582.136 (recomputed)
    var bg = ic.rows().get(0);
    assertEquals("BG/NBD", bg.model());
    assertEquals(4, bg.parameters());
    assertEquals(2 * 4 + 2 * 9582.4292, bg.aic(), 1e-3);
    assertEquals(4 * Math.log(2357) + 2 * 9582.4292, bg.bic(), 1e-3);
    assertEquals(2 * 4 + 2 * 9582.136, ic.rows().get(1).aic(), 2e-3);
    assertEquals(BgBbTest.FIT.aic(), ic.rows().get(2).aic(), 1e-9);
    assertEquals(List.of("model", "parameters", "customers", "log_likelihood", "aic", "bic",
        "converged"), ic.toTable().columns());
    assertTrue(ic.toString().startsWith("Information criteria"), ic::toString);
    var e = assertThrows(IllegalArgumentException.class,
        () -> Diagnostics.informationCriteria(List.of(BgNbdTest.BTYD.state())));
    assertTrue(e.getMessage().contains("states[0] (BG/NBD) was built from given parameters"),
        e.getMessage());
  }

  @Test
  void badInput() {
    CustomerSummaries s = Cdnow.weeks();
    var e = assertThrows(IllegalArgumentException.class,
        () -> BTYD.conditionalExpectation(s, new int[3], 39, 7));
    assertTrue(e.getMessage().contains("holdout has 3 values, the calibration summaries 2357"),
        e.getMessage());
    int[] holdout = new int[s.size()];
    holdout[4] = -1;
    e = assertThrows(IllegalArgumentException.class,
        () -> BTYD.conditionalExpectation(s, holdout, 39, 7));
    assertTrue(e.getMessage().contains("row 5, customer '" + s.customerId(4)
        + "': holdout purchases must be >= 0: -1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BTYD.tracking(Cdnow.log(),
        Cdnow.CALIBRATION_END, LocalDate.of(1997, 9, 1), ChronoUnit.WEEKS));
    assertTrue(e.getMessage().contains("end (1997-09-01) must not be before calibrationEnd"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> BTYD.frequencyHistogram(s, 0));
    assertTrue(e.getMessage().contains("topBin must be > 0: 0"), e.getMessage());
  }
}
