package org.crmkit.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.TimeUnits;
import org.crmkit.core.summary.WeightedSummaries;

/**
 * Reads customer summaries (x, t_x, T, optionally monetary) from a delimited file, such as
 * lifetimes' {@code cdnow_customers_summary.csv} ({@code ID,frequency,recency,T}), or weighted
 * rows (x, t_x, T, weight) such as a BG/BB recency/frequency table with counts.
 *
 * <p>x must be a whole number ≥ 0 (a fractional or negative frequency is an error), t_x and T
 * finite and ≥ 0 with t_x ≤ T, monetary finite and ≥ 0, weights finite and &gt; 0. Strict by
 * default; lenient mode skips and reports bad rows (see {@link ReadReport}). Column names
 * default to lifetimes' ({@code frequency}, {@code recency}, {@code T}, {@code monetary_value})
 * and can be changed. Immutable and thread-safe.
 */
public final class SummaryCsvReader {

  private final CsvFormat format;
  private final Column id;
  private final Column x;
  private final Column tx;
  private final Column bigT;
  private final Column monetary;
  private final Column weight;
  private final ChronoUnit unit;
  private final boolean lenient;

  private SummaryCsvReader(CsvFormat format, Column id, Column x, Column tx, Column bigT,
      Column monetary, Column weight, ChronoUnit unit, boolean lenient) {
    this.format = format;
    this.id = id;
    this.x = x;
    this.tx = tx;
    this.bigT = bigT;
    this.monetary = monetary;
    this.weight = weight;
    this.unit = unit;
    this.lenient = lenient;
  }

  /**
   * A reader of per-customer summaries in {@code unit}, with lifetimes' column names: customer
   * id {@code ID}, {@code frequency}, {@code recency}, {@code T}; no monetary column.
   */
  public static SummaryCsvReader lifetimesStyle(ChronoUnit unit) {
    TimeUnits.days(unit);
    return new SummaryCsvReader(CsvFormat.csv(), Column.named("ID"), Column.named("frequency"),
        Column.named("recency"), Column.named("T"), null, null, unit, false);
  }

  /**
   * A reader of weighted rows in {@code unit}: {@code frequency}, {@code recency},
   * {@code periods} (as T) and {@code weights}, the layout of the BG/BB donation data.
   */
  public static SummaryCsvReader weightedStyle(ChronoUnit unit) {
    TimeUnits.days(unit);
    return new SummaryCsvReader(CsvFormat.csv(), null, Column.named("frequency"),
        Column.named("recency"), Column.named("periods"), null, Column.named("weights"), unit,
        false);
  }

  /** A copy with other columns for x, t_x and T. */
  public SummaryCsvReader withColumns(Column xColumn, Column txColumn, Column tColumn) {
    return new SummaryCsvReader(format, id, Objects.requireNonNull(xColumn),
        Objects.requireNonNull(txColumn), Objects.requireNonNull(tColumn), monetary, weight, unit,
        lenient);
  }

  /** A copy with another customer id column. */
  public SummaryCsvReader withIdColumn(Column c) {
    return new SummaryCsvReader(format, Objects.requireNonNull(c), x, tx, bigT, monetary,
        weight, unit, lenient);
  }

  /** A copy that also reads the mean repeat spend from {@code c}. */
  public SummaryCsvReader withMonetary(Column c) {
    return new SummaryCsvReader(format, id, x, tx, bigT, Objects.requireNonNull(c), weight, unit,
        lenient);
  }

  /** A copy with another file layout. */
  public SummaryCsvReader withFormat(CsvFormat f) {
    return new SummaryCsvReader(Objects.requireNonNull(f), id, x, tx, bigT, monetary, weight,
        unit, lenient);
  }

  /** A copy that skips and reports bad rows instead of stopping at the first. */
  public SummaryCsvReader withLenient(boolean l) {
    return new SummaryCsvReader(format, id, x, tx, bigT, monetary, weight, unit, l);
  }

  /** The summaries and the report of a per-customer read. */
  public record Result(CustomerSummaries summaries, ReadReport report) {}

  /** The weighted rows and the report of a weighted read. */
  public record WeightedResult(WeightedSummaries summaries, ReadReport report) {}

  /** Reads per-customer summaries from a file. */
  public Result read(Path file) throws IOException {
    return Sources.readFile(file, this::read);
  }

  /** Reads per-customer summaries from a stream (not closed). */
  public Result read(InputStream in, String source) throws IOException {
    if (id == null) {
      throw new IllegalStateException("this reader has no customer id column: use readWeighted");
    }
    Rows rows = readRows(in, source);
    CustomerSummaries s = CustomerSummaries.ofColumns(rows.ids.toArray(new String[0]),
        rows.x(), rows.tx(), rows.bigT(), monetary == null ? null : rows.extra(), unit);
    return new Result(s, rows.problems.report());
  }

