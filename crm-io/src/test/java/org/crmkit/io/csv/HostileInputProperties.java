package org.crmkit.io.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
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
    try {
      TRANSACTIONS.read(new ByteArrayInputStream(bytes), "fuzz.csv");
    } catch (IOException expected) {
      assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
    }
    try {
      SummaryCsvReader.lifetimesStyle(ChronoUnit.WEEKS).withLenient(true)
          .read(new ByteArrayInputStream(bytes), "fuzz.csv");
    } catch (IOException expected) {
      assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
    }
    try {
      DataQuality.of(CsvFormat.csv()).profile(new ByteArrayInputStream(bytes), "fuzz.csv");
    } catch (IOException expected) {
      assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
    }
  }

  static Stream<Arguments> randomBytes() {
    return Cases.random(61L, 300, r -> {
      byte[] b = new byte[r.nextInt(2001)];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) r.nextInt(256);
      }
      return Arguments.of((Object) b);
    });
  }

  @ParameterizedTest
  @MethodSource("randomBytes")
  void randomBytesReadOrFailCleanly(byte[] bytes) {
    readsOrFailsCleanly(bytes);
  }

  private static String cell(SplittableRandom r) {
    if (r.nextInt(3) > 0) {
      return CELLS[r.nextInt(CELLS.length)];
    }
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(21);
    for (int i = 0; i < n; i++) {
      sb.append((char) r.nextInt(0x3000));
    }
    return sb.toString();
  }

  static Stream<Arguments> mangledRows() {
    return Cases.random(62L, 300, r -> {
      StringBuilder body = new StringBuilder("id,date,amount\n");
      int rows = r.nextInt(21);
      for (int i = 0; i < rows; i++) {
        int cells = r.nextInt(7);
        for (int c = 0; c < cells; c++) {
          body.append(c == 0 ? "" : ",").append(cell(r));
        }
        body.append('\n');
      }
      return Arguments.of(body.toString());
    });
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
