package org.crmkit.io.csv;

import static org.crmkit.io.csv.CsvTestInput.resource;
import static org.crmkit.io.csv.CsvTestInput.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.table.Table;
import org.junit.jupiter.api.Test;

/**
 * The generic typed-table reader on the survival data of ../shared/data/survival (copied into
 * data/survival). Expected counts and sums were computed with Python 3's csv module from the
 * same files.
 */
class TableCsvReaderTest {

  private static long sumLong(Table t, String column) {
    int c = t.columns().indexOf(column);
    long s = 0;
    for (int r = 0; r < t.rowCount(); r++) {
      s += (Long) t.value(r, c);
    }
    return s;
  }

  private static long count(Table t, String column, Object value) {
    int c = t.columns().indexOf(column);
    long n = 0;
    for (int r = 0; r < t.rowCount(); r++) {
      n += java.util.Objects.equals(t.value(r, c), value) ? 1 : 0;
    }
    return n;
  }

  // Python csv: 432 rows, 114 arrests, Σ week = 19,809, Σ prio = 1,289.
  @Test
  void rossi() throws IOException {
    var b = TableCsvReader.builder();
    for (String c : List.of("week", "arrest", "fin", "age", "race", "wexp", "mar", "paro",
        "prio")) {
      b.column(Column.named(c), Table.Type.LONG);
    }
    Table t = b.build().read(resource("/data/survival/rossi.csv"), "rossi.csv").table();
    assertEquals(432, t.rowCount());
    assertEquals(9, t.columnCount());
    assertEquals(114, sumLong(t, "arrest"));
    assertEquals(19809, sumLong(t, "week"));
    assertEquals(1289, sumLong(t, "prio"));
    assertEquals(Table.Type.LONG, t.type(0));
  }

  // Python csv: 163 rows, Σ T = 8,087.0, Σ E = 156; 129 control and 34 miR-137.
  @Test
  void waltons() throws IOException {
    Table t = TableCsvReader.builder()
        .column(Column.named("T"), Table.Type.DOUBLE)
        .column(Column.named("E"), Table.Type.LONG)
        .build().read(resource("/data/survival/waltons_dataset.csv"), "waltons.csv").table();
    assertEquals(163, t.rowCount());
    double sum = 0;
    for (int r = 0; r < t.rowCount(); r++) {
      sum += (Double) t.value(r, 0);
    }
    assertEquals(8087.0, sum, 0.0); // sums of small whole numbers are exact
    assertEquals(156, sumLong(t, "E"));
    assertEquals(Table.Type.STRING, t.type(2));
    assertEquals(129, count(t, "group", "control"));
    assertEquals(34, count(t, "group", "miR-137"));
  }

  // Python csv: 17 rows, event True 6 times and False 11 times, Σ time = 755.
  @Test
  void g3WithBooleans() throws IOException {
    Table t = TableCsvReader.builder()
        .column(Column.named("event"), Table.Type.BOOLEAN)
        .column(Column.named("time"), Table.Type.LONG)
        .column(Column.named("age"), Table.Type.LONG)
        .build().read(resource("/data/survival/g3.csv"), "g3.csv").table();
    assertEquals(17, t.rowCount());
    assertEquals(List.of("no.", "age", "sex", "histology", "group", "event", "time"),
        t.columns());
    assertEquals(6, count(t, "event", true));
    assertEquals(11, count(t, "event", false));
    assertEquals(755, sumLong(t, "time"));
    assertEquals("Female", t.value(0, 2));
  }

  // Python csv: 1,808 rows, 7 empty politycode cells, Σ duration = 9,119, Σ observed = 1,468;
  // row 268 (0-based 267) is Canada, "Paul Joseph Martin, Jr." (a quoted comma).
  @Test
  void ddWithQuotedCommasAndMissingNumbers() throws IOException {
    Table t = TableCsvReader.builder()
        .column(Column.named("politycode"), Table.Type.DOUBLE)
        .column(Column.named("start_year"), Table.Type.LONG)
        .column(Column.named("duration"), Table.Type.LONG)
        .column(Column.named("observed"), Table.Type.LONG)
        .build().read(resource("/data/survival/dd.csv"), "dd.csv").table();
    assertEquals(1808, t.rowCount());
    assertEquals(12, t.columnCount());
    assertEquals(7, count(t, "politycode", null));
    assertEquals(9119, sumLong(t, "duration"));
    assertEquals(1468, sumLong(t, "observed"));
    assertEquals("Paul Joseph Martin, Jr.", t.value(267, t.columns().indexOf("ehead")));
    assertEquals(20.0, t.value(267, t.columns().indexOf("politycode")));
  }

  @Test
  void onlyDeclaredColumnsDatesAndDirtyRows() throws IOException {
    String csv = """
        id,when,score,ok,note
        a,2024-01-31,7,true,x
        b,,7.0,TRUE,
        c,2024-02-30,3,false,
        d,2024-03-01,,maybe,
        e,,,,
        """;
    var r = TableCsvReader.builder()
        .column(Column.named("id"), Table.Type.STRING)
        .date(Column.named("when"), DateFormat.iso())
        .column(Column.named("score"), Table.Type.LONG)
        .column(Column.named("ok"), Table.Type.BOOLEAN)
        .onlyDeclared()
        .lenient(true)
        .build().read(text(csv), "t.csv");
    Table t = r.table();
    assertEquals(List.of("id", "when", "score", "ok"), t.columns());
    assertEquals(2, t.rowCount());
    assertEquals(LocalDate.of(2024, 1, 31), t.value(0, 1));
    assertEquals(7L, t.value(0, 2));
    assertEquals(true, t.value(0, 3));
    assertEquals("e", t.value(1, 0));
    assertNull(t.value(1, 1));
    assertNull(t.value(1, 2));
    assertNull(t.value(1, 3));
    assertEquals(1L, r.report().skippedByReason().get("score is not a whole number"));
    assertEquals(1L, r.report().skippedByReason().get("ok is not true or false"));
    assertEquals(3, r.report().rowsSkipped());
  }

  @Test
  void shortRowsAndUnnamedFilesAreErrors() {
    var e = assertThrows(CsvReadException.class, () -> TableCsvReader.builder().build()
        .read(text("a,b,c\n1,2\n"), "s.csv"));
    assertEquals("s.csv, line 2: has 2 fields, needs at least 3", e.getMessage());
    assertThrows(IllegalStateException.class, () -> TableCsvReader.builder()
        .format(CsvFormat.csv().withHeader(false)).build());
    assertThrows(IllegalArgumentException.class, () -> TableCsvReader.builder()
        .column(Column.named("a"), Table.Type.LONG).column(Column.named("a"), Table.Type.LONG));
  }

  @Test
  void headerlessWithDeclaredPositions() throws IOException {
    Table t = TableCsvReader.builder()
        .format(CsvFormat.whitespaceSeparated())
        .column(Column.at(2), Table.Type.LONG)
        .column(Column.at(0), Table.Type.STRING)
        .onlyDeclared()
        .build().read(text("  x  y  3\n p q 4\n"), "w.txt").table();
    assertEquals(List.of("#2", "#0"), t.columns());
    assertEquals(4L, t.value(1, 0));
    assertEquals("p", t.value(1, 1));
  }
}
