package org.crmkit.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.Checks;
import org.crmkit.core.log.TransactionLog;

/**
 * Reads transactions from a delimited file (CSV, TSV, whitespace-separated, gzip or not)
 * straight into a {@link TransactionLog} builder, one row at a time.
 *
 * <pre>{@code
 * TransactionCsvReader reader = TransactionCsvReader.builder()
 *     .customer(Column.named("CustomerID"))
 *     .date(Column.named("InvoiceDate"), DateFormat.pattern("M/d/yyyy H:mm"))
 *     .amount(Column.named("Amount"))
 *     .build();
 * TransactionCsvReader.Result r = reader.read(Path.of("orders.csv"));
 * TransactionLog log = r.log();
 * }</pre>
 *
 * <p>Strict by default: the first bad row stops the read with a {@link CsvReadException} that
 * names the file, the line, the column, the value and the reason. In lenient mode bad rows are
 * skipped and counted per reason in the {@link ReadReport}, with the first 100 examples. A row
 * is bad when the customer id is empty, the date does not match its format or lies outside
 * {@link Checks#MIN_DATE} .. {@link Checks#MAX_DATE}, the amount (or quantity or unit price) is
 * not a number in the file's format, or the row has too few fields or — in a file with a header
 * — more fields than the header, unless the extra ones are blank (a trailing separator): extra
 * fields usually mean an unquoted separator inside a field, such as {@code 12,50} in a
 * comma-separated file, which would otherwise be read as 12 silently. Nothing is coerced: see
 * {@link CsvFormat} for numbers. Negative amounts are refunds and are kept (see
 * {@code LogCleaner}).
 *
 * <p><b>Streaming and memory.</b> The text is parsed row by row and never held: a read keeps
 * 20 bytes per accepted row (customer code, time, amount, in blocks of 65,536 rows), a
 * dictionary of the distinct customer ids (about 32 bytes each plus the id strings) and
 * Jackson's buffers. At the end the rows go to the log builder in one call; while it copies and
 * sorts them the peak is about 40 bytes per row plus the ids. Measured: a generated gzip stream
 * of 1.95 GB of text (2 million rows with a 1,000-character note column) reads in a 256 MB heap,
 * the live heap after collections never above 122 MB. One pass over 5 million rows of
 * {@code customer_id,date,amount} (500,000 customers) takes about 3 s of CPU on one core (JMH
 * {@code TransactionCsvReadBenchmark}; see BENCHMARKS.md).
 *
 * <p>The amount is one column, or the product of a quantity and a unit-price column (as in
 * retail exports). Dates give a dated log; {@link Builder#timestamps(ZoneId)} gives a
 * timestamped log. Immutable and thread-safe; each {@code read} is independent.
 */
public final class TransactionCsvReader extends CsvReaderBase<TransactionCsvReader.Result> {

  private static final int CUSTOMER = 0;
  private static final int DATE = 1;
  private static final int AMOUNT = 2;
  private static final int QUANTITY = 3;
  private static final int UNIT_PRICE = 4;

  /** The amount column, or null when the amount is quantity × unit price. */
  private final Column amount;
  private final boolean timestamps;

  private TransactionCsvReader(Builder b) {
    super(b);
    this.amount = b.columns.get(AMOUNT);
    this.timestamps = b.timestamps;
  }

  /** A builder; customer, date and amount columns are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** What a read returns: the log and the report. */
  public record Result(TransactionLog log, ReadReport report) {}

