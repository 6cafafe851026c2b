package org.crmkit.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

class TableCsvWriterTest {

  private static String csv(TableCsvWriter w, Table t) throws IOException {
    var out = new ByteArrayOutputStream();
    w.write(t, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesHeaderTypedCellsAndQuotes() throws IOException {
    Table t = ColumnTable.builder(3)
        .strings("customer", new String[] {"A", "Smith, J", null})
        .longs("x", new int[] {1, 0, 7})
        .doubles("amount", new double[] {-12.5, 0.1, Double.NaN})
        .dates("first", i -> i == 2 ? null : LocalDate.of(2024, 1, 1 + i))
        .build();
    assertEquals("""
        customer,x,amount,first
        A,1,-12.5,2024-01-01
        "Smith, J",0,0.1,2024-01-02
        ,7,,
        """, csv(TableCsvWriter.standard(), t));
  }

  // OWASP CSV injection: text cells starting with = + - @ tab CR get a leading apostrophe;
  // numbers are never touched. (Jackson quotes cells that start with an apostrophe.)
  @Test
  void formulaLikeTextIsNeutralisedButNumbersAreNot() throws IOException {
    Table t = ColumnTable.builder(5)
        .strings("name", new String[] {"=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "plain"})
        .doubles("amount", new double[] {-1, -2, -3, -4, -5})
        .build();
    assertEquals("""
        name,amount
        "'=HYPERLINK(""x"")",-1.0
        "'+1",-2.0
        "'-2",-3.0
        "'@SUM(A1)",-4.0
        plain,-5.0
        """, csv(TableCsvWriter.standard(), t));
    assertEquals("name,amount\n-2,-3.0\n", csv(TableCsvWriter.standard().withoutNeutralising(),
        ColumnTable.builder(1).strings("name", new String[] {"-2"})
            .doubles("amount", new double[] {-3}).build()));
  }

  @Test
  void doublesRoundTripExactly() throws IOException {
    double[] v = {Math.PI, 1e-300, 123456789.123456789, -0.0, 2.0 / 3};
    String text = csv(TableCsvWriter.standard(),
        ColumnTable.builder(v.length).doubles("v", v).build());
    String[] lines = text.split("\n");
    for (int i = 0; i < v.length; i++) {
      assertEquals(Double.doubleToLongBits(v[i]),
          Double.doubleToLongBits(Double.parseDouble(lines[i + 1])));
    }
  }
}
