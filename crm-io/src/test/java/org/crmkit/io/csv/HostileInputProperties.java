package org.crmkit.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.crmkit.core.testing.Cases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random bytes and mangled rows: a read ends with a result or with an IOException (the
 * documented {@link CsvReadException}, or a decoding error for invalid UTF-8), never with another
 * exception or a hang.
 */
class HostileInputProperties {

  private static final TransactionCsvReader TRANSACTIONS = TransactionCsvReader.builder()
      .customer(Column.named("id"))
      .date(Column.named("date"), DateFormat.iso())
      .amount(Column.named("amount"))
      .build();

  private static final String[] CELLS = {"A", "", " ", "\"", "\"\"", "2024-01-01", "2024-13-45",
      "1e999", "-0", "12,50", "NaN", "=cmd()", "\uFEFF", "\u0000", "99999999999999999999", "\n",
      "\r\n", "\t", ",", "a\"b"};

  private static void readsOrFailsCleanly(byte[] bytes) {
    CsvTestInput.readsOrFailsCleanly(
        () -> TRANSACTIONS.read(new ByteArrayInputStream(bytes), "fuzz.csv"));
    CsvTestInput.readsOrFailsCleanly(() -> SummaryCsvReader.lifetimesStyle(ChronoUnit.WEEKS)
        .withLenient(true).read(new ByteArrayInputStream(bytes), "fuzz.csv"));
    CsvTestInput.readsOrFailsCleanly(() -> DataQuality.of(CsvFormat.csv())
        .profile(new ByteArrayInputStream(bytes), "fuzz.csv"));
  }

  static Stream<Arguments> randomBytes() {
    return Cases.random(61L, 300, r -> Arguments.of((Object) CsvTestInput.randomBytes(r, 2001)));
  }

  @ParameterizedTest
  @MethodSource("randomBytes")
  void randomBytesReadOrFailCleanly(byte[] bytes) {
    readsOrFailsCleanly(bytes);
  }

  static Stream<Arguments> mangledRows() {
    return Cases.random(62L, 300, r -> Arguments.of(CsvTestInput.mangledRows(r,
        "id,date,amount\n", 21, 7, c -> CsvTestInput.cell(c, CELLS, 3, 21, 0x3000))));
  }

  @ParameterizedTest
  @MethodSource("mangledRows")
  void mangledRowsReadOrFailCleanly(String text) {
    readsOrFailsCleanly(text.getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> fieldSizes() {
    return Stream.concat(
        Stream.of(DelimitedRows.MAX_FIELD_LENGTH, DelimitedRows.MAX_FIELD_LENGTH + 1)
            .map(Arguments::of),
        Cases.random(63L, 18, r -> Arguments.of(1 + r.nextInt(300_000))));
  }

  @ParameterizedTest
  @MethodSource("fieldSizes")
  void hugeFieldsHitTheReadLimitNotTheHeap(int size) {
    String big = "x".repeat(size);
    byte[] bytes = ("id,date,amount\n" + big + ",2024-01-01,1\n").getBytes(StandardCharsets.UTF_8);
    try {
      var r = TRANSACTIONS.read(new ByteArrayInputStream(bytes), "big.csv");
      assertTrue(size <= DelimitedRows.MAX_FIELD_LENGTH, "accepted a field of " + size);
      assertEquals(1, r.log().size());
    } catch (IOException e) {
      assertTrue(size > DelimitedRows.MAX_FIELD_LENGTH, e.getMessage());
    }
  }
}
