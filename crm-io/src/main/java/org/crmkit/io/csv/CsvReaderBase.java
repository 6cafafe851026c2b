package org.crmkit.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the builder-made readers (customers, survey responses, service tickets, transactions,
 * typed tables) share: the options of every builder — file layout, declared columns, date
 * format, zone, error policy — reading a file by its name, and the row loop of
 * {@link RecordRows} bound to the reader's layout and error policy. A reader adds its columns
 * (as role constants, the indices into {@link #columns}), how a row becomes a value, and its
 * result.
 *
 * <p>Package-private on purpose: javadoc documents the public methods declared here on each
 * public reader and builder, as their own.
 *
 * @param <R> what a read returns
 */
abstract class CsvReaderBase<R> {

  /** The file layout. */
  final CsvFormat format;

  /** The declared columns by role (the reader's constants); null where a role is undeclared. */
  final List<Column> columns;

  /** The format of the reader's date (or time) column. */
  final DateFormat dateFormat;

  /** The zone of the file's dates and times. */
  final ZoneId zone;

  /** Skip and report bad rows instead of stopping at the first. */
  final boolean lenient;

  CsvReaderBase(Options<?> b) {
    this.format = b.format;
    this.columns = Collections.unmodifiableList(new ArrayList<>(b.columns));
    this.dateFormat = b.dateFormat;
    this.zone = b.zone;
    this.lenient = b.lenient;
  }

  /** Reads a file (gzip or not). */
  public R read(Path file) throws IOException {
    return Sources.readFile(file, this::read);
  }

  /**
   * Reads a stream (not closed here).
   *
   * @param source the name used in messages (for example the file name)
   */
  public abstract R read(InputStream in, String source) throws IOException;

  /**
   * The rows of {@code in} through {@link RecordRows#read} with this reader's format and error
   * policy.
   */
  final ReadReport readRows(InputStream in, String source, List<Column> cols,
      RecordRows.HeaderListener onHeader, RecordRows.RowParser parser) throws IOException {
    Objects.requireNonNull(in, "in");
    return RecordRows.read(format, in, source, lenient, cols, onHeader, parser);
  }

  /** The record of every accepted row of {@code in}, in file order, and the report. */
  final <T> Records<T> readRecords(InputStream in, String source, List<Column> cols,
      RecordRows.HeaderListener onHeader, RecordParser<T> parser) throws IOException {
    List<T> out = new ArrayList<>();
    ReadReport report = readRows(in, source, cols, onHeader, row -> out.add(parser.parse(row)));
    return new Records<>(out, report);
  }

  /** Turns one row into a record; throws {@link RecordRows.BadCell} for a bad row. */
  interface RecordParser<T> {
    T parse(RecordRows.Row row) throws RecordRows.BadCell;
  }

  /**
   * What {@link #readRecords} returns.
   *
   * @param list the records of the accepted rows, in file order
   * @param report rows read, accepted and skipped
   */
  record Records<T>(List<T> list, ReadReport report) {}

  /**
   * The options every reader's builder has. {@code B} is the builder itself, so that these
   * options chain with the reader's own and return the reader's builder type.
   */
  abstract static class Options<B extends Options<B>> {
    CsvFormat format = CsvFormat.csv();
    final List<Column> columns;
    DateFormat dateFormat = DateFormat.iso();
    ZoneId zone = ZoneOffset.UTC;
    boolean lenient;

    /** Options of a reader with {@code roles} column roles, none declared yet. */
    Options(int roles) {
      this.columns = new ArrayList<>(Collections.nCopies(roles, null));
    }

    /** The file layout (default {@link CsvFormat#csv()}). */
    public B format(CsvFormat f) {
      this.format = Objects.requireNonNull(f, "format");
      return self();
    }

    /**
     * The zone of the file's dates and times (default UTC): an instant read as a date is its
     * date in this zone, and a date or local date-time read as a time is placed in it.
     */
    public B zone(ZoneId z) {
      this.zone = Objects.requireNonNull(z, "zone");
      return self();
    }

    /** Skip bad rows and report them, instead of stopping at the first (default strict). */
    public B lenient(boolean l) {
      this.lenient = l;
      return self();
    }

    /** Declares the column of {@code role}; {@code what} names it when {@code c} is null. */
    final B declare(int role, Column c, String what) {
      columns.set(role, Objects.requireNonNull(c, what));
      return self();
    }

    /** Declares the column of {@code role} and the format of its dates. */
    final B declareDate(int role, Column c, String what, DateFormat f) {
      declare(role, c, what);
      this.dateFormat = Objects.requireNonNull(f, "date format");
      return self();
    }

    /** Undeclares the column of {@code role} (a fixed value replaces it). */
    final void undeclare(int role) {
      columns.set(role, null);
    }

    /** True when the columns of all these roles are declared. */
    final boolean declared(int... roles) {
      for (int role : roles) {
        if (columns.get(role) == null) {
          return false;
        }
      }
      return true;
    }

    /** This builder as its own type; sound as every builder {@code B} extends Options of B. */
    @SuppressWarnings("unchecked")
    final B self() {
      return (B) this;
    }
  }
}
