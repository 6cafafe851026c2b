package org.crmkit.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.Checks;
import org.crmkit.core.table.Table;

/**
 * Reads any delimited file into a {@link Table} whose columns have declared types: text, whole
 * numbers, real numbers, dates or booleans. For data that is not transactions, customers,
 * surveys or tickets — survival data (duration, event, covariates), lookup tables, exports to
 * inspect.
 *
 * <pre>{@code
 * TableCsvReader reader = TableCsvReader.builder()
 *     .column(Column.named("week"), Table.Type.LONG)
 *     .column(Column.named("arrest"), Table.Type.LONG)
 *     .column(Column.named("age"), Table.Type.DOUBLE)
 *     .build();                       // the other columns are read as text
 * Table rossi = reader.read(Path.of("rossi.csv")).table();
 * }</pre>
 *
 * <p><b>Types.</b> {@link Table.Type#STRING}: the stripped text. {@link Table.Type#LONG}: an
 * optional sign and digits, within the range of a {@code long} ({@code 7.0} is not a whole
 * number). {@link Table.Type#DOUBLE}: a number in the file's format (see {@link CsvFormat}; never
 * NaN or infinite). {@link Table.Type#DATE}: a date in the column's {@link DateFormat} (ISO unless
 * given), within {@link Checks#MIN_DATE} .. {@link Checks#MAX_DATE}.
 * {@link Table.Type#BOOLEAN}: {@code true} or {@code false} in any case. A blank cell is a
 * missing value (null) in every type.
 *
 * <p><b>Columns.</b> The table has the file's columns in file order, named by the header:
 * declared columns with their type, the others as text — or, with {@link Builder#onlyDeclared()},
 * the declared columns alone, in the order declared (the only choice for a file without a
 * header, where a column is named {@code #index}). Names in the table must be unique.
 *
 * <p><b>Bad rows.</b> A row is bad when a cell does not parse as its column's type, or the row
 * has too few fields or more than the header. Strict by default (a {@link CsvReadException}
 * naming file, line, column, value and reason); lenient mode skips and reports. The table holds
 * primitive arrays (8 bytes a number or date, 1 byte a boolean, plus a bit for missing whole
 * numbers and dates). Immutable and thread-safe; the tables it returns are immutable.
 */
public final class TableCsvReader extends CsvReaderBase<TableCsvReader.Result> {

  private final Map<Column, Table.Type> types;
  private final Map<Column, DateFormat> dateFormats;
  private final boolean onlyDeclared;

  private TableCsvReader(Builder b) {
    super(b);
    this.types = new LinkedHashMap<>(b.types);
    this.dateFormats = new LinkedHashMap<>(b.dateFormats);
    this.onlyDeclared = b.onlyDeclared;
  }

  /** A builder; with no declared column every column is read as text. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What a read returns.
   *
   * @param table the accepted rows
   * @param report rows read, accepted and skipped
   */
  public record Result(Table table, ReadReport report) {}

  @Override
  public Result read(InputStream in, String source) throws IOException {
    List<Col> cols = new ArrayList<>();
    RecordRows.HeaderListener onHeader = row -> {
      List<Integer> positions = new ArrayList<>();
      List<Integer> keys = new ArrayList<>();
      List<Table.Type> colTypes = new ArrayList<>();
      List<DateFormat> formats = new ArrayList<>();
      if (onlyDeclared) {
        for (int k = 0; k < columns.size(); k++) {
          positions.add(row.position(k));
          keys.add(k);
          colTypes.add(types.get(columns.get(k)));
          formats.add(dateFormats.get(columns.get(k)));
        }
      } else {
        for (int i = 0; i < row.header().length; i++) {
          Table.Type t = Table.Type.STRING;
          DateFormat f = null;
          int key = -1;
          for (int k = 0; k < columns.size(); k++) {
            if (row.position(k) == i) {
              t = types.get(columns.get(k));
              f = dateFormats.get(columns.get(k));
              key = k;
            }
          }
          positions.add(i);
          keys.add(key);
          colTypes.add(t);
          formats.add(f);
        }
        row.requireFields(row.header().length);
      }
      Set<String> names = new HashSet<>();
      for (int c = 0; c < positions.size(); c++) {
        int i = positions.get(c);
        String name = row.label(i).isEmpty() ? "#" + i : row.label(i);
        if (!names.add(name)) {
          throw new CsvReadException(source, 1, name, null,
              "appears twice in the header; table columns need unique names");
        }
        cols.add(Col.of(name, colTypes.get(c), i, keys.get(c), formats.get(c)));
      }
    };
    ReadReport report = readRows(in, source, columns, onHeader, row -> {
      for (Col c : cols) {
        c.parse(row, format, zone);
      }
      for (Col c : cols) {
        c.commit();
      }
    });
    return new Result(new ReadTable(cols), report);
  }

