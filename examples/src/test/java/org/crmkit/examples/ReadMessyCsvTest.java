package org.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link ReadMessyCsv}. Expected counts were made by hand from messy_orders.csv (see the
 * data README): 18 data rows; 5 bad (a quoted decimal comma and N/A as amounts, 2024-02-30, an
 * empty id, an unquoted decimal comma making 6 fields); 13 accepted for 8 customers; cleaning
 * removes 1 exact duplicate and merges C001's two orders of 2024-02-09; the 2025 order is after
 * the analysis date.
 */
class ReadMessyCsvTest {

  @Test
  void printsTheReportsAndWritesTheRfmTable(@TempDir Path dir) throws Exception {
    var bytes = new ByteArrayOutputStream();
    ReadMessyCsv.run(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    for (String expected : List.of(
        "messy_orders.csv, line 5, column 'amount': '12,50' is not a number",
        "18 rows read, 13 accepted, 5 skipped",
        "       2  amount is not a number (decimal separator '.')",
        "       1  order_date is not a valid date",
        "       1  customer_id is empty (customer id)",
        "       1  has 6 fields, the header 5",
        "18 rows, 1 duplicate rows",
        "13 rows in, 11 out; 8 customers in, 8 out",
        "RFM table: 8 customers",
        "left out: 1 transactions after the analysis date")) {
      assertTrue(out.contains(expected), () -> "missing '" + expected + "' in\n" + out);
    }

    List<String> csv = Files.readAllLines(dir.resolve("rfm.csv"));
    assertEquals("customer,recency_days,orders,revenue,monetary,r,f,m", csv.get(0));
    assertEquals(9, csv.size(), "a header and 8 customers");
    // '@ann' is neutralised in the CSV (formula injection: a leading apostrophe; Jackson quotes
    // the cell), not in the JSON.
    assertTrue(csv.get(1).startsWith("\"'@ann\","), csv.get(1));
    assertTrue(csv.contains("\"Smith, Jane\",72,1,12.0,12.0,1,1,2"), csv.toString());
    String json = Files.readString(dir.resolve("rfm.json"));
    assertTrue(json.contains("\"customer\":\"@ann\""), json);
  }
}
