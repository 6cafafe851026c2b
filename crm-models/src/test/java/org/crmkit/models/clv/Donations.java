package org.crmkit.models.clv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;

/**
 * Test-only loader of the BG/BB donations table (src/test/resources/data/donations/README.md):
 * frequency, recency, periods, weights; one opportunity per year.
 */
final class Donations {

  private Donations() {}

  /** The 22 rows as given, with their weights (11,104 donors). */
  static WeightedSummaries weighted() {
    List<double[]> rows = rows();
    int n = rows.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] t = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      double[] r = rows.get(i);
      x[i] = (int) r[0];
      tx[i] = r[1];
      t[i] = r[2];
      w[i] = r[3];
    }
    return WeightedSummaries.ofColumns(x, tx, t, w, ChronoUnit.YEARS);
  }

  /** One row per donor (ids "1".."11104"). */
  static CustomerSummaries expanded() {
    List<double[]> rows = rows();
    int total = 0;
    for (double[] r : rows) {
      total += (int) r[3];
    }
    String[] ids = new String[total];
    int[] x = new int[total];
    double[] tx = new double[total];
    double[] t = new double[total];
    int k = 0;
    for (double[] r : rows) {
      for (int j = 0; j < (int) r[3]; j++) {
        ids[k] = Integer.toString(k + 1);
        x[k] = (int) r[0];
        tx[k] = r[1];
        t[k] = r[2];
        k++;
      }
    }
    return CustomerSummaries.ofColumns(ids, x, tx, t, ChronoUnit.YEARS);
  }

  private static List<double[]> rows() {
    String text;
    try (InputStream in = Donations.class.getResourceAsStream(
        "/data/donations/donations.csv")) {
      text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<double[]> out = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] f = lines[i].trim().split(",");
      out.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]),
          Double.parseDouble(f[2]), Double.parseDouble(f[3])});
    }
    return out;
  }
}
