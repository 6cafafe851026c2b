package org.crmkit.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * <p>The amount is one column, or the product of a quantity and a unit-price column (as in
 * retail exports). Dates give a dated log; {@link Builder#timestamps(ZoneId)} gives a
 * timestamped log. Immutable and thread-safe; each {@code read} is independent.
 */
public final class TransactionCsvReader {

  private final CsvFormat format;
  private final Column customer;
  private final Column date;
  private final DateFormat dateFormat;
  private final Column amount;
  private final Column quantity;
  private final Column unitPrice;
  private final ZoneId zone;
  private final boolean timestamps;
  private final boolean lenient;

  private TransactionCsvReader(Builder b) {
    this.format = b.format;
    this.customer = b.customer;
    this.date = b.date;
    this.dateFormat = b.dateFormat;
    this.amount = b.amount;
    this.quantity = b.quantity;
    this.unitPrice = b.unitPrice;
    this.zone = b.zone;
    this.timestamps = b.timestamps;
    this.lenient = b.lenient;
  }

  /** A builder; customer, date and amount columns are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** What a read returns: the log and the report. */
  public record Result(TransactionLog log, ReadReport report) {}

  /** Reads a file. */
  public Result read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString());
    }
  }

  /**
   * Reads a stream (not closed here).
   *
   * @param source the name used in messages (for example the file name)
   */
  public Result read(InputStream in, String source) throws IOException {
    Objects.requireNonNull(in, "in");
    TransactionLog.Builder log = timestamps ? TransactionLog.builder(zone)
        : TransactionLog.builder();
    List<Column> cols = new ArrayList<>(List.of(customer, date));
    if (amount != null) {
      cols.add(amount);
    } else {
      cols.add(quantity);
      cols.add(unitPrice);
    }
    var rows = new DelimitedRows(format, source);
    int[][] idx = {null};
    String[][] labels = {null};
    int[] width = {Integer.MAX_VALUE};
    DelimitedRows.HeaderHandler onHeader = names -> {
      idx[0] = DelimitedRows.resolve(source, names, cols);
      width[0] = names == null ? Integer.MAX_VALUE : names.length;
      labels[0] = DelimitedRows.labels(names, cols, idx[0]).toArray(new String[0]);
    };
    if (!format.header()) {
      onHeader.header(null);
    }
    Problems problems = new Problems(source, lenient);
    rows.read(in, format.header() ? onHeader : null, (line, f, n) -> {
      problems.rowRead();
      int[] ix = idx[0];
      String problem = null;
      int bad = -1;
      String value = null;
      int need = 0;
      for (int i : ix) {
        need = Math.max(need, i + 1);
      }
      String id = null;
      long t = 0;
      double a = Double.NaN;
      if (n < need) {
        problem = "has " + n + " fields, needs at least " + need;
      } else if (n > width[0] && !blankFrom(f, width[0], n)) {
        problem = "has " + n + " fields, the header " + width[0]
            + " (an unquoted separator inside a field?)";
      } else {
        id = f[ix[0]].strip();
        if (id.isEmpty()) {
          problem = "is empty (customer id)";
          bad = 0;
          value = f[ix[0]];
        }
        if (problem == null) {
          String d = f[ix[1]].strip();
          try {
            long day = timestamps ? Math.floorDiv(dateFormat.epochSecond(d, zone), 86_400L)
                : dateFormat.epochDay(d, zone);
            if (day < Checks.MIN_EPOCH_DAY || day > Checks.MAX_EPOCH_DAY) {
              problem = "is outside " + Checks.MIN_DATE + " .. " + Checks.MAX_DATE;
            } else {
              t = timestamps ? dateFormat.epochSecond(d, zone) : day;
            }
          } catch (DateTimeException e) {
            problem = e.getMessage();
          }
          if (problem != null) {
            bad = 1;
            value = d;
          }
        }
        if (problem == null) {
          String s = f[ix[2]].strip();
          a = format.parseNumber(s);
          if (Double.isNaN(a)) {
            problem = s.isEmpty() ? "is empty" : format.numberReason();
            bad = 2;
            value = s;
          } else if (amount == null) {
            String p = f[ix[3]].strip();
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
      }
      if (problem == null) {
        log.addRaw(id, t, a);
        problems.rowAccepted();
        return;
      }
      problems.bad(line, bad >= 0 ? labels[0][bad] : null, value, problem);
    });
    return new Result(log.build(), problems.report());
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
  public static final class Builder {
    private CsvFormat format = CsvFormat.csv();
    private Column customer;
    private Column date;
    private DateFormat dateFormat = DateFormat.iso();
    private Column amount;
    private Column quantity;
    private Column unitPrice;
    private ZoneId zone = ZoneOffset.UTC;
    private boolean timestamps;
    private boolean lenient;

    private Builder() {}

    /** The file layout (default {@link CsvFormat#csv()}). */
    public Builder format(CsvFormat f) {
      this.format = Objects.requireNonNull(f, "format");
      return this;
    }

    /** The customer id column. */
    public Builder customer(Column c) {
      this.customer = Objects.requireNonNull(c, "customer");
      return this;
    }

    /** The date (or time) column and its format. */
    public Builder date(Column c, DateFormat f) {
      this.date = Objects.requireNonNull(c, "date");
      this.dateFormat = Objects.requireNonNull(f, "date format");
      return this;
    }

    /** The amount column. */
    public Builder amount(Column c) {
      this.amount = Objects.requireNonNull(c, "amount");
      return this;
    }

    /** Amount = quantity × unit price, from two columns. */
    public Builder amountAsProduct(Column quantityColumn, Column unitPriceColumn) {
      this.quantity = Objects.requireNonNull(quantityColumn, "quantity");
      this.unitPrice = Objects.requireNonNull(unitPriceColumn, "unit price");
      return this;
    }

    /**
     * The zone in which dates and local date-times are placed and instants are read as dates
     * (default UTC).
     */
    public Builder zone(ZoneId z) {
      this.zone = Objects.requireNonNull(z, "zone");
      return this;
    }

    /** Build a timestamped log (epoch seconds) read in {@code z}, instead of a dated one. */
    public Builder timestamps(ZoneId z) {
      this.zone = Objects.requireNonNull(z, "zone");
      this.timestamps = true;
      return this;
    }

    /** Skip bad rows and report them, instead of stopping at the first (default strict). */
    public Builder lenient(boolean l) {
      this.lenient = l;
      return this;
    }

    /**
     * The reader.
     *
     * @throws IllegalStateException when a required column is missing, or both an amount column
     *     and a quantity × price pair are given
     */
    public TransactionCsvReader build() {
      if (customer == null || date == null) {
        throw new IllegalStateException("a transaction reader needs customer and date columns");
      }
      if ((amount == null) == (quantity == null)) {
        throw new IllegalStateException(
            "give either an amount column or a quantity and unit-price pair, not "
                + (amount == null ? "neither" : "both"));
      }
      return new TransactionCsvReader(this);
    }
  }
}