  /** Options of a {@link TableCsvReader}. */
  public static final class Builder extends CsvReaderBase.Options<Builder> {
    private final Map<Column, Table.Type> types = new LinkedHashMap<>();
    private final Map<Column, DateFormat> dateFormats = new LinkedHashMap<>();
    private boolean onlyDeclared;

    private Builder() {
      super(0);
    }

    /**
     * Declares the type of a column (dates in ISO form; see {@link #date(Column, DateFormat)}).
     *
     * @throws IllegalArgumentException when the column is declared twice
     */
    public Builder column(Column c, Table.Type type) {
      Objects.requireNonNull(c, "column");
      Objects.requireNonNull(type, "type");
      if (types.containsKey(c)) {
        throw new IllegalArgumentException("column '" + c + "' is declared twice");
      }
      types.put(c, type);
      columns.add(c);
      if (type == Table.Type.DATE) {
        dateFormats.put(c, DateFormat.iso());
      }
      return this;
    }

    /** Declares a date column in format {@code f}. */
    public Builder date(Column c, DateFormat f) {
      column(c, Table.Type.DATE);
      dateFormats.put(c, Objects.requireNonNull(f, "date format"));
      return this;
    }

    /** The table holds the declared columns only, in the order declared. */
    public Builder onlyDeclared() {
      this.onlyDeclared = true;
      return this;
    }

    /**
     * The reader.
     *
     * @throws IllegalStateException for a headerless format unless {@link #onlyDeclared()} is
     *     set and a column is declared
     */
    public TableCsvReader build() {
      if (!format.header() && (!onlyDeclared || types.isEmpty())) {
        throw new IllegalStateException("a file without a header line needs declared columns "
            + "and onlyDeclared(): its columns have no names");
      }
      if (onlyDeclared && types.isEmpty()) {
        throw new IllegalStateException("onlyDeclared() needs at least one declared column");
      }
      return new TableCsvReader(this);
    }
  }

  /**
   * A growable typed column. parse() writes the cell of the current row at index {@code size},
   * past the accepted rows; commit() accepts it once every column of the row has parsed, so a bad
   * row leaves nothing behind (the next row overwrites it).
   */
  private abstract static class Col {
    private static final int INITIAL = 64;
    final String name;
    final Table.Type type;
    final int position;
    /** The index among the declared columns (-1 for an undeclared text column). */
    final int key;
    /** The accepted rows. */
    int size;
    /** The length of the value array; always more than size. */
    private int capacity = INITIAL;

    Col(String name, Table.Type type, int position, int key) {
      this.name = name;
      this.type = type;
      this.position = position;
      this.key = key;
    }

    static Col of(String name, Table.Type type, int position, int key, DateFormat f) {
      return switch (type) {
        case STRING -> new Text(name, position, key);
        case LONG -> new Longs(name, Table.Type.LONG, position, key);
        case DOUBLE -> new Doubles(name, position, key);
        case DATE -> new Dates(name, position, key, f);
        case BOOLEAN -> new Booleans(name, position, key);
      };
    }

    /** The stripped cell, or null when blank. */
    String cell(RecordRows.Row row) {
      String s = row.field(position).strip();
      return s.isEmpty() ? null : s;
    }

    RecordRows.BadCell bad(RecordRows.Row row, String value, String reason) {
      return row.bad(key, value, reason);
    }

    /** Reads the current row's cell into index {@link #size}. */
    abstract void parse(RecordRows.Row row, CsvFormat format, ZoneId zone)
        throws RecordRows.BadCell;

    /** Accepts the value parse() wrote; doubles the arrays when they are full. */
    final void commit() {
      if (++size == capacity) {
        capacity *= 2;
        resize(capacity);
      }
    }

    /** Cuts the arrays to the accepted rows (after the last commit). */
    final void trim() {
      resize(size);
    }

    /** Copies the value array to length {@code n}. */
    abstract void resize(int n);

    abstract Object get(int r);
  }

  private static final class Text extends Col {
    String[] v = new String[Col.INITIAL];

