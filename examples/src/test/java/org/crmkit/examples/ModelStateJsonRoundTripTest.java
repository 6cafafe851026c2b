package org.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.crmkit.core.model.ModelState;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.io.json.ModelStateJson;
import org.crmkit.models.clv.BgNbd;
import org.crmkit.models.clv.GammaGamma;
import org.crmkit.models.clv.MbgNbd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real fitted models (crm-models) saved with crm-io's {@link ModelStateJson} and rebuilt with
 * their {@code from(state)}: the parameters, covariance, fit report and every prediction come
 * back identical to the bit. crm-io cannot see crm-models, so this test lives here.
 */
class ModelStateJsonRoundTripTest {

  private static CustomerSummaries summaries;

  @BeforeAll
  static void summaries() {
    summaries = CustomerSummaries.of(SampleData.cdnowSample(),
        SampleData.CDNOW_CALIBRATION_END, ChronoUnit.WEEKS);
  }

  private static ModelState throughFile(ModelState s, Path dir) throws IOException {
    Path f = dir.resolve("state.json");
    ModelStateJson.write(s, f);
    return ModelStateJson.read(f);
  }

  private static void assertSameBits(Map<String, Double> a, Map<String, Double> b) {
    assertEquals(a.keySet(), b.keySet());
    a.forEach((k, v) -> assertEquals(Double.doubleToRawLongBits(v),
        Double.doubleToRawLongBits(b.get(k)), k));
  }

