package org.crmkit.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.log.TransactionLog;

/**
 * The CDNOW sample ({@code src/test/resources/data/cdnow/CDNOW_sample.txt}, see the README beside
 * it) for tests: its rows as read, and as a dated {@link TransactionLog}.
 *
 * <p>Customer id = the master id as written in the file, leading zeros kept ({@code "00004"});
 * time = the purchase date; amount = the dollar value. Parsed once per JVM; both results are
 * immutable, so tests may share them.
 */
public final class CdnowFixture {

  /** The class path resource. */
  public static final String RESOURCE = "/data/cdnow/CDNOW_sample.txt";

  private CdnowFixture() {}

  /**
   * One line of the file.
   *
   * @param masterId the id in the full CDNOW data, as written ({@code "00004"})
   * @param sampleId the id within the sample, as written ({@code "0001"})
   * @param date the purchase date
   * @param cds the number of CDs bought
   * @param dollars the dollar value
   */
  public record Row(String masterId, String sampleId, LocalDate date, int cds, double dollars) {}

  /** The 6,919 rows in file order. */
  public static List<Row> rows() {
    return Holder.ROWS;
  }

  /** The sample as a dated transaction log: 6,919 rows, 2,357 customers. */
  public static TransactionLog sample() {
    return Holder.LOG;
  }

  /**
   * The sample keyed by the sample id (1..2357) formatted as 5 digits ({@code "00001"}): the ID
   * column of lifetimes' cdnow_customers_summary.csv.
   */
  public static TransactionLog sampleBySampleId() {
    return Holder.BY_SAMPLE_ID;
  }

  /** Initialised on first use; a parse error fails the test that asked, with the line. */
  private static final class Holder {
    static final List<Row> ROWS = read();
    static final TransactionLog LOG = toLog(ROWS, false);
    static final TransactionLog BY_SAMPLE_ID = toLog(ROWS, true);
  }

  private static TransactionLog toLog(List<Row> rows, boolean bySampleId) {
    var b = TransactionLog.builder().expectedSize(rows.size());
    for (Row r : rows) {
      String id = bySampleId ? String.format("%05d", Integer.parseInt(r.sampleId())) : r.masterId();
      b.add(id, r.date(), r.dollars());
    }
    return b.build();
  }

  private static List<Row> read() {
    InputStream in = CdnowFixture.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is not on the test class path");
    }
    var rows = new ArrayList<Row>(7_000);
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (!line.isBlank()) {
          rows.add(parse(lineNumber, line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
    return List.copyOf(rows);
  }

  private static Row parse(int lineNumber, String line) {
    String[] f = line.trim().split("\\s+");
    if (f.length != 5) {
      throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": expected 5 fields, got "
          + f.length + ": '" + line + "'");
    }
    try {
      return new Row(f[0], f[1], LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE),
          Integer.parseInt(f[3]), Double.parseDouble(f[4]));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": " + e.getMessage()
          + ": '" + line + "'", e);
    }
  }
}
