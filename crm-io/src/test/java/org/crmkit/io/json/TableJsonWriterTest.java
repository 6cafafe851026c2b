package org.crmkit.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

class TableJsonWriterTest {

  private static final Table TABLE = ColumnTable.builder(2)
      .strings("customer", new String[] {"A", "B \"q\""})
      .longs("x", new int[] {1, 0})
      .doubles("monetary", new double[] {12.5, Double.NaN})
      .booleans("repeat", new boolean[] {true, false})
      .build();

  private static String write(TableJsonWriter w) throws IOException {
    var out = new ByteArrayOutputStream();
    w.write(TABLE, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonIsAnArrayOfRowObjects() throws IOException {
    assertEquals("[{\"customer\":\"A\",\"x\":1,\"monetary\":12.5,\"repeat\":true},"
        + "{\"customer\":\"B \\\"q\\\"\",\"x\":0,\"monetary\":null,\"repeat\":false}]",
        write(TableJsonWriter.json()));
  }

  @Test
  void jsonLinesHasOneObjectPerLine() throws IOException {
    assertEquals("{\"customer\":\"A\",\"x\":1,\"monetary\":12.5,\"repeat\":true}\n"
        + "{\"customer\":\"B \\\"q\\\"\",\"x\":0,\"monetary\":null,\"repeat\":false}\n",
        write(TableJsonWriter.jsonLines()));
  }
}
