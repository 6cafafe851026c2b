package org.crmkit.models.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.rfm.RfmScorer;
import org.crmkit.core.rfm.RfmTable;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

class FeatureTableTest {

  private static TransactionLog log() {
    return TransactionLog.builder()
        .add("A", LocalDate.of(2020, 1, 1), 10)
        .add("A", LocalDate.of(2020, 1, 11), 30)
        .add("A", LocalDate.of(2020, 1, 11), 5)
        .add("B", LocalDate.of(2020, 1, 21), 7)
        .build();
  }

  // Hand computation at 2020-01-31: A last bought on 01-11 (20 days), 3 orders, revenue 45;
  // B on 01-21 (10 days), 1 order, revenue 7.
  @Test
  void fromRfm() {
    RfmTable rfm = RfmScorer.builder().bins(2).build().score(log(), LocalDate.of(2020, 1, 31));
    FeatureTable f = FeatureTable.fromRfm(rfm);
    assertEquals(List.of("recency_days", "orders", "monetary"), f.columns());
    assertArrayEquals(new String[] {"A", "B"}, f.customerIds());
    assertArrayEquals(new double[] {20, 3, 45}, f.row(0), 0.0);
    assertArrayEquals(new double[] {10, 1, 7}, f.row(1), 0.0);
  }

  // Hand computation in days at 2020-01-31: A: x = 1 (two purchase days), t_x = 10, T = 30,
  // since last = 20, monetary = 35 (the repeat day 01-11), orders 3, total 45.
  // B: x = 0, t_x = 0, T = 10, since last 10, monetary 0, orders 1, total 7.
  @Test
  void fromSummaries() {
    CustomerSummaries s = CustomerSummaries.of(log(), LocalDate.of(2020, 1, 31), ChronoUnit.DAYS);
    FeatureTable f = FeatureTable.fromSummaries(s);
    assertEquals(List.of("x", "t_x", "T", "since_last_purchase", "monetary", "orders",
        "total_spend"), f.columns());
    assertArrayEquals(new double[] {1, 10, 30, 20, 35, 3, 45}, f.row(0), 1e-12);
    assertArrayEquals(new double[] {0, 0, 10, 10, 0, 1, 7}, f.row(1), 1e-12);
    FeatureTable cols = FeatureTable.fromSummaries(CustomerSummaries.ofColumns(
        new String[] {"u"}, new int[] {2}, new double[] {3}, new double[] {5}, ChronoUnit.WEEKS));
    assertEquals(List.of("x", "t_x", "T", "since_last_purchase"), cols.columns());
  }

  @Test
  void userAttributesJoinAndSelect() {
    FeatureTable f = FeatureTable.builder(new String[] {"A", "B", "C"})
        .column("orders", new int[] {3, 1, 2})
        .column("spend", new double[] {45, 7, 20})
        .build();
    FeatureTable g = f.with("tickets", Map.of("C", 5, "A", 0, "B", 2, "Z", 9));
    assertEquals(List.of("orders", "spend", "tickets"), g.columns());
    assertArrayEquals(new double[] {0, 2, 5}, g.column("tickets"), 0.0);
    FeatureTable other = FeatureTable.of(new String[] {"C", "A", "B"}, new String[] {"nps"},
        new double[][] {{9}, {10}, {3}});
    FeatureTable j = g.join(other);
    assertArrayEquals(new double[] {3, 45, 0, 10}, j.row(0), 0.0);
    assertArrayEquals(new double[] {2, 20, 5, 9}, j.row(2), 0.0);
    FeatureTable s = j.select("nps", "orders");
    assertEquals(List.of("nps", "orders"), s.columns());
    assertArrayEquals(new double[] {3, 1}, s.row(1), 0.0);
    assertEquals(1, s.indexOf("B"));
    assertEquals(-1, s.indexOf("Z"));
    Table t = s.toTable();
    assertEquals(List.of("customer", "nps", "orders"), t.columns());
    assertEquals("C", t.value(2, 0));
    assertEquals(9.0, t.value(2, 1));
  }

  @Test
  void nonFiniteFeaturesAreRejectedNamingCustomerAndColumn() {
    var e = assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(
        new String[] {"A", "B"}, new String[] {"orders", "spend"},
        new double[][] {{1, 2}, {3, Double.NaN}}));
    assertEquals("row 2, customer 'B': feature 'spend' must be finite: NaN", e.getMessage());
    var inf = assertThrows(IllegalArgumentException.class, () -> FeatureTable.builder(
        new String[] {"A"}).column("v", new double[] {Double.POSITIVE_INFINITY}).build());
    assertTrue(inf.getMessage().contains("customer 'A'") && inf.getMessage().contains("'v'")
        && inf.getMessage().contains("Infinity"), inf.getMessage());
    FeatureTable f = FeatureTable.of(new String[] {"A"}, new String[] {"v"},
        new double[][] {{1}});
    var w = assertThrows(IllegalArgumentException.class,
        () -> f.with("w", new double[] {Double.NaN}));
    assertTrue(w.getMessage().contains("customer 'A'") && w.getMessage().contains("'w'"),
        w.getMessage());
  }

  @Test
  void shapeErrors() {
    var dup = assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(
        new String[] {"A", "A"}, new String[] {"v"}, new double[][] {{1}, {2}}));
    assertTrue(dup.getMessage().contains("row 2, customer 'A'"), dup.getMessage());
    var len = assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(
        new String[] {"A", "B"}, new String[] {"v", "w"}, new double[][] {{1, 2}, {2}}));
    assertTrue(len.getMessage().contains("row 2, customer 'B': 1 values for 2 columns"),
        len.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(
        new String[] {"A"}, new String[] {"v", "v"}, new double[][] {{1, 2}}));
    assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(
        new String[0], new String[] {"v"}, new double[0][]));
    FeatureTable f = FeatureTable.of(new String[] {"A", "B"}, new String[] {"v"},
        new double[][] {{1}, {2}});
    var missing = assertThrows(IllegalArgumentException.class,
        () -> f.with("t", Map.of("A", 1)));
    assertTrue(missing.getMessage().contains("customer 'B'")
        && missing.getMessage().contains("missing"), missing.getMessage());
    var join = assertThrows(IllegalArgumentException.class, () -> f.join(FeatureTable.of(
        new String[] {"A", "C"}, new String[] {"w"}, new double[][] {{1}, {2}})));
    assertTrue(join.getMessage().contains("'B'"), join.getMessage());
    assertThrows(IllegalArgumentException.class, () -> f.select("nope"));
    assertThrows(IllegalArgumentException.class, () -> f.with("v", new double[] {1, 2}));
  }

  @Test
  void arraysAreCopied() {
    double[][] rows = {{1, 2}};
    FeatureTable f = FeatureTable.of(new String[] {"A"}, new String[] {"v", "w"}, rows);
    rows[0][0] = 99;
    assertEquals(1, f.value(0, 0), 0.0);
    f.row(0)[0] = 99;
    f.column("v")[0] = 99;
    assertEquals(1, f.value(0, 0), 0.0);
    assertFalse(f.toString().isEmpty());
  }
}