  // The rows are checked here, not through RecordRows: this loop is tuned for a million rows a
  // second on one core (TransactionCsvReadBenchmark).
  @Override
  public Result read(InputStream in, String source) throws IOException {
    Objects.requireNonNull(in, "in");
    // customer, date, then amount or quantity and unit price: the declared roles in order
    List<Column> cols = columns.stream().filter(Objects::nonNull).toList();
    var rows = new DelimitedRows(format, source);
    Parse st = new Parse();
    DelimitedRows.HeaderHandler onHeader = names -> {
      int[] ix = DelimitedRows.resolve(source, names, cols);
      st.width = names == null ? Integer.MAX_VALUE : names.length;
      st.labels = DelimitedRows.labels(names, cols, ix).toArray(new String[0]);
      st.id = ix[0];
      st.time = ix[1];
      st.amount = ix[2];
      st.price = ix.length > 3 ? ix[3] : -1;
      for (int i : ix) {
        st.need = Math.max(st.need, i + 1);
      }
    };
    Problems problems = new Problems(source, lenient);
    IdDictionary ids = new IdDictionary();
    RowColumns out = new RowColumns();
    rows.read(in, onHeader, (line, f, n) -> {
      problems.rowRead();
      String problem = null;
      int bad = -1;
      String value = null;
      if (n < st.need) {
        problem = "has " + n + " fields, needs at least " + st.need;
      } else if (n > st.width && !blankFrom(f, st.width, n)) {
        problem = "has " + n + " fields, the header " + st.width
            + " (an unquoted separator inside a field?)";
      } else {
        String id = f[st.id].strip();
        if (id.isEmpty()) {
          problem = "is empty (customer id)";
          bad = 0;
          value = f[st.id];
        }
        long t = 0;
        if (problem == null) {
          String d = f[st.time].strip();
          try {
            t = timestamps ? dateFormat.epochSecond(d, zone) : dateFormat.epochDay(d, zone);
            if (!inRange(t)) {
              problem = "is outside " + Checks.MIN_DATE + " .. " + Checks.MAX_DATE;
            }
          } catch (DateTimeException e) {
            problem = e.getMessage();
          } catch (ArithmeticException e) {
            problem = "is too far from 1970";
          }
          if (problem != null) {
            bad = 1;
            value = d;
          }
        }
        double a = Double.NaN;
        if (problem == null) {
          String s = f[st.amount].strip();
          a = format.parseNumber(s);
          if (Double.isNaN(a)) {
            problem = s.isEmpty() ? "is empty" : format.numberReason();
            bad = 2;
            value = s;
          } else if (amount == null) {
            String p = f[st.price].strip();
            double price = format.parseNumber(p);
            if (Double.isNaN(price)) {
              problem = p.isEmpty() ? "is empty" : format.numberReason();
              bad = 3;
              value = p;
            } else {
              a *= price;
              if (!Double.isFinite(a)) {
                problem = "overflows: quantity × unit price is not finite";
                bad = 3;
                value = p;
              }
            }
          }
        }
        if (problem == null) {
          out.add(ids.code(id), t, a);
          problems.rowAccepted();
          return;
        }
      }
      problems.bad(line, bad >= 0 ? st.labels[bad] : null, value, problem);
    });
    TransactionLog.Builder log = timestamps ? TransactionLog.builder(zone)
        : TransactionLog.builder();
    int size = out.size();
    log.expectedSize(size).addColumns(ids.ids(), out.codes(), out.times(), out.amounts());
    return new Result(log.build(), problems.report());
  }

  /** True when a day (or, for timestamps, the day in the zone of a second) is in range. */
  private boolean inRange(long t) {
    if (!timestamps) {
      return t >= Checks.MIN_EPOCH_DAY && t <= Checks.MAX_EPOCH_DAY;
    }
    long utcDay = Math.floorDiv(t, 86_400L);
    if (utcDay > Checks.MIN_EPOCH_DAY && utcDay < Checks.MAX_EPOCH_DAY) {
      return true; // a day away from the bounds in UTC is within them in any zone
    }
    if (utcDay < Checks.MIN_EPOCH_DAY - 1 || utcDay > Checks.MAX_EPOCH_DAY + 1) {
      return false;
    }
    long day = java.time.Instant.ofEpochSecond(t).atZone(zone).toLocalDate().toEpochDay();
    return day >= Checks.MIN_EPOCH_DAY && day <= Checks.MAX_EPOCH_DAY;
  }

  /** Column positions of one read, set by the header. */
  private static final class Parse {
    int width = Integer.MAX_VALUE;
    String[] labels;
    int id;
    int time;
    int amount;
    int price;
    int need;
  }

