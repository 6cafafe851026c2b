package org.crmkit.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import org.crmkit.core.testing.CdnowFixture;
import org.junit.jupiter.api.Test;

/** The transaction log and its cleaning on the CDNOW sample (ORACLES.md, "CDNOW conventions"). */
class CdnowSampleTest {

  private static final TransactionLog LOG = CdnowFixture.sample();

  // ORACLES.md: 6,919 rows; 2,357 customers; data from 1997-01-01 to 1998-06-30
  @Test
  void sampleHasThePublishedRowsCustomersAndDates() {
    assertEquals(6_919, CdnowFixture.rows().size());
    assertEquals(6_919, LOG.size());
    assertEquals(2_357, LOG.customerCount());
    assertEquals(LocalDate.of(1997, 1, 1), LOG.firstDate());
    assertEquals(LocalDate.of(1998, 6, 30), LOG.lastDate());
    assertEquals(0, LOG.refundCount());
  }

  @Test
  void customerIdsKeepTheirLeadingZeros() {
    assertEquals("00004", LOG.customerId(0));
    assertEquals(0, LOG.indexOf("00004"));
    assertEquals(-1, LOG.indexOf("4"));
    // the file's first customer, 00004: four purchases (file lines 1-4)
    assertEquals(4, LOG.count(0));
    assertEquals(29.33 + 29.73 + 14.96 + 26.48, LOG.customerTotal(0), 1e-9);
  }

  @Test
  void totalAmountIsTheSumOfTheFile() {
    double sum = 0;
    for (var r : CdnowFixture.rows()) {
      sum += r.dollars();
    }
    assertEquals(sum, LOG.totalAmount(), 1e-9 * sum);
  }

  // ORACLES.md: merging same-day purchases leaves 6,696 customer-days
  @Test
  void mergingSameDayPurchasesLeaves6696CustomerDays() {
    var result = LogCleaner.builder().mergeSameDay(true).build().clean(LOG);
    assertEquals(6_696, result.log().size());
    assertEquals(2_357, result.log().customerCount());
    var r = result.report();
    assertEquals(6_919, r.rowsIn());
    assertEquals(6_919 - 6_696, r.rowsMergedAway());
    assertEquals(0, r.duplicatesRemoved());
    assertEquals(0, r.refundRows());
    assertEquals(6_696, r.rowsOut());
    assertEquals(LOG.totalAmount(), result.log().totalAmount(), 1e-9 * LOG.totalAmount());
  }

  // Recomputed from the file: 6,898 distinct (master id, date, dollars) triples
  // (awk '{print $1, $3, $5}' CDNOW_sample.txt | sort -u | wc -l), so 21 exact duplicates.
  @Test
  void removingDuplicatesThenMergingStillLeaves6696CustomerDays() {
    var result = LogCleaner.builder().duplicates(Duplicates.REMOVE).mergeSameDay(true).build()
        .clean(LOG);
    var r = result.report();
    assertEquals(21, r.duplicatesRemoved());
    assertEquals(6_898 - 6_696, r.rowsMergedAway());
    assertEquals(6_696, r.rowsOut());
    assertEquals(6_696, result.log().size());
  }

  @Test
  void cleaningTheMergedSampleAgainChangesNothing() {
    var cleaner = LogCleaner.builder().duplicates(Duplicates.REMOVE).mergeSameDay(true)
        .refunds(Refunds.NET_AGAINST_DAY).build();
    var once = cleaner.clean(LOG).log();
    var twice = cleaner.clean(once);
    assertSame(once, twice.log());
    assertEquals(0, twice.report().rowsMergedAway());
    assertEquals(0, twice.report().duplicatesRemoved());
  }

  @Test
  void reportOfTheMergedSample() {
    var report = LogCleaner.builder().duplicates(Duplicates.REMOVE).mergeSameDay(true).build()
        .clean(LOG).report();
    assertEquals("""
        CleaningReport: 6,919 rows in, 6,696 out; 2,357 customers in, 2,357 out
          exact duplicates removed                21
          rows merged into same-day rows         202
          refund rows                              0
          refunds netted against their day         0
          days removed, net <= 0                   0""", report.toString());
  }

  /** The example of {@link LogCleaner}'s class Javadoc, as written there. */
  @Test
  void javadocExampleOfLogCleaner() {
    TransactionLog log = LOG;
    LogCleaner cleaner = LogCleaner.builder()
        .duplicates(Duplicates.REMOVE)
        .mergeSameDay(true)
        .refunds(Refunds.KEEP)
        .build();
    CleanedLog result = cleaner.clean(log);
    TransactionLog clean = result.log();
    CleaningReport report = result.report();   // rows in/out, duplicates, merges, refunds
    assertEquals(6_696, clean.size());
    assertEquals(6_919, report.rowsIn());
  }
}
