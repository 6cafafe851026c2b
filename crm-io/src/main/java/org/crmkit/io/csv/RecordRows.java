package org.crmkit.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * The row loop shared by the record readers (customers, survey responses, service tickets,
 * typed tables): resolves the declared columns against the header, checks the number of fields,
 * lets a {@link RowParser} turn the cells of one row into a value, and turns a {@link BadCell}
 * into a bad row of {@link Problems} (strict: a {@link CsvReadException}; lenient: counted and
 * skipped).
 *
 * <p>A row is bad when it has fewer fields than the rightmost declared column needs, or — in a
 * file with a header — more fields than the header unless the extra ones are blank (a trailing
 * separator). Extra non-blank fields usually mean an unquoted separator inside a field, such as
 * {@code 12,50} in a comma-separated file, which would otherwise shift or cut a value silently.
 */
final class RecordRows {

  private RecordRows() {}

  /** A problem with one cell (or the whole row) of the current row; carries no stack trace. */
  static final class BadCell extends Exception {
    private static final long serialVersionUID = 1L;

    /** The declared column's index, or -1 for the whole row. */
    final int column;
    /** The offending text, or null. */
    final String value;

    BadCell(int column, String value, String reason) {
      super(reason, null, false, false);
      this.column = column;
      this.value = value;
    }
  }

  /** Turns one row into values; throws {@link BadCell} for a bad row. */
  interface RowParser {
    void parse(Row row) throws BadCell;
  }

  /** Called once with the resolved header before the first data row. */
  interface HeaderListener {
    void header(Row row) throws CsvReadException;
  }

  /**
   * The current row seen through the declared columns: column {@code k} is the k-th of the list
   * given to {@link #read}; a null entry there is a column that was not declared.
   */
  static final class Row {
    private final CsvFormat format;
    private final List<Column> columns;
    private int[] idx;
    private String[] labels;
    private String[] header;
    private long line;
    private String[] fields;
    private int count;
    private int need;

    Row(CsvFormat format, List<Column> columns) {
      this.format = format;
      this.columns = columns;
    }

    /** The header names, or null for a headerless file. */
    String[] header() {
      return header;
    }

    /** The file position of declared column k, or -1 when it is not declared. */
    int position(int k) {
      return idx[k];
    }

    /** Rows with fewer than {@code n} fields are bad (called from a header listener). */
    void requireFields(int n) {
      need = Math.max(need, n);
    }

    /** The 1-based line of the current row. */
    long line() {
      return line;
    }

    /** The number of fields of the current row. */
    int count() {
      return count;
    }

    /** The raw text of the field at file position {@code i}. */
    String field(int i) {
      return fields[i];
    }

    /** The label (header name or #index) of the field at file position {@code i}. */
    String label(int i) {
      return header != null && i < header.length ? header[i] : "#" + i;
    }

    /** The label of declared column k. */
    String labelOf(int k) {
      return labels[k];
    }

    /** True when column k is declared. */
    boolean has(int k) {
      return idx[k] >= 0;
    }

    /** A problem with column k. */
    BadCell bad(int k, String value, String reason) {
      return new BadCell(k, value, reason);
    }

    /** The stripped text of column k; empty text is a bad cell naming {@code what}. */
    String text(int k, String what) throws BadCell {
      String s = fields[idx[k]].strip();
      if (s.isEmpty()) {
        throw new BadCell(k, fields[idx[k]], "is empty (" + what + ")");
      }
      return s;
    }

    /** The stripped text of column k, or null when it is not declared or blank. */
    String optionalText(int k) {
      if (idx[k] < 0) {
        return null;
      }
      String s = fields[idx[k]].strip();
      return s.isEmpty() ? null : s;
    }

    /** The number in column k, strictly in the file's format. */
    double number(int k) throws BadCell {
      String s = fields[idx[k]].strip();
      double d = format.parseNumber(s);
      if (Double.isNaN(d)) {
        throw new BadCell(k, s, s.isEmpty() ? "is empty" : format.numberReason());
      }
      return d;
    }

    /** The number in column k, or null when it is not declared or blank. */
    Double optionalNumber(int k) throws BadCell {
      if (idx[k] < 0 || fields[idx[k]].isBlank()) {
        return null;
      }
      return number(k);
    }

