package org.crmkit.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DataQualityTest {

  // Hand count: 6 rows; row 6 repeats row 1; one missing id; one unparseable and one negative
  // amount (range [0, 1e6]); one date after the as-of day, one date that is not a date.
  @Test
  void profilesEveryDimension() throws IOException {
    String csv = """
        id,date,amount,note
        A,2024-01-01,10,
        ,2024-01-02,5,x
        B,2024-02-30,abc,y
        C,2025-06-01,-3,
        A,2024-01-03,7,z
        A,2024-01-01,10,
        """;
    QualityReport q = DataQuality.of(CsvFormat.csv())
        .key(Column.named("id"))
        .date(Column.named("date"), DateFormat.iso())
        .number(Column.named("amount"), 0, 1e6)
        .asOf(LocalDate.of(2024, 12, 31))
        .profile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "q.csv");
    assertEquals(6, q.rows());
    assertEquals(1, q.duplicateRows());
    var id = q.columns().get(0);
    assertEquals("key", id.role());
    assertEquals(5, id.filled());
    assertEquals(3, id.distinct());
    assertEquals(5.0 / 6, q.completeness(0), 1e-12);
    var date = q.columns().get(1);
    assertEquals(1, date.invalid());
    assertEquals(1, date.future());
    assertEquals("2024-01-01", date.min());
    assertEquals("2025-06-01", date.max());
    var amount = q.columns().get(2);
    assertEquals(2, amount.invalid());
    assertEquals("5.0", amount.min());
    assertEquals("10.0", amount.max());
    var note = q.columns().get(3);
    assertEquals("text", note.role());
    assertEquals(3, note.filled());
    assertEquals(4, q.toTable().rowCount());
  }
}