  private static void assertSameBits(double[][] a, double[][] b) {
    assertEquals(a.length, b.length);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i]); // compares Double.doubleToLongBits
    }
  }

  @Test
  void bgNbd(@TempDir Path dir) throws IOException {
    BgNbd fit = BgNbd.fit(summaries);
    // ORACLES.md, BG/NBD on the CDNOW sample: r = 0.2425982 (BTYD); flat MLE, 1e-4.
    assertEquals(0.2425982, fit.r(), 1e-4);
    ModelState state = fit.state();
    assertEquals(state, throughFile(state, dir));
    BgNbd back = BgNbd.from(throughFile(state, dir));

    assertSameBits(fit.parameters(), back.parameters());
    assertSameBits(fit.covariance(), back.covariance());
    assertEquals(fit.fitReport(), back.fitReport());
    assertEquals(fit.unit(), back.unit());
    assertEquals(Double.doubleToRawLongBits(fit.logLikelihood()),
        Double.doubleToRawLongBits(back.logLikelihood()));
    assertArrayEquals(fit.conditionalExpectedPurchases(summaries, Period.ofWeeks(39)),
        back.conditionalExpectedPurchases(summaries, Period.ofWeeks(39)));
    assertArrayEquals(fit.probabilityAlive(summaries), back.probabilityAlive(summaries));
    assertEquals(Double.doubleToRawLongBits(fit.expectedPurchases(Period.ofWeeks(52))),
        Double.doubleToRawLongBits(back.expectedPurchases(Period.ofWeeks(52))));
    assertEquals(fit.toString(), back.toString());
  }

  @Test
  void mbgNbd(@TempDir Path dir) throws IOException {
    MbgNbd fit = MbgNbd.fit(summaries);
    // ORACLES.md, MBG/NBD on the CDNOW sample: r = 0.525 (recomputed, 3 decimals).
    assertEquals(0.525, fit.r(), 5e-4);
    MbgNbd back = MbgNbd.from(throughFile(fit.state(), dir));

    assertSameBits(fit.parameters(), back.parameters());
    assertSameBits(fit.covariance(), back.covariance());
    assertEquals(fit.fitReport(), back.fitReport());
    assertArrayEquals(fit.conditionalExpectedPurchases(summaries, Period.ofWeeks(39)),
        back.conditionalExpectedPurchases(summaries, Period.ofWeeks(39)));
    assertArrayEquals(fit.probabilityAlive(summaries), back.probabilityAlive(summaries));
    assertEquals(fit.toString(), back.toString());
  }

  @Test
  void gammaGamma(@TempDir Path dir) throws IOException {
    GammaGamma fit = GammaGamma.fit(summaries);
    // ORACLES.md, Gamma-Gamma on the 946 CDNOW repeat buyers: p = 6.24957 (MLE), 1e-3.
    assertEquals(6.24957, fit.p(), 1e-3);
    ModelState state = fit.state();
    assertEquals(null, state.unit(), "Gamma-Gamma has no time unit");
    assertTrue(ModelStateJson.toJson(state).contains("\"unit\" : null"));
    GammaGamma back = GammaGamma.from(throughFile(state, dir));

    assertEquals(state, back.state()); // the covariance included, compared bitwise
    assertSameBits(fit.parameters(), back.parameters());
    assertSameBits(fit.standardErrors(), back.standardErrors());
    assertEquals(fit.fitReport(), back.fitReport());
    assertEquals(Double.doubleToRawLongBits(fit.p()), Double.doubleToRawLongBits(back.p()));
    assertEquals(Double.doubleToRawLongBits(fit.q()), Double.doubleToRawLongBits(back.q()));
    assertEquals(Double.doubleToRawLongBits(fit.gamma()),
        Double.doubleToRawLongBits(back.gamma()));
    assertArrayEquals(fit.conditionalExpectedSpend(summaries),
        back.conditionalExpectedSpend(summaries));
    assertEquals(fit.toString(), back.toString());
  }

  @Test
  void givenParametersRoundTripWithoutAReport(@TempDir Path dir) throws IOException {
    BgNbd given = BgNbd.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.WEEKS);
    ModelState state = throughFile(given.state(), dir);
    assertEquals(null, state.report());
    assertArrayEquals(given.probabilityAlive(summaries),
        BgNbd.from(state).probabilityAlive(summaries));
  }

  @Test
  void paretoNbd(@TempDir Path dir) throws IOException {
    org.crmkit.models.clv.ParetoNbd fit = org.crmkit.models.clv.ParetoNbd.fit(summaries);
    // ORACLES.md, Pareto/NBD on the CDNOW sample: LL −9594.976 at the MLE.
    assertEquals(-9594.976, fit.logLikelihood(), 1e-2);
    ModelState state = fit.state();
    assertEquals(state, throughFile(state, dir));
    org.crmkit.models.clv.ParetoNbd back =
        org.crmkit.models.clv.ParetoNbd.from(throughFile(state, dir));
    assertSameBits(fit.parameters(), back.parameters());
    assertSameBits(fit.covariance(), back.covariance());
    assertEquals(fit.fitReport(), back.fitReport());
    assertArrayEquals(fit.probabilityAlive(summaries), back.probabilityAlive(summaries));
    assertArrayEquals(fit.conditionalExpectedPurchases(summaries, Period.ofWeeks(39)),
        back.conditionalExpectedPurchases(summaries, Period.ofWeeks(39)));
    assertEquals(fit.toString(), back.toString());
  }

  @Test
  void bgBbAndShiftedBetaGeometric(@TempDir Path dir) throws IOException {
    // BG/BB on a small recency/frequency table with counts (6 opportunities).
    var table = org.crmkit.core.summary.WeightedSummaries.ofColumns(
        new int[] {0, 1, 1, 2, 3, 4, 5, 6}, new double[] {0, 1, 5, 4, 6, 5, 6, 6},
        new double[] {6, 6, 6, 6, 6, 6, 6, 6}, new double[] {3464, 1091, 277, 356, 365, 413,
            573, 1203}, ChronoUnit.YEARS);
    org.crmkit.models.clv.BgBb bb = org.crmkit.models.clv.BgBb.fit(table);
    ModelState bbState = bb.state();
    assertEquals(bbState, throughFile(bbState, dir));
    org.crmkit.models.clv.BgBb bbBack = org.crmkit.models.clv.BgBb.from(throughFile(bbState, dir));
    assertSameBits(bb.parameters(), bbBack.parameters());
    assertArrayEquals(bb.conditionalExpectedTransactions(table, 5),
        bbBack.conditionalExpectedTransactions(table, 5));

    // ORACLES.md, sBG: the "regular" survivors per 1,000 for years 0..7.
    var sbg = org.crmkit.models.clv.ShiftedBetaGeometric.fit(1000, 631, 468, 382, 326, 289,
        262, 241);
    ModelState sbgState = sbg.state();
    assertEquals(sbgState, throughFile(sbgState, dir));
    var sbgBack = org.crmkit.models.clv.ShiftedBetaGeometric.from(throughFile(sbgState, dir));
    for (int t = 0; t <= 12; t++) {
      assertEquals(Double.doubleToRawLongBits(sbg.survival(t)),
          Double.doubleToRawLongBits(sbgBack.survival(t)), "S(" + t + ")");
    }
  }
}
