package org.crmkit.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.Checks;
import org.crmkit.core.customer.Customer;

/**
 * Reads customers (id, acquisition date, optional acquisition cost, free attributes) from a
 * delimited file into a list of {@link Customer} records, in file order.
 *
 * <pre>{@code
 * CustomerCsvReader reader = CustomerCsvReader.builder()
 *     .id(Column.named("customer_id"))
 *     .acquisitionDate(Column.named("signup_date"), DateFormat.iso())
 *     .acquisitionCost(Column.named("cac"))
 *     .build();                       // every other column becomes an attribute
 * List<Customer> customers = reader.read(Path.of("customers.csv")).customers();
 * }</pre>
 *
 * <p><b>Attributes.</b> By default every column that is not the id, the date or the cost becomes
 * an attribute named by its header (or {@code #index} in a headerless file);
 * {@link Builder#attributes(Column...)} keeps only the named ones, and
 * {@link Builder#noAttributes()} none. When every other column is an attribute, a row must have
 * as many fields as the header. Values are stripped of surrounding white space; a blank
 * cell means the customer has no such attribute (no key), as {@link Customer} requires.
 *
 * <p><b>Bad rows.</b> A row is bad when the id is empty or repeats the id of an earlier row, the
 * date does not match its format or lies outside {@link Checks#MIN_DATE} ..
 * {@link Checks#MAX_DATE}, the cost is not a number in the file's format or is negative (an
 * empty cost is unknown, not zero), or the row has too few fields or more than the header (see
 * {@link TransactionCsvReader}). Strict by default: the first bad row stops the read with a
 * {@link CsvReadException} naming the file, line, column, value and reason; in lenient mode bad
 * rows are skipped and counted in the {@link ReadReport}. Immutable and thread-safe.
 */
public final class CustomerCsvReader extends CsvReaderBase<CustomerCsvReader.Result> {

  private static final int ID = 0;
  private static final int DATE = 1;
  private static final int COST = 2;

  private final List<Column> attributes;
  private final boolean otherColumnsAreAttributes;

  private CustomerCsvReader(Builder b) {
    super(b);
    this.attributes = List.copyOf(b.attributes);
    this.otherColumnsAreAttributes = b.otherColumnsAreAttributes;
  }

  /** A builder; the id and acquisition-date columns are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What a read returns.
   *
   * @param customers the customers of the accepted rows, in file order (unmodifiable)
   * @param report rows read, accepted and skipped
   */
  public record Result(List<Customer> customers, ReadReport report) {
    /** Copies the list. */
    public Result {
      customers = List.copyOf(customers);
    }
  }

  @Override
  public Result read(InputStream in, String source) throws IOException {
    List<Column> cols = new ArrayList<>(columns);
    cols.addAll(attributes);
    Set<String> seen = new HashSet<>();
    int[][] attributePositions = {null};
    RecordRows.HeaderListener onHeader = row ->
        attributePositions[0] = attributePositions(row, source);
    Records<Customer> r = readRecords(in, source, cols, onHeader,
        row -> customer(row, attributePositions[0], seen));
    return new Result(r.list(), r.report());
  }

  /** The customer of one row; {@code seen} holds the ids of the rows before. */
  private Customer customer(RecordRows.Row row, int[] attributePositions, Set<String> seen)
      throws RecordRows.BadCell {
    String customer = row.text(ID, "customer id");
    LocalDate acquired = LocalDate.ofEpochDay(row.epochDay(DATE, dateFormat, zone));
    Double c = row.optionalNumber(COST);
    if (c != null && !(c >= 0)) {
      throw row.bad(COST, row.field(row.position(COST)).strip(),
          "is negative (acquisition cost)");
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    for (int i : attributePositions) {
      String v = row.field(i).strip();
      if (!v.isEmpty()) {
        attrs.put(row.label(i), v);
      }
    }
    if (!seen.add(customer)) {
      throw row.bad(ID, customer, "repeats the customer id of an earlier row");
    }
    return new Customer(customer, acquired, c, attrs);
  }

  /** The file positions of the attribute columns. */
  private int[] attributePositions(RecordRows.Row row, String source)
      throws CsvReadException {
    if (!otherColumnsAreAttributes) {
      int[] p = new int[attributes.size()];
      for (int k = 0; k < p.length; k++) {
        p[k] = row.position(3 + k);
      }
      return p;
    }
    row.requireFields(row.header().length);
    List<Integer> p = new ArrayList<>();
    for (int i = 0; i < row.header().length; i++) {
      if (i != row.position(ID) && i != row.position(DATE) && i != row.position(COST)
          && !row.header()[i].isEmpty()) {
        p.add(i);
      }
    }
    Map<String, Integer> names = new HashMap<>();
    for (int i : p) {
      Integer before = names.put(row.header()[i], i);
      if (before != null) {
        throw new CsvReadException(source, 1, row.header()[i], null,
            "appears twice in the header; attributes need unique names");
      }
    }
    return p.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Options of a {@link CustomerCsvReader}. */
  public static final class Builder extends CsvReaderBase.Options<Builder> {
    private final List<Column> attributes = new ArrayList<>();
    private boolean otherColumnsAreAttributes = true;

    private Builder() {
      super(3);
    }

    /** The customer id column. */
    public Builder id(Column c) {
      return declare(ID, c, "id");
    }

    /** The acquisition date column and its format. */
    public Builder acquisitionDate(Column c, DateFormat f) {
      return declareDate(DATE, c, "acquisition date", f);
    }

    /** The acquisition cost column (optional; a blank cell is an unknown cost). */
    public Builder acquisitionCost(Column c) {
      return declare(COST, c, "acquisition cost");
    }

    /** Only these columns become attributes (named by their header, or #index). */
    public Builder attributes(Column... columns) {
      attributes.clear();
      for (Column c : columns) {
        attributes.add(Objects.requireNonNull(c, "attribute column"));
      }
      otherColumnsAreAttributes = false;
      return this;
    }

    /** No column becomes an attribute. */
    public Builder noAttributes() {
      attributes.clear();
      otherColumnsAreAttributes = false;
      return this;
    }

    /**
     * The reader.
     *
     * @throws IllegalStateException when the id or date column is missing, or when every other
     *     column should become an attribute of a file without a header (name them instead)
     */
    public CustomerCsvReader build() {
      if (!declared(ID, DATE)) {
        throw new IllegalStateException(
            "a customer reader needs id and acquisition-date columns");
      }
      if (otherColumnsAreAttributes && !format.header()) {
        throw new IllegalStateException("attributes from all other columns need a header line; "
            + "name the attribute columns with attributes(...) or use noAttributes()");
      }
      return new CustomerCsvReader(this);
    }
  }
}
