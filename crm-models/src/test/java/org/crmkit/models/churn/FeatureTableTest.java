package org.crmkit.models.churn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

class FeatureTableTest {

  static final FeatureTable T = FeatureTable.of(new String[] {"a", "b", "c"},
      new String[] {"x", "y"}, new double[][] {{1, 2}, {3, 4}, {5, 6}});

  @Test
  void accessorsCopiesAndSelections() {
    assertEquals(3, T.size());
    assertEquals(List.of("x", "y"), T.featureNames());
    assertArrayEquals(new double[] {2, 4, 6}, T.column("y"));
    assertArrayEquals(new double[] {3, 4}, T.row(1));
    assertEquals(4, T.value(1, "y"));
    double[] col = T.column("x");
    col[0] = 99;
    assertEquals(1, T.value(0, 0), "arrays are copied out");
    FeatureTable s = T.select("y", "x");
    assertArrayEquals(new double[] {4, 3}, s.row(1));
    assertEquals(List.of("x"), T.without("y").featureNames());
    FeatureTable w = T.withColumn("z", new double[] {7, 8, 9});
    assertEquals(9, w.value(2, "z"));
    FeatureTable r = T.rowsAt(new int[] {2, 0});
    assertArrayEquals(new String[] {"c", "a"}, r.customerIds());
    assertArrayEquals(new double[] {5, 6}, r.row(0));
  }

  @Test
  void joinMatchesByCustomer() {
    Map<String, double[]> clv = new LinkedHashMap<>();
    clv.put("clv", new double[] {30, 10, 20, 40});
    FeatureTable other = FeatureTable.ofColumns(new String[] {"c", "a", "b", "zz"}, clv);
    FeatureTable j = T.join(other);
    assertArrayEquals(new double[] {10, 20, 30}, j.column("clv"));
    var missing = assertThrows(IllegalArgumentException.class,
        () -> other.join(T.withColumn("q", new double[3]).select("q")));
    assertTrue(missing.getMessage().contains("customer 'zz'"), missing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> T.join(T));
  }

  @Test
  void nonFiniteValuesAreRejectedWithRowCustomerAndFeature() {
    var nan = assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(
        new String[] {"a", "b"}, new String[] {"x", "y"},
        new double[][] {{1, 2}, {3, Double.NaN}}));
    assertEquals("row 2, customer 'b': feature 'y' is NaN; features must be finite",
        nan.getMessage());
    var inf = assertThrows(IllegalArgumentException.class,
        () -> T.withColumn("z", new double[] {1, Double.POSITIVE_INFINITY, 3}));
    assertTrue(inf.getMessage().contains("customer 'b'") && inf.getMessage().contains("Infinity"),
        inf.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(new String[] {"a", "a"},
        new String[] {"x"}, new double[][] {{1}, {2}}));
    assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(new String[] {"a"},
        new String[] {"x", "x"}, new double[][] {{1, 2}}));
    var ragged = assertThrows(IllegalArgumentException.class, () -> FeatureTable.of(
        new String[] {"a", "b"}, new String[] {"x"}, new double[][] {{1}, {2, 3}}));
    assertTrue(ragged.getMessage().contains("row 2"), ragged.getMessage());
    assertThrows(IllegalArgumentException.class, () -> T.column("nope"));
  }

  @Test
  void toTableForWriting() {
    Table t = T.toTable();
    assertEquals(List.of("customer", "x", "y"), t.columns());
    assertEquals("b", t.value(1, 0));
    assertEquals(4.0, t.value(1, 2));
  }
}