    /** The date in column k as an epoch day in {@link Checks#MIN_DATE} .. MAX_DATE. */
    long epochDay(int k, DateFormat df, ZoneId zone) throws BadCell {
      String s = fields[idx[k]].strip();
      long day;
      try {
        day = df.epochDay(s, zone);
      } catch (DateTimeException e) {
        throw new BadCell(k, s, s.isEmpty() ? "is empty" : e.getMessage());
      } catch (ArithmeticException e) {
        throw new BadCell(k, s, "is too far from 1970");
      }
      if (day < Checks.MIN_EPOCH_DAY || day > Checks.MAX_EPOCH_DAY) {
        throw new BadCell(k, s, "is outside " + Checks.MIN_DATE + " .. " + Checks.MAX_DATE);
      }
      return day;
    }

    /**
     * The instant in column k (to the second; dates and local date-times placed in
     * {@code zone}), on a UTC date in {@link Checks#MIN_DATE} .. MAX_DATE.
     */
    Instant instant(int k, DateFormat df, ZoneId zone) throws BadCell {
      String s = fields[idx[k]].strip();
      long second;
      try {
        second = df.epochSecond(s, zone);
      } catch (DateTimeException e) {
        throw new BadCell(k, s, s.isEmpty() ? "is empty" : e.getMessage());
      } catch (ArithmeticException e) {
        throw new BadCell(k, s, "is too far from 1970");
      }
      long day = Math.floorDiv(second, 86_400L);
      if (day < Checks.MIN_EPOCH_DAY || day > Checks.MAX_EPOCH_DAY) {
        throw new BadCell(k, s, "is outside " + Checks.MIN_DATE + " .. " + Checks.MAX_DATE
            + " (UTC)");
      }
      return Instant.ofEpochSecond(second);
    }

    /** The instant in column k, or null when it is not declared or blank. */
    Instant optionalInstant(int k, DateFormat df, ZoneId zone) throws BadCell {
      if (idx[k] < 0 || fields[idx[k]].isBlank()) {
        return null;
      }
      return instant(k, df, zone);
    }

    /**
     * A yes/no cell: {@code true}, {@code yes}, {@code y}, {@code 1} or {@code false},
     * {@code no}, {@code n}, {@code 0}, in any case.
     */
    boolean bool(int k) throws BadCell {
      String s = fields[idx[k]].strip();
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "y", "1" -> true;
        case "false", "no", "n", "0" -> false;
        default -> throw new BadCell(k, s, s.isEmpty() ? "is empty"
            : "is not a yes/no value (true/false, yes/no, y/n, 1/0)");
      };
    }
  }

  /**
   * Reads {@code in}: resolves {@code columns} (null entries are undeclared), calls
   * {@code onHeader} once, then {@code parser} for every data row.
   *
   * @return the report of rows read, accepted and skipped
   */
  static ReadReport read(CsvFormat format, InputStream in, String source, boolean lenient,
      List<Column> columns, HeaderListener onHeader, RowParser parser) throws IOException {
    Row row = new Row(format, columns);
    List<Column> declared = new ArrayList<>();
    for (Column c : columns) {
      if (c != null) {
        declared.add(c);
      }
    }
    DelimitedRows.HeaderHandler resolve = names -> {
      int[] found = DelimitedRows.resolve(source, names, declared);
      List<String> foundLabels = DelimitedRows.labels(names, declared, found);
      row.idx = new int[columns.size()];
      row.labels = new String[columns.size()];
      row.header = names;
      for (int k = 0, d = 0; k < columns.size(); k++) {
        if (columns.get(k) == null) {
          row.idx[k] = -1;
        } else {
          row.idx[k] = found[d];
          row.labels[k] = foundLabels.get(d);
          row.requireFields(found[d] + 1);
          d++;
        }
      }
      if (onHeader != null) {
        onHeader.header(row);
      }
    };
    Problems problems = new Problems(source, lenient);
    new DelimitedRows(format, source).read(in, resolve,
        (line, f, n) -> {
          problems.rowRead();
          row.line = line;
          row.fields = f;
          row.count = n;
          String shape = shape(row, n, row.need);
          if (shape != null) {
            problems.bad(line, null, null, shape);
            return;
          }
          try {
            parser.parse(row);
            problems.rowAccepted();
          } catch (BadCell e) {
            problems.bad(line, e.column >= 0 ? row.labels[e.column] : null, e.value,
                e.getMessage());
          }
        });
    return problems.report();
  }

  /** Why the row has the wrong number of fields, or null. */
  private static String shape(Row row, int n, int need) {
    if (n < need) {
      return "has " + n + " fields, needs at least " + need;
    }
    if (row.header != null && n > row.header.length) {
      for (int i = row.header.length; i < n; i++) {
        if (!row.fields[i].isBlank()) {
          return "has " + n + " fields, the header " + row.header.length
              + " (an unquoted separator inside a field?)";
        }
      }
    }
    return null;
  }
}