  /** Reads weighted rows from a file. */
  public WeightedResult readWeighted(Path file) throws IOException {
    return Sources.readFile(file, this::readWeighted);
  }

  /** Reads weighted rows from a stream (not closed). */
  public WeightedResult readWeighted(InputStream in, String source) throws IOException {
    if (weight == null) {
      throw new IllegalStateException("this reader has no weight column: use read");
    }
    Rows rows = readRows(in, source);
    return new WeightedResult(WeightedSummaries.ofColumns(rows.x(), rows.tx(), rows.bigT(),
        rows.extra(), unit), rows.problems.report());
  }

  private Rows readRows(InputStream in, String source) throws IOException {
    List<Column> cols = new ArrayList<>();
    cols.add(id != null ? id : x); // placeholder keeps positions stable
    cols.add(x);
    cols.add(tx);
    cols.add(bigT);
    cols.add(monetary != null ? monetary : weight != null ? weight : x);
    Rows out = new Rows(new Problems(source, lenient));
    int[][] idx = {null};
    String[][] labels = {null};
    DelimitedRows.HeaderHandler onHeader = names -> {
      idx[0] = DelimitedRows.resolve(source, names, cols);
      labels[0] = DelimitedRows.labels(names, cols, idx[0]).toArray(new String[0]);
    };
    boolean extra = monetary != null || weight != null;
    new DelimitedRows(format, source).read(in, onHeader,
        (line, f, n) -> {
          out.problems.rowRead();
          int[] ix = idx[0];
          int need = Arrays.stream(ix).max().orElse(0) + 1;
          if (n < need) {
            out.problems.bad(line, null, null, "has " + n + " fields, needs at least " + need);
            return;
          }
          String customer = id == null ? null : f[ix[0]].strip();
          if (id != null && customer.isEmpty()) {
            out.problems.bad(line, labels[0][0], f[ix[0]], "is empty (customer id)");
            return;
          }
          String xs = f[ix[1]].strip();
          double xv = format.parseNumber(xs);
          if (!(xv >= 0 && xv == Math.rint(xv) && xv <= Integer.MAX_VALUE)) {
            out.problems.bad(line, labels[0][1], xs,
                "is not a whole number >= 0 (repeat purchases)");
            return;
          }
          double[] v = new double[3];
          for (int k = 2; k <= (extra ? 4 : 3); k++) {
            String s = f[ix[k]].strip();
            double d = format.parseNumber(s);
            boolean ok = k == 4 && weight != null ? d > 0 : d >= 0;
            if (!ok) {
              out.problems.bad(line, labels[0][k], s, Double.isNaN(d) ? format.numberReason()
                  : k == 4 && weight != null ? "must be > 0" : "must be >= 0");
              return;
            }
            v[k - 2] = d;
          }
          if (v[0] > v[1]) {
            out.problems.bad(line, labels[0][2], f[ix[2]].strip(),
                "(t_x) exceeds T = " + f[ix[3]].strip());
            return;
          }
          if (xv == 0 && v[0] != 0) {
            out.problems.bad(line, labels[0][2], f[ix[2]].strip(), "(t_x) must be 0 when x = 0");
            return;
          }
          out.add(customer, (int) xv, v[0], v[1], v[2]);
          out.problems.rowAccepted();
        });
    return out;
  }

  /** Growable columns. */
  private static final class Rows {
    final Problems problems;
    final List<String> ids = new ArrayList<>();
    int[] xs = new int[64];
    double[] txs = new double[64];
    double[] ts = new double[64];
    double[] extras = new double[64];
    int n;

    Rows(Problems problems) {
      this.problems = problems;
    }

    void add(String id, int x, double tx, double t, double extra) {
      if (n == xs.length) {
        xs = Arrays.copyOf(xs, n * 2);
        txs = Arrays.copyOf(txs, n * 2);
        ts = Arrays.copyOf(ts, n * 2);
        extras = Arrays.copyOf(extras, n * 2);
      }
      if (id != null) {
        ids.add(id);
      }
      xs[n] = x;
      txs[n] = tx;
      ts[n] = t;
      extras[n] = extra;
      n++;
    }

    int[] x() {
      return Arrays.copyOf(xs, n);
    }

    double[] tx() {
      return Arrays.copyOf(txs, n);
    }

    double[] bigT() {
      return Arrays.copyOf(ts, n);
    }

    double[] extra() {
      return Arrays.copyOf(extras, n);
    }
  }
}