  /**
   * The accepted rows in blocks of 65,536 (no copying while they grow); handed to the log
   * builder in one {@code addColumns} call, so that the builder looks up each distinct id once.
   */
  private static final class RowColumns {
    private static final int BLOCK = 1 << 16;
    private final List<int[]> codes = new ArrayList<>();
    private final List<long[]> times = new ArrayList<>();
    private final List<double[]> amounts = new ArrayList<>();
    private int[] c;
    private long[] t;
    private double[] a;
    private int inBlock = BLOCK;
    private long size;

    void add(int code, long time, double amount) {
      if (inBlock == BLOCK) {
        if (size + BLOCK > Integer.MAX_VALUE - 8L) {
          throw new IllegalStateException("a transaction log holds at most "
              + (Integer.MAX_VALUE - 8) + " rows");
        }
        c = new int[BLOCK];
        t = new long[BLOCK];
        a = new double[BLOCK];
        codes.add(c);
        times.add(t);
        amounts.add(a);
        inBlock = 0;
      }
      c[inBlock] = code;
      t[inBlock] = time;
      a[inBlock] = amount;
      inBlock++;
      size++;
    }

    int size() {
      return (int) size;
    }

    /** The codes in one array; releases the blocks. */
    int[] codes() {
      int[] all = new int[(int) size];
      for (int b = 0; b < codes.size(); b++) {
        int from = b * BLOCK;
        System.arraycopy(codes.get(b), 0, all, from, Math.min(BLOCK, all.length - from));
        codes.set(b, null);
      }
      return all;
    }

    /** The times in one array; releases the blocks. */
    long[] times() {
      long[] all = new long[(int) size];
      for (int b = 0; b < times.size(); b++) {
        int from = b * BLOCK;
        System.arraycopy(times.get(b), 0, all, from, Math.min(BLOCK, all.length - from));
        times.set(b, null);
      }
      return all;
    }

    /** The amounts in one array; releases the blocks. */
    double[] amounts() {
      double[] all = new double[(int) size];
      for (int b = 0; b < amounts.size(); b++) {
        int from = b * BLOCK;
        System.arraycopy(amounts.get(b), 0, all, from, Math.min(BLOCK, all.length - from));
        amounts.set(b, null);
      }
      c = null;
      t = null;
      a = null;
      return all;
    }
  }

  /** True when fields[from..n) are all blank (a trailing separator, not a shifted row). */
  private static boolean blankFrom(String[] f, int from, int n) {
    for (int i = from; i < n; i++) {
      if (!f[i].isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Options of a {@link TransactionCsvReader}. */
  public static final class Builder extends CsvReaderBase.Options<Builder> {
    private boolean timestamps;

    private Builder() {
      super(5);
    }

    /** The customer id column. */
    public Builder customer(Column c) {
      return declare(CUSTOMER, c, "customer");
    }

    /** The date (or time) column and its format. */
    public Builder date(Column c, DateFormat f) {
      return declareDate(DATE, c, "date", f);
    }

    /** The amount column. */
    public Builder amount(Column c) {
      return declare(AMOUNT, c, "amount");
    }

    /** Amount = quantity × unit price, from two columns. */
    public Builder amountAsProduct(Column quantityColumn, Column unitPriceColumn) {
      declare(QUANTITY, quantityColumn, "quantity");
      return declare(UNIT_PRICE, unitPriceColumn, "unit price");
    }

    /** Build a timestamped log (epoch seconds) read in {@code z}, instead of a dated one. */
    public Builder timestamps(ZoneId z) {
      this.zone = Objects.requireNonNull(z, "zone");
      this.timestamps = true;
      return this;
    }

    /**
     * The reader.
     *
     * @throws IllegalStateException when a required column is missing, or both an amount column
     *     and a quantity × price pair are given
     */
    public TransactionCsvReader build() {
      if (!declared(CUSTOMER, DATE)) {
        throw new IllegalStateException("a transaction reader needs customer and date columns");
      }
      if (declared(AMOUNT) == declared(QUANTITY)) {
        throw new IllegalStateException(
            "give either an amount column or a quantity and unit-price pair, not "
                + (declared(AMOUNT) ? "both" : "neither"));
      }
      return new TransactionCsvReader(this);
    }
  }
}
