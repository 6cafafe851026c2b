package org.crmkit.io.csv;

import static org.crmkit.io.csv.CsvTestInput.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;
import org.junit.jupiter.api.Test;

class SummaryCsvReaderTest {

  // ORACLES.md, CDNOW: 2,357 customers, 946 repeat buyers, Σx = 2,457; T 27.00 .. 38.86.
  @Test
  void readsLifetimesCdnowSummary() throws IOException {
    var r = SummaryCsvReader.lifetimesStyle(ChronoUnit.WEEKS).read(
        getClass().getResourceAsStream("/data/cdnow/cdnow_customers_summary.csv"),
        "cdnow_customers_summary.csv");
    CustomerSummaries s = r.summaries();
    assertEquals(2357, s.size());
    assertEquals(946, s.repeatBuyers());
    assertEquals(2457, s.totalRepeatPurchases());
    assertEquals(ChronoUnit.WEEKS, s.unit());
    assertEquals(2, s.get("1").x());
    assertEquals(30.43, s.get("1").tx(), 0.0);
    assertEquals(38.86, s.get("1").T(), 0.0);
  }

  // ORACLES.md, BG/BB: 11,104 donors, 6 opportunities.
  @Test
  void readsTheWeightedDonationsTable() throws IOException {
    var r = SummaryCsvReader.weightedStyle(ChronoUnit.YEARS).readWeighted(
        getClass().getResourceAsStream("/data/donations/donations.csv"), "donations.csv");
    WeightedSummaries w = r.summaries();
    assertEquals(11104.0, w.totalWeight(), 0.0);
    for (int i = 0; i < w.size(); i++) {
      assertEquals(6.0, w.T(i), 0.0);
    }
  }

  @Test
  void fractionalOrNegativeFrequenciesAndTxAfterTAreErrors() {
    var reader = SummaryCsvReader.lifetimesStyle(ChronoUnit.WEEKS);
    var frac = assertThrows(CsvReadException.class, () -> reader.read(
        text("ID,frequency,recency,T\n7,1.5,3,9\n"), "s.csv"));
    assertEquals("s.csv, line 2, column 'frequency': '1.5' is not a whole number >= 0 "
        + "(repeat purchases)", frac.getMessage());
    var neg = assertThrows(CsvReadException.class, () -> reader.read(
        text("ID,frequency,recency,T\n7,-1,3,9\n"), "s.csv"));
    assertEquals("-1", neg.value());
    var late = assertThrows(CsvReadException.class, () -> reader.read(
        text("ID,frequency,recency,T\n7,2,10,9\n"), "s.csv"));
    assertEquals("s.csv, line 2, column 'recency': '10' (t_x) exceeds T = 9", late.getMessage());
    var nan = assertThrows(CsvReadException.class, () -> reader.read(
        text("ID,frequency,recency,T\n7,2,NaN,9\n"), "s.csv"));
    assertEquals("recency", nan.column());
  }

  @Test
  void lenientReadSkipsAndCounts() throws IOException {
    var r = SummaryCsvReader.lifetimesStyle(ChronoUnit.WEEKS).withLenient(true).read(
        text("ID,frequency,recency,T\n1,2,3,9\n2,x,3,9\n3,0,0,5\n"), "s.csv");
    assertEquals(2, r.summaries().size());
    assertEquals(1, r.report().rowsSkipped());
  }
}
