package org.crmkit.io.csv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

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

  @Property(tries = 300)
  void randomBytes(@ForAll @Size(max = 2000) byte[] bytes) {
    readsOrFailsCleanly(bytes);
  }

  @Property(tries = 300)
  void mangledRows(@ForAll("mangled") String body) {
    readsOrFailsCleanly(("id,date,amount\n" + body).getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> mangled() {
    Arbitrary<String> cell = Arbitraries.oneOf(
        Arbitraries.of("A", "", " ", "\"", "\"\"", "2024-01-01", "2024-13-45", "1e999", "-0",
            "12,50", "NaN", "=cmd()", "\uFEFF", "\u0000", "99999999999999999999"),
        Arbitraries.strings().ofMaxLength(20));
    Arbitrary<String> row = cell.list().ofMaxSize(6).map(l -> String.join(",", l));
    return row.list().ofMaxSize(20).map(l -> String.join("\n", l));
  }

  @Property(tries = 20)
  void hugeFieldsHitTheReadLimitNotTheHeap(@ForAll("sizes") int size) {
    String big = "x".repeat(size);
    byte[] bytes = ("id,date,amount\n" + big + ",2024-01-01,1\n").getBytes(StandardCharsets.UTF_8);
    try {
      var r = TRANSACTIONS.read(new ByteArrayInputStream(bytes), "big.csv");
      assertTrue(size <= DelimitedRows.MAX_FIELD_LENGTH, "accepted a field of " + size);
      assertTrue(r.log().size() == 1);
    } catch (IOException e) {
      assertTrue(size > DelimitedRows.MAX_FIELD_LENGTH, e.getMessage());
    }
  }

  @Provide
  Arbitrary<Integer> sizes() {
    return Arbitraries.integers().between(1, 300_000);
  }
}
