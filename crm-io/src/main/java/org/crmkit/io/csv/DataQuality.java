package org.crmkit.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.Checks;

/**
 * Profiles a delimited file for data quality (see {@link QualityReport}), streaming. Declare the
 * roles of the columns that matter: keys (uniqueness is counted), numbers (with an optional
 * range) and dates (with a format; dates after the as-of date are counted as future, dates
 * outside {@link Checks#MIN_DATE} .. {@link Checks#MAX_DATE} as invalid). Other columns are
 * profiled for completeness only.
 *
 * <pre>{@code
 * QualityReport q = DataQuality.of(CsvFormat.csv())
 *     .key(Column.named("CustomerID"))
 *     .date(Column.named("InvoiceDate"), DateFormat.pattern("M/d/yyyy H:mm"))
 *     .number(Column.named("UnitPrice"), 0, Double.MAX_VALUE)
 *     .asOf(LocalDate.of(2011, 12, 31))
 *     .profile(Path.of("retail.csv"));
 * }</pre>
 *
 * <p>Not thread-safe while being configured; {@code profile} may be called repeatedly.
 */
public final class DataQuality {

  private final CsvFormat format;
  private final List<Column> keys = new ArrayList<>();
  private final Map<Column, double[]> numbers = new HashMap<>();
  private final Map<Column, DateFormat> dates = new HashMap<>();
  private LocalDate asOf;

  private DataQuality(CsvFormat format) {
    this.format = format;
  }

  /** A profiler for files of this layout. */
  public static DataQuality of(CsvFormat format) {
    return new DataQuality(Objects.requireNonNull(format, "format"));
  }

  /** Counts distinct values of this column. */
  public DataQuality key(Column c) {
    keys.add(Objects.requireNonNull(c));
    return this;
  }

  /** This column holds numbers in [min, max]. */
  public DataQuality number(Column c, double min, double max) {
    numbers.put(Objects.requireNonNull(c), new double[] {min, max});
    return this;
  }

  /** This column holds dates in this format. */
  public DataQuality date(Column c, DateFormat f) {
    dates.put(Objects.requireNonNull(c), Objects.requireNonNull(f));
    return this;
  }

  /** Dates after this day count as future (default: none are checked). */
  public DataQuality asOf(LocalDate day) {
    this.asOf = Objects.requireNonNull(day);
    return this;
  }

  /** Profiles a file. */
  public QualityReport profile(Path file) throws IOException {
    return Sources.readFile(file, this::profile);
  }

  /** Profiles a stream (not closed). */
  public QualityReport profile(InputStream in, String source) throws IOException {
    var rows = new DelimitedRows(format, source);
    List<Column> declared = new ArrayList<>(keys);
    declared.addAll(numbers.keySet());
    declared.addAll(dates.keySet());
    State st = new State();
    DelimitedRows.HeaderHandler onHeader = names -> {
      st.header = names;
      st.index = DelimitedRows.resolve(source, names, declared);
    };
    rows.read(in, onHeader, (line, f, n) -> {
      st.rows++;
      st.grow(n);
      long h = 1125899906842597L;
      for (int i = 0; i < n; i++) {
        String v = f[i];
        h = 31 * h + v.hashCode();
        h ^= h >>> 29;
        if (!v.isBlank()) {
          st.filled[i]++;
        }
      }
      if (!st.seen.add(h * 0x9E3779B97F4A7C15L + n)) {
        st.duplicates++;
      }
      for (int k = 0; k < declared.size(); k++) {
        int i = st.index[k];
        if (i >= n || f[i].isBlank()) {
          continue;
        }
        String v = f[i].strip();
        Column c = declared.get(k);
        if (k < keys.size()) {
          st.distinct.computeIfAbsent(i, x -> new HashSet<>()).add(v);
        }
        double[] range = numbers.get(c);
        if (range != null) {
          double d = format.parseNumber(v);
          if (Double.isNaN(d) || d < range[0] || d > range[1]) {
            st.invalid[i]++;
          } else {
            st.min[i] = Math.min(st.min[i], d);
            st.max[i] = Math.max(st.max[i], d);
          }
        }
        DateFormat df = dates.get(c);
        if (df != null) {
          try {
            long day = df.epochDay(v, ZoneOffset.UTC);
            if (day < Checks.MIN_EPOCH_DAY || day > Checks.MAX_EPOCH_DAY) {
              st.invalid[i]++;
            } else {
              st.minDay[i] = Math.min(st.minDay[i], day);
              st.maxDay[i] = Math.max(st.maxDay[i], day);
              if (asOf != null && day > asOf.toEpochDay()) {
                st.future[i]++;
              }
            }
          } catch (DateTimeException e) {
            st.invalid[i]++;
          }
        }
      }
    });
    List<QualityReport.ColumnProfile> profiles = new ArrayList<>();
    for (int i = 0; i < st.width; i++) {
      String name = st.header != null && i < st.header.length ? st.header[i] : "#" + i;
      String role = "text";
      String min = null;
      String max = null;
      for (int k = 0; k < declared.size(); k++) {
        if (st.index[k] != i) {
          continue;
        }
        Column c = declared.get(k);
        if (k < keys.size()) {
          role = "key";
        } else if (numbers.containsKey(c)) {
          role = "number";
          if (st.min[i] <= st.max[i]) {
            min = Double.toString(st.min[i]);
            max = Double.toString(st.max[i]);
          }
        } else {
          role = "date";
          if (st.minDay[i] <= st.maxDay[i]) {
            min = LocalDate.ofEpochDay(st.minDay[i]).toString();
            max = LocalDate.ofEpochDay(st.maxDay[i]).toString();
          }
        }
      }
      Set<String> d = st.distinct.get(i);
      profiles.add(new QualityReport.ColumnProfile(name, role, st.filled[i],
          d == null ? -1 : d.size(), st.invalid[i], st.future[i], min, max));
    }
    return new QualityReport(source, st.rows, st.duplicates, profiles);
  }

  /** Running counts. */
  private static final class State {
    String[] header;
    int[] index;
    long rows;
    long duplicates;
    int width;
    long[] filled = new long[0];
    long[] invalid = new long[0];
    long[] future = new long[0];
    double[] min = new double[0];
    double[] max = new double[0];
    long[] minDay = new long[0];
    long[] maxDay = new long[0];
    final Map<Integer, Set<String>> distinct = new HashMap<>();
    final LongSet seen = new LongSet();

    void grow(int n) {
      int w = Math.max(n, header == null ? 0 : header.length);
      if (w <= width) {
        return;
      }
      filled = java.util.Arrays.copyOf(filled, w);
      invalid = java.util.Arrays.copyOf(invalid, w);
      future = java.util.Arrays.copyOf(future, w);
      min = copy(min, w, Double.POSITIVE_INFINITY);
      max = copy(max, w, Double.NEGATIVE_INFINITY);
      minDay = copy(minDay, w, Long.MAX_VALUE);
      maxDay = copy(maxDay, w, Long.MIN_VALUE);
      width = w;
    }

    private static double[] copy(double[] a, int w, double fill) {
      double[] b = java.util.Arrays.copyOf(a, w);
      java.util.Arrays.fill(b, a.length, w, fill);
      return b;
    }

    private static long[] copy(long[] a, int w, long fill) {
      long[] b = java.util.Arrays.copyOf(a, w);
      java.util.Arrays.fill(b, a.length, w, fill);
      return b;
    }
  }
}
