package org.crmkit.models.clv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.summary.CalibrationHoldout;
import org.crmkit.core.summary.CustomerSummaries;

/** Test-only loader of the CDNOW sample (see src/test/resources/data/cdnow/README.md). */
final class Cdnow {

  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);

  private static TransactionLog log;

  private Cdnow() {}

  private static String text(String name) {
    try (InputStream in = Cdnow.class.getResourceAsStream("/data/cdnow/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The transactions keyed by sample id, "00001".."02357" (the CSV's order). */
  static synchronized TransactionLog log() {
    if (log == null) {
      var b = TransactionLog.builder();
      for (String line : text("CDNOW_sample.txt").split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String[] r = line.trim().split("\\s+");
        b.add(String.format("%05d", Integer.parseInt(r[1])),
            LocalDate.parse(r[2], DateTimeFormatter.BASIC_ISO_DATE), Double.parseDouble(r[4]));
      }
      log = b.build();
    }
    return log;
  }

  /** Calibration summaries in weeks at 1997-09-30, from the transactions. */
  static CustomerSummaries weeks() {
    return CustomerSummaries.of(log(), CALIBRATION_END, ChronoUnit.WEEKS);
  }

  /** The same in days. */
  static CustomerSummaries days() {
    return CustomerSummaries.of(log(), CALIBRATION_END, ChronoUnit.DAYS);
  }

  /** Calibration to 1997-09-30, holdout to 1998-06-30, weeks. */
  static CalibrationHoldout calibrationHoldout() {
    return CalibrationHoldout.of(log(), CALIBRATION_END, HOLDOUT_END, ChronoUnit.WEEKS);
  }

  /** lifetimes' cdnow_customers_summary.csv (t_x and T rounded to 2 decimals). */
  static CustomerSummaries csv() {
    List<String> ids = new ArrayList<>();
    List<int[]> xs = new ArrayList<>();
    List<double[]> ts = new ArrayList<>();
    String[] lines = text("cdnow_customers_summary.csv").split("\n");
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] f = lines[i].trim().split(",");
      ids.add(f[0]);
      xs.add(new int[] {Integer.parseInt(f[1])});
      ts.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3])});
    }
    int n = ids.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = xs.get(i)[0];
      tx[i] = ts.get(i)[0];
      t[i] = ts.get(i)[1];
    }
    return CustomerSummaries.ofColumns(ids.toArray(String[]::new), x, tx, t, ChronoUnit.WEEKS);
  }
}
