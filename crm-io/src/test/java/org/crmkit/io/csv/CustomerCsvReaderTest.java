package org.crmkit.io.csv;

import static org.crmkit.io.csv.CsvTestInput.resource;
import static org.crmkit.io.csv.CsvTestInput.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.crmkit.core.customer.Customer;
import org.junit.jupiter.api.Test;

class CustomerCsvReaderTest {

  private static CustomerCsvReader.Builder handmade() {
    return CustomerCsvReader.builder()
        .id(Column.named("customer_id"))
        .acquisitionDate(Column.named("signup_date"), DateFormat.iso())
        .acquisitionCost(Column.named("cac"));
  }

  // handmade/customers.csv: 10 rows, of which C001, C002 and "Smith, J" are clean; one dirty
  // row per kind of error (see data/README.md).
  @Test
  void lenientReadKeepsTheCleanRowsAndCountsEveryDirtyOne() throws IOException {
    var r = handmade().lenient(true).build()
        .read(resource("/data/handmade/customers.csv"), "customers.csv");
    List<Customer> cs = r.customers();
    assertEquals(List.of("C001", "C002", "Smith, J"), cs.stream().map(Customer::id).toList());
    assertEquals(10, r.report().rowsRead());
    assertEquals(7, r.report().rowsSkipped());

    Customer c1 = cs.get(0);
    assertEquals(LocalDate.of(2024, 1, 5), c1.acquisitionDate());
    assertEquals(12.5, c1.acquisitionCost(), 0.0);
    assertEquals(Map.of("segment", "retail", "region", "North"), c1.attributes());
    Customer c2 = cs.get(1);
    assertNull(c2.acquisitionCost(), "a blank cost is unknown, not 0");
    assertEquals(Map.of("segment", "wholesale"), c2.attributes(), "a blank cell is no attribute");
    Customer smith = cs.get(2);
    assertEquals(0.0, smith.acquisitionCost(), 0.0);
    assertEquals(Map.of("segment", "retail, online", "region", "West"), smith.attributes());

    Map<String, Long> reasons = r.report().skippedByReason();
    assertEquals(1L, reasons.get("signup_date is not a valid date (Invalid date 'FEBRUARY 30')"));
    assertEquals(1L, reasons.get("customer_id is empty (customer id)"));
    assertEquals(1L, reasons.get("cac is negative (acquisition cost)"));
    assertEquals(1L, reasons.get("cac is not a number (decimal separator '.')"));
    assertEquals(1L, reasons.get("customer_id repeats the customer id of an earlier row"));
    assertEquals(1L, reasons.get(
        "has 6 fields, the header 5 (an unquoted separator inside a field?)"));
    assertEquals(1L, reasons.get("has 3 fields, needs at least 5"));
    assertEquals(8, r.report().examples().get(4).line(), "the duplicate C001 is on line 8");
  }

  @Test
  void strictReadStopsAtTheFirstDirtyRowNamingFileLineColumnAndValue() {
    var e = assertThrows(CsvReadException.class, () -> handmade().build()
        .read(resource("/data/handmade/customers.csv"), "customers.csv"));
    assertEquals("customers.csv, line 4, column 'signup_date': '2024-02-30' is not a valid date "
        + "(Invalid date 'FEBRUARY 30')", e.getMessage());
  }

  @Test
  void namedAttributesOrNone() throws IOException {
    String csv = "id,since,tier,region\nX,20240101,gold,EU\n";
    var named = CustomerCsvReader.builder()
        .id(Column.named("id"))
        .acquisitionDate(Column.named("since"), DateFormat.basic())
        .attributes(Column.named("tier"))
        .build().read(text(csv), "c.csv").customers().get(0);
    assertEquals(Map.of("tier", "gold"), named.attributes());
    assertEquals(LocalDate.of(2024, 1, 1), named.acquisitionDate());
    var none = CustomerCsvReader.builder()
        .id(Column.named("id"))
        .acquisitionDate(Column.named("since"), DateFormat.basic())
        .noAttributes()
        .build().read(text(csv), "c.csv").customers().get(0);
    assertEquals(Map.of(), none.attributes());
  }

  @Test
  void headerlessFilesNameTheirAttributeColumnsByPosition() throws IOException {
    var c = CustomerCsvReader.builder()
        .format(CsvFormat.csv().withHeader(false).withSeparator(';'))
        .id(Column.at(0))
        .acquisitionDate(Column.at(1), DateFormat.iso())
        .attributes(Column.at(2))
        .build().read(text("K;2023-06-30;vip\n"), "k.csv").customers().get(0);
    assertEquals(Map.of("#2", "vip"), c.attributes());
    assertThrows(IllegalStateException.class, () -> CustomerCsvReader.builder()
        .format(CsvFormat.csv().withHeader(false))
        .id(Column.at(0)).acquisitionDate(Column.at(1), DateFormat.iso()).build());
  }

  @Test
  void duplicateAttributeNamesAreRejectedAtTheHeader() {
    var e = assertThrows(CsvReadException.class, () -> CustomerCsvReader.builder()
        .id(Column.named("id")).acquisitionDate(Column.named("d"), DateFormat.iso()).build()
        .read(text("id,d,x,x\nA,2024-01-01,1,2\n"), "dup.csv"));
    assertEquals("dup.csv, line 1, column 'x': appears twice in the header; attributes need "
        + "unique names", e.getMessage());
  }
}
