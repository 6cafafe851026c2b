package org.crmkit.io.csv;

import static org.crmkit.io.csv.CsvTestInput.resource;
import static org.crmkit.io.csv.CsvTestInput.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.zip.GZIPOutputStream;
import org.crmkit.core.log.TimeBase;
import org.crmkit.core.log.TransactionLog;
import org.junit.jupiter.api.Test;

class TransactionCsvReaderTest {

  private static TransactionCsvReader simple() {
    return TransactionCsvReader.builder()
        .customer(Column.named("id"))
        .date(Column.named("date"), DateFormat.iso())
        .amount(Column.named("amount"))
        .build();
  }

  // ORACLES.md, CDNOW conventions: 6,919 rows, 2,357 customers.
  @Test
  void readsTheCdnowSampleWhitespaceFile() throws IOException {
    var reader = TransactionCsvReader.builder()
        .format(CsvFormat.whitespaceSeparated())
        .customer(Column.at(0))
        .date(Column.at(2), DateFormat.basic())
        .amount(Column.at(4))
        .build();
    var r = reader.read(resource("/data/cdnow/CDNOW_sample.txt"), "CDNOW_sample.txt");
    assertEquals(6919, r.log().size());
    assertEquals(2357, r.log().customerCount());
    assertEquals(6919, r.report().rowsRead());
    assertEquals(0, r.report().rowsSkipped());
    assertEquals(LocalDate.of(1997, 1, 1), r.log().firstDate());
    assertEquals(LocalDate.of(1998, 6, 30), r.log().lastDate());
    int c = r.log().indexOf("00004");
    assertEquals(4, r.log().count(c));
    assertEquals(29.33, r.log().amount(r.log().start(c)), 0.0);
  }

  // data/README.md: the master file has 69,659 purchases of 23,570 customers and a header.
  @Test
  void readsTheCdnowMasterFileWithItsHeader() throws IOException {
    var reader = TransactionCsvReader.builder()
        .format(CsvFormat.whitespaceSeparated().withHeader(true))
        .customer(Column.named("customer_id"))
        .date(Column.named("date"), DateFormat.basic())
        .amount(Column.named("dollar_value"))
        .build();
    var r = reader.read(resource("/data/cdnow/CDNOW_master.txt"), "CDNOW_master.txt");
    assertEquals(69659, r.log().size());
    assertEquals(23570, r.log().customerCount());
  }

  // ORACLES.md, RFM: 995 customers, 4,906 orders, revenue 464,158.
  @Test
  void readsTheRfmOrdersCsv() throws IOException {
    var reader = TransactionCsvReader.builder()
        .customer(Column.named("customer_id"))
        .date(Column.named("order_date"), DateFormat.iso())
        .amount(Column.named("revenue"))
        .build();
    var r = reader.read(resource("/data/rfm/rfm_data_orders.csv"), "rfm_data_orders.csv");
    assertEquals(4906, r.log().size());
    assertEquals(995, r.log().customerCount());
    assertEquals(464158.0, r.log().totalAmount(), 1e-6);
  }

  @Test
  void aDecimalCommaIsAnErrorUnlessTheFormatSaysSo() throws IOException {
    String csv = "id,date,amount\nA,2024-01-01,10.00\nB,2024-01-02,\"12,50\"\n";
    var e = assertThrows(CsvReadException.class, () -> simple().read(text(csv), "orders.csv"));
    assertEquals("orders.csv, line 3, column 'amount': '12,50' is not a number "
        + "(decimal separator '.')", e.getMessage());
    assertEquals(3, e.line());
    assertEquals("amount", e.column());
    assertEquals("12,50", e.value());

    var semicolons = TransactionCsvReader.builder()
        .format(CsvFormat.csv().withSeparator(';').withDecimalSeparator(','))
        .customer(Column.named("id"))
        .date(Column.named("date"), DateFormat.pattern("dd.MM.yyyy"))
        .amount(Column.named("amount"))
        .build();
    var r = semicolons.read(text("id;date;amount\nA;31.01.2024;12,50\n"), "de.csv");
    assertEquals(12.5, r.log().amount(0), 0.0);
    assertEquals(LocalDate.of(2024, 1, 31), r.log().date(0));
  }

