package org.crmkit.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.crmkit.core.log.TransactionLog;

/**
 * The data bundled with the examples.
 *
 * <p>{@link #cdnowSample()}: the CDNOW 1/10 sample (Fader &amp; Hardie), 6,919 purchases of 2,357
 * customers from 1997-01-01 to 1998-06-30; see {@code data/README.md} beside the file.
 */
public final class SampleData {

  /** The end of the CDNOW calibration period used in the literature: 39 weeks. */
  public static final LocalDate CDNOW_CALIBRATION_END = LocalDate.of(1997, 9, 30);

  /** The last day of the CDNOW data: the end of the 39-week holdout. */
  public static final LocalDate CDNOW_END = LocalDate.of(1998, 6, 30);

  private SampleData() {}

  /**
   * The CDNOW 1/10 sample as a transaction log: customer id = the 5-digit master id, date,
   * dollar value.
   */
  public static TransactionLog cdnowSample() {
    var builder = TransactionLog.builder().expectedSize(6919);
    DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
    try (InputStream in = SampleData.class.getResourceAsStream("data/CDNOW_sample.txt");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        if (f.length != 5) {
          throw new IllegalStateException(
              "CDNOW_sample.txt line " + lineNo + ": expected 5 fields, found " + f.length);
        }
        builder.add(f[0], LocalDate.parse(f[2], yyyymmdd), Double.parseDouble(f[4]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return builder.build();
  }
}
