package org.crmkit.io.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.crmkit.core.customer.Instrument;
import org.crmkit.core.table.Table;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mangled rows and random bytes through the customer, survey, ticket and table readers, strict
 * and lenient: a read returns or throws an IOException (the documented
 * {@link CsvReadException}, or a decoding error for invalid UTF-8), never another exception —
 * in particular never an IllegalArgumentException from a record's constructor, which the readers
 * must pre-empt with a bad-row report. The timeout guards against a hang only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordReadersHostileProperties {

  private static final String HEADER = "id,when,score,kind,extra\n";

  private static final String[] CELLS = {"A", "", " ", "\"", "\"\"", "2024-01-01",
      "2024-02-30", "2024-01-01T10:00:00Z", "1899-12-31T23:59:59Z", "2200-01-01T00:00:00Z",
      "1e999", "-0", "-1", "0", "1", "7", "10", "11", "7.5", "12,50", "NaN", "=cmd()", "\uFEFF",
      "\u0000", "99999999999999999999", "nps", "CSAT", "ces", "low", "HIGH", "true", "False",
      "yes", "maybe", "\n", "\r\n", "\t", ",", "a\"b", "\u00e9\u0416"};

  private static List<Reader> readers(boolean lenient) {
    return List.of(
        in -> CustomerCsvReader.builder().id(Column.named("id"))
            .acquisitionDate(Column.named("when"), DateFormat.iso())
            .acquisitionCost(Column.named("score")).lenient(lenient).build().read(in, "c.csv"),
        in -> SurveyResponseCsvReader.builder().customer(Column.named("id"))
            .date(Column.named("when"), DateFormat.isoInstant()).score(Column.named("score"))
            .instrument(Column.named("kind")).touchpoint(Column.named("extra"))
            .lenient(lenient).build().read(in, "s.csv"),
        in -> SurveyResponseCsvReader.builder().customer(Column.named("id"))
            .date(Column.named("when"), DateFormat.iso()).score(Column.named("score"))
            .instrument(Instrument.NPS).lenient(lenient).build().read(in, "n.csv"),
        in -> ServiceTicketCsvReader.builder().customer(Column.named("id"))
            .opened(Column.named("when"), DateFormat.isoInstant())
            .resolved(Column.named("extra")).channel(Column.named("kind"))
            .category(Column.named("kind")).severity(Column.named("kind"))
            .contacts(Column.named("score")).reopened(Column.named("extra"))
            .lenient(lenient).build().read(in, "t.csv"),
        in -> TableCsvReader.builder().column(Column.named("when"), Table.Type.DATE)
            .column(Column.named("score"), Table.Type.DOUBLE)
            .column(Column.named("kind"), Table.Type.BOOLEAN)
            .column(Column.named("extra"), Table.Type.LONG)
            .lenient(lenient).build().read(in, "x.csv"));
  }

  /** One reader applied to a stream. */
  private interface Reader {
    Object read(ByteArrayInputStream in) throws IOException;
  }

  private static void readsOrFailsCleanly(byte[] bytes) {
    for (boolean lenient : new boolean[] {false, true}) {
      for (Reader r : readers(lenient)) {
        CsvTestInput.readsOrFailsCleanly(() -> r.read(new ByteArrayInputStream(bytes)));
      }
    }
  }

  static Stream<Arguments> mangledRows() {
    return Cases.random(64L, 200, r -> Arguments.of(CsvTestInput.mangledRows(r, HEADER, 15, 8,
        c -> CsvTestInput.cell(c, CELLS, 4, 12, 0x500))));
  }

  @ParameterizedTest
  @MethodSource("mangledRows")
  void mangledRowsReadOrFailCleanly(String text) {
    readsOrFailsCleanly(text.getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> randomBytes() {
    return Cases.random(65L, 100, r -> {
      byte[] b = CsvTestInput.randomBytes(r, 800);
      byte[] head = HEADER.getBytes(StandardCharsets.UTF_8);
      if (r.nextBoolean() && b.length >= head.length) {
        System.arraycopy(head, 0, b, 0, head.length); // get past the header more often
      }
      return Arguments.of((Object) b);
    });
  }

  @ParameterizedTest
  @MethodSource("randomBytes")
  void randomBytesReadOrFailCleanly(byte[] bytes) {
    readsOrFailsCleanly(bytes);
  }
}
