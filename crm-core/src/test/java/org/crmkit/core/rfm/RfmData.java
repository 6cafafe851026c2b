package org.crmkit.core.rfm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.crmkit.core.log.TransactionLog;

/** Test-only reader of {@code data/rfm/rfm_data_orders.csv} (no quoted fields in that file). */
final class RfmData {

  /** One order of the R rfm example data. */
  record Order(String customer, LocalDate date, double revenue) {}

  static final LocalDate ANALYSIS_DATE = LocalDate.of(2006, 12, 31);

  private static List<Order> cache;

  private RfmData() {}

  static synchronized List<Order> orders() {
    if (cache == null) {
      cache = List.copyOf(read());
    }
    return cache;
  }

  private static List<Order> read() {
    String path = "/data/rfm/rfm_data_orders.csv";
    try (InputStream in = RfmData.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      if (!header.startsWith("customer_id,order_date,revenue")) {
        throw new IllegalStateException("unexpected header: " + header);
      }
      var out = new ArrayList<Order>();
      String line;
      int n = 1;
      while ((line = reader.readLine()) != null) {
        n++;
        if (line.indexOf('"') >= 0) {
          throw new IllegalStateException("line " + n + ": quoted fields are not supported");
        }
        String[] f = line.split(",", -1);
        out.add(new Order(f[0], LocalDate.parse(f[1]), Double.parseDouble(f[2])));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TransactionLog log(List<Order> orders) {
    var b = TransactionLog.builder();
    for (Order o : orders) {
      b.add(o.customer(), o.date(), o.revenue());
    }
    return b.build();
  }

  static TransactionLog log() {
    return log(orders());
  }

  static TransactionLog shuffledLog(long seed) {
    var rows = new ArrayList<>(orders());
    Collections.shuffle(rows, new Random(seed));
    return log(rows);
  }
}
