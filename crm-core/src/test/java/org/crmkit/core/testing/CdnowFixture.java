package org.crmkit.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.log.TransactionLog;

/**
 * Test fixture: the CDNOW 1/10 sample (src/test/resources/data/cdnow/CDNOW_sample.txt;
 * whitespace-separated master id, sample id, yyyyMMdd date, number of CDs, dollar value).
 */
public final class CdnowFixture {

  private CdnowFixture() {}

  /** The raw rows, split on white space. */
  public static List<String[]> rows() {
    try (InputStream in = CdnowFixture.class.getResourceAsStream("/data/cdnow/CDNOW_sample.txt")) {
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (!line.isBlank()) {
          rows.add(line.trim().split("\\s+"));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample keyed by the 5-digit master id. */
  public static TransactionLog sample() {
    return load(0);
  }

  /**
   * The sample keyed by the sample id (1..2357) formatted as 5 digits ("00001"): the ID column
   * of lifetimes' cdnow_customers_summary.csv.
   */
  public static TransactionLog sampleBySampleId() {
    return load(1);
  }

  private static TransactionLog load(int idColumn) {
    var b = TransactionLog.builder();
    for (String[] r : rows()) {
      String id = idColumn == 0 ? r[0] : String.format("%05d", Integer.parseInt(r[1]));
      b.add(id, LocalDate.parse(r[2], DateTimeFormatter.BASIC_ISO_DATE), Double.parseDouble(r[4]));
    }
    return b.build();
  }
}
