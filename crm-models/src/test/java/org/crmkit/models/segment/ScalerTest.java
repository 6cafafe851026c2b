package org.crmkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScalerTest {

  private static FeatureTable table() {
    return FeatureTable.of(new String[] {"A", "B", "C", "D"}, new String[] {"v", "money", "c"},
        new double[][] {{1, 0, 7}, {2, 9, 7}, {3, 99, 7}, {4, 999, 7}});
  }

  // Hand computation, v = 1, 2, 3, 4: mean 2.5, population sd √1.25 (scikit-learn's
  // StandardScaler divides by n); robust: median 2.5, Q1 = 1.75, Q3 = 3.25 (type 7: h = 0.75,
  // 2.25), IQR 1.5.
  @Test
  void zScoreAndRobust() {
    FittedScaler z = Scaler.zScore().fit(table());
    assertEquals(2.5, z.center("v"), 1e-15);
    assertEquals(Math.sqrt(1.25), z.scale("v"), 1e-15);
    FeatureTable zt = z.transform(table());
    assertArrayEquals(new double[] {-1.5 / Math.sqrt(1.25), -0.5 / Math.sqrt(1.25),
        0.5 / Math.sqrt(1.25), 1.5 / Math.sqrt(1.25)}, zt.column("v"), 1e-15);
    FittedScaler r = Scaler.robust().fit(table());
    assertEquals(2.5, r.center("v"), 1e-15);
    assertEquals(1.5, r.scale("v"), 1e-15);
    assertArrayEquals(new double[] {-1, -1.0 / 3, 1.0 / 3, 1}, r.transform(table()).column("v"),
        1e-15);
  }

  // money = 0, 9, 99, 999 → log1p = ln 1, ln 10, ln 100, ln 1000 = 0, 1, 2, 3 × ln 10; mean
  // 1.5 ln 10, sd √1.25 ln 10.
  @Test
  void log1pThenScale() {
    FittedScaler s = Scaler.zScore().withLog1p("money").fit(table());
    double ln10 = Math.log(10);
    assertTrue(s.isLog1p("money"));
    assertEquals(1.5 * ln10, s.center("money"), 1e-13);
    assertEquals(Math.sqrt(1.25) * ln10, s.scale("money"), 1e-13);
    double[] z = s.transform(table()).column("money");
    assertEquals(-1.5 / Math.sqrt(1.25), z[0], 1e-13);
    assertEquals(1.5 / Math.sqrt(1.25), z[3], 1e-13);
    // inverse: back to dollars
    FeatureTable scaled = s.transform(table());
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(table().row(i), s.inverse(scaled.row(i)), 1e-9);
    }
    FittedScaler onlyLog = Scaler.none().withLog1p("money").fit(table());
    assertEquals(Math.log(1000), onlyLog.transform(table()).column("money")[3], 1e-15);
  }

  @Test
  void aConstantColumnIsOnlyCentered() {
    FittedScaler s = Scaler.zScore().fit(table());
    assertTrue(s.scaleWasZero("c"));
    assertFalse(s.scaleWasZero("v"));
    assertEquals(1, s.scale("c"), 0.0);
    assertArrayEquals(new double[] {0, 0, 0, 0}, s.transform(table()).column("c"), 0.0);
    assertTrue(s.toString().contains("(was 0)"), s::toString);
  }

  @Test
  void newCustomersAreScaledWithTheFittedValues() {
    FittedScaler s = Scaler.robust().withLog1p("money").fit(table());
    FeatureTable fresh = FeatureTable.of(new String[] {"E"}, new String[] {"v", "money", "c"},
        new double[][] {{5.5, 9999, 7}});
    double[] z = s.transform(fresh).row(0);
    assertEquals((5.5 - 2.5) / 1.5, z[0], 1e-15);
    assertEquals((Math.log(10000) - s.center("money")) / s.scale("money"), z[1], 1e-15);
    assertEquals("E", s.transform(fresh).customerId(0));
  }

  @Test
  void errorsNameTheProblem() {
    FittedScaler s = Scaler.zScore().fit(table());
    FeatureTable reordered = table().select("money", "v", "c");
    var e = assertThrows(IllegalArgumentException.class, () -> s.transform(reordered));
    assertEquals("column mismatch: the scaler was made on columns [v, money, c], this feature"
        + " table has [money, v, c]", e.getMessage());
    var missing = assertThrows(IllegalArgumentException.class,
        () -> Scaler.zScore().withLog1p("spend").fit(table()));
    assertTrue(missing.getMessage().contains("'spend'"), missing.getMessage());
    FeatureTable neg = FeatureTable.of(new String[] {"A", "B"}, new String[] {"money"},
        new double[][] {{3}, {-1}});
    var log = assertThrows(IllegalArgumentException.class,
        () -> Scaler.zScore().withLog1p("money").fit(neg));
    assertEquals("row 2, customer 'B': feature 'money' must be > -1 for log1p: -1.0",
        log.getMessage());
  }
}