    Text(String name, int position, int key) {
      super(name, Table.Type.STRING, position, key);
    }

    @Override
    void parse(RecordRows.Row row, CsvFormat format, ZoneId zone) {
      v[size] = cell(row);
    }

    @Override
    void resize(int n) {
      v = Arrays.copyOf(v, n);
    }

    @Override
    Object get(int r) {
      return v[r];
    }
  }

  /** Whole numbers or dates (epoch days) with a missing-value bit. */
  private static class Longs extends Col {
    long[] v = new long[Col.INITIAL];
    final BitSet missing = new BitSet();

    Longs(String name, Table.Type type, int position, int key) {
      super(name, type, position, key);
    }

    @Override
    void parse(RecordRows.Row row, CsvFormat format, ZoneId zone) throws RecordRows.BadCell {
      String s = cell(row);
      missing.set(size, s == null);
      if (s != null) {
        try {
          v[size] = Long.parseLong(s);
        } catch (NumberFormatException e) {
          throw bad(row, s, "is not a whole number");
        }
      }
    }

    @Override
    void resize(int n) {
      v = Arrays.copyOf(v, n);
    }

    @Override
    Object get(int r) {
      return missing.get(r) ? null : v[r];
    }
  }

  private static final class Dates extends Longs {
    final DateFormat format;

    Dates(String name, int position, int key, DateFormat format) {
      super(name, Table.Type.DATE, position, key);
      this.format = format;
    }

    @Override
    void parse(RecordRows.Row row, CsvFormat f, ZoneId zone) throws RecordRows.BadCell {
      String s = cell(row);
      missing.set(size, s == null);
      if (s != null) {
        v[size] = row.epochDay(key, format, zone);
      }
    }

    @Override
    Object get(int r) {
      return missing.get(r) ? null : LocalDate.ofEpochDay(v[r]);
    }
  }

  private static final class Doubles extends Col {
    double[] v = new double[Col.INITIAL];

    Doubles(String name, int position, int key) {
      super(name, Table.Type.DOUBLE, position, key);
    }

    @Override
    void parse(RecordRows.Row row, CsvFormat format, ZoneId zone) throws RecordRows.BadCell {
      String s = cell(row);
      double d = s == null ? Double.NaN : format.parseNumber(s);
      if (s != null && Double.isNaN(d)) {
        throw bad(row, s, format.numberReason());
      }
      v[size] = d;
    }

    @Override
    void resize(int n) {
      v = Arrays.copyOf(v, n);
    }

    @Override
    Object get(int r) {
      return Double.isNaN(v[r]) ? null : v[r];
    }
  }

  private static final class Booleans extends Col {
    private static final byte MISSING = 2;
    byte[] v = new byte[Col.INITIAL];

    Booleans(String name, int position, int key) {
      super(name, Table.Type.BOOLEAN, position, key);
    }

    @Override
    void parse(RecordRows.Row row, CsvFormat format, ZoneId zone) throws RecordRows.BadCell {
      String s = cell(row);
      if (s == null) {
        v[size] = MISSING;
      } else if (s.equalsIgnoreCase("true")) {
        v[size] = 1;
      } else if (s.equalsIgnoreCase("false")) {
        v[size] = 0;
      } else {
        throw bad(row, s, "is not true or false");
      }
    }

    @Override
    void resize(int n) {
      v = Arrays.copyOf(v, n);
    }

    @Override
    Object get(int r) {
      return v[r] == MISSING ? null : v[r] == 1;
    }
  }

  /** The table read: the trimmed columns. */
  private static final class ReadTable implements Table {
    private final List<Col> cols;
    private final List<String> names;
    private final int rows;

    ReadTable(List<Col> cols) {
      this.cols = List.copyOf(cols);
      for (Col c : this.cols) {
        c.trim();
      }
      this.names = this.cols.stream().map(c -> c.name).toList();
      this.rows = this.cols.isEmpty() ? 0 : this.cols.get(0).size;
    }

    @Override
    public List<String> columns() {
      return names;
    }

    @Override
    public Type type(int col) {
      return cols.get(col).type;
    }

    @Override
    public int rowCount() {
      return rows;
    }

    @Override
    public Object value(int row, int col) {
      Objects.checkIndex(row, rows);
      return cols.get(col).get(row);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "Table: %,d rows, %d columns%n", rows, cols.size())
          + format(20);
    }
  }
}