  @Test
  void contradictoryFormatsAreRejectedEarly() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> CsvFormat.csv().withDecimalSeparator(','));
    assertEquals("the field separator and the decimal separator are both ','", e.getMessage());
  }

  @Test
  void lenientModeSkipsAndReportsEveryBadRow() throws IOException {
    String csv = """
        id,date,amount
        A,2024-01-01,10
        ,2024-01-02,5
        B,2024-13-01,5
        C,2024-01-03,NaN
        D,2024-01-04,1e400
        E,1850-01-01,3
        F,2024-01-05
        G,2024-01-06,7.5
        """;
    var reader = TransactionCsvReader.builder()
        .customer(Column.named("id"))
        .date(Column.named("date"), DateFormat.iso())
        .amount(Column.named("amount"))
        .lenient(true)
        .build();
    var r = reader.read(text(csv), "dirty.csv");
    assertEquals(8, r.report().rowsRead());
    assertEquals(2, r.report().rowsAccepted());
    assertEquals(6, r.report().rowsSkipped());
    assertEquals(2, r.log().size());
    assertEquals(6, r.report().examples().size());
    assertEquals(2L, r.report().skippedByReason().get(
        "amount is not a number (decimal separator '.')"));
    assertEquals(1L, r.report().skippedByReason().get("has 2 fields, needs at least 3"));
    assertEquals(1L, r.report().skippedByReason().get("id is empty (customer id)"));
    assertEquals(1L, r.report().skippedByReason().get("date is outside 1900-01-01 .. 2199-12-31"));
    var first = r.report().examples().get(0);
    assertEquals(3, first.line());
    assertEquals("id", first.column());
    assertTrue(r.report().toString().contains("8 rows read, 2 accepted, 6 skipped"),
        r.report().toString());
  }

  @Test
  void missingColumnsAreNamedWithTheHeader() {
    var e = assertThrows(CsvReadException.class,
        () -> simple().read(text("id,when,amount\nA,2024-01-01,1\n"), "x.csv"));
    assertEquals("x.csv, line 1, column 'date': is not in the header [id, when, amount]",
        e.getMessage());
  }

  @Test
  void byteOrderMarkGzipQuotesAndBlankLinesAreHandled() throws IOException {
    String csv = "\uFEFFid,date,amount\n\"Smith, J\",2024-01-01,1.5\n\nB,2024-01-02,-2\n";
    var bytes = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(bytes)) {
      gz.write(csv.getBytes(StandardCharsets.UTF_8));
    }
    var r = simple().read(new ByteArrayInputStream(bytes.toByteArray()), "x.csv.gz");
    assertEquals(2, r.log().size());
    assertEquals("B", r.log().customerId(0));
    assertEquals("Smith, J", r.log().customerId(1));
    assertEquals(-2.0, r.log().amount(0), 0.0); // refunds are kept
  }

  @Test
  void invalidUtf8IsAnErrorNotAReplacement() {
    byte[] bad = {'i', 'd', ',', 'd', 'a', 't', 'e', ',', 'a', 'm', 'o', 'u', 'n', 't', '\n',
        (byte) 0xC3, (byte) 0x28, ',', '2', '0', '2', '4', '-', '0', '1', '-', '0', '1', ',', '1',
        '\n'};
    assertThrows(IOException.class, () -> simple().read(new ByteArrayInputStream(bad), "x.csv"));
  }

  @Test
  void timestampsAndEpochFormats() throws IOException {
    var reader = TransactionCsvReader.builder()
        .customer(Column.at(0))
        .date(Column.at(1), DateFormat.pattern("yyyy-MM-dd HH:mm"))
        .amount(Column.at(2))
        .format(CsvFormat.csv().withHeader(false))
        .timestamps(ZoneId.of("Europe/Paris"))
        .build();
    var r = reader.read(text("A,2024-07-01 01:30,5\n"), "t.csv");
    assertEquals(TimeBase.SECONDS, r.log().timeBase());
    assertEquals(Instant.parse("2024-06-30T23:30:00Z"), r.log().instant(0));
    assertEquals(LocalDate.of(2024, 7, 1), r.log().date(0)); // the day in Paris

    var epoch = TransactionCsvReader.builder()
        .customer(Column.at(0))
        .date(Column.at(1), DateFormat.epochDay())
        .amount(Column.at(2))
        .format(CsvFormat.csv().withHeader(false))
        .build();
    assertEquals(LocalDate.of(2024, 1, 1),
        epoch.read(text("A,19723,1\n"), "e.csv").log().date(0));
  }

  // 1900-01-01T00:30Z is still 1899-12-31 in New York: outside the log's dates in its zone.
  @Test
  void timestampsAreRangeCheckedInTheZone() {
    var reader = TransactionCsvReader.builder()
        .customer(Column.at(0))
        .date(Column.at(1), DateFormat.isoInstant())
        .amount(Column.at(2))
        .format(CsvFormat.csv().withHeader(false))
        .timestamps(ZoneId.of("America/New_York"))
        .build();
    var e = assertThrows(CsvReadException.class,
        () -> reader.read(text("A,1900-01-01T00:30:00Z,5\n"), "ny.csv"));
    assertEquals("ny.csv, line 1, column '#1': '1900-01-01T00:30:00Z' is outside 1900-01-01 .. "
        + "2199-12-31", e.getMessage());
  }

  @Test
  void anUnquotedDecimalCommaShiftsTheRowAndIsCaught() {
    var e = assertThrows(CsvReadException.class,
        () -> simple().read(text("id,date,amount\nA,2024-01-01,12,50\n"), "o.csv"));
    assertEquals("o.csv, line 2: has 4 fields, the header 3 (an unquoted separator inside a "
        + "field?)", e.getMessage());
  }

  @Test
  void trailingSeparatorsAreNotExtraFields() throws IOException {
    var r = simple().read(text("id,date,amount\nA,2024-01-01,12.5,\n"), "t.csv");
    assertEquals(12.5, r.log().amount(0), 0.0);
  }

  @Test
  void amountAsQuantityTimesUnitPrice() throws IOException {
    var reader = TransactionCsvReader.builder()
        .customer(Column.named("CustomerID"))
        .date(Column.named("InvoiceDate"), DateFormat.pattern("M/d/yyyy H:mm"))
        .amountAsProduct(Column.named("Quantity"), Column.named("UnitPrice"))
        .build();
    TransactionLog log = reader.read(text(
        "InvoiceNo,Quantity,InvoiceDate,UnitPrice,CustomerID\n"
            + "536365,6,12/1/2010 8:26,2.55,17850\n"
            + "C536379,-1,12/1/2010 9:41,27.5,14527\n"), "retail.csv").log();
    assertEquals(2, log.size());
    assertEquals(-27.5, log.amount(0), 1e-12);
    assertEquals(15.3, log.amount(1), 1e-12);
  }

  @Test
  void buildersRejectMissingOrContradictoryColumns() {
    assertThrows(IllegalStateException.class,
        () -> TransactionCsvReader.builder().customer(Column.at(0)).build());
    assertThrows(IllegalStateException.class, () -> TransactionCsvReader.builder()
        .customer(Column.at(0)).date(Column.at(1), DateFormat.iso()).amount(Column.at(2))
        .amountAsProduct(Column.at(3), Column.at(4)).build());
    assertThrows(IllegalArgumentException.class, () -> Column.at(-1));
  }
}
