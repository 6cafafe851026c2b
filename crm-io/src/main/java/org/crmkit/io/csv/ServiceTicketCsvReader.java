package org.crmkit.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.Checks;
import org.crmkit.core.customer.ServiceTicket;
import org.crmkit.core.customer.Severity;

/**
 * Reads service tickets from a delimited file (a help-desk export) into a list of
 * {@link ServiceTicket} records, in file order.
 *
 * <pre>{@code
 * ServiceTicketCsvReader reader = ServiceTicketCsvReader.builder()
 *     .customer(Column.named("requester"))
 *     .opened(Column.named("created_at"), DateFormat.pattern("yyyy-MM-dd HH:mm:ss"))
 *     .firstResponse(Column.named("first_reply_at"))
 *     .resolved(Column.named("solved_at"))
 *     .channel(Column.named("via"))
 *     .category(Column.named("topic"))
 *     .severity(Column.named("priority"), Map.of("urgent", Severity.CRITICAL,
 *         "high", Severity.HIGH, "normal", Severity.MEDIUM, "low", Severity.LOW))
 *     .zone(ZoneId.of("Europe/Berlin"))     // local times in the export are Berlin time
 *     .build();
 * List<ServiceTicket> tickets = reader.read(Path.of("tickets.csv")).tickets();
 * }</pre>
 *
 * <p><b>Times.</b> The opening, first-response and resolution columns share one
 * {@link DateFormat}. Local date-times (and dates, at their start) are placed in the reader's
 * zone (default UTC); instants with an offset keep their offset. Times are kept to the second.
 * A blank first-response or resolution cell means none yet (null).
 *
 * <p><b>Optional columns.</b> Channel and category come from a column or are one fixed text for
 * the file. Severity comes from a column whose labels are mapped (in any case) through a given
 * map, by default the names {@code low}, {@code medium}, {@code high} and {@code critical}; or it
 * is fixed. Contacts (a whole number ≥ 1; blank means 1) and reopened (true/false, yes/no, y/n,
 * 1/0; blank means false) are optional.
 *
 * <p><b>Bad rows.</b> A row is bad when the customer id, channel or category is empty, a time
 * does not match the format or lies outside {@link Checks#MIN_DATE} .. {@link Checks#MAX_DATE}
 * (UTC), the first response or resolution is before the opening, the severity label is not in
 * the map, contacts is not a whole number ≥ 1, reopened is not a yes/no value, or the row has
 * too few fields or more than the header. Strict by default (a {@link CsvReadException}); lenient
 * mode skips and reports. Immutable and thread-safe.
 */
public final class ServiceTicketCsvReader extends CsvReaderBase<ServiceTicketCsvReader.Result> {

  private static final int CUSTOMER = 0;
  private static final int OPENED = 1;
  private static final int FIRST_RESPONSE = 2;
  private static final int RESOLVED = 3;
  private static final int CHANNEL = 4;
  private static final int CATEGORY = 5;
  private static final int SEVERITY = 6;
  private static final int CONTACTS = 7;
  private static final int REOPENED = 8;

  private final String fixedChannel;
  private final String fixedCategory;
  private final Map<String, Severity> severityLabels;
  private final Severity fixedSeverity;

  private ServiceTicketCsvReader(Builder b) {
    super(b);
    this.fixedChannel = b.fixedChannel;
    this.fixedCategory = b.fixedCategory;
    this.severityLabels = Map.copyOf(b.severityLabels);
    this.fixedSeverity = b.fixedSeverity;
  }

  /**
   * A builder; customer and opening-time columns, channel, category and severity (each a
   * column or fixed) are required.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What a read returns.
   *
   * @param tickets the tickets of the accepted rows, in file order (unmodifiable)
   * @param report rows read, accepted and skipped
   */
  public record Result(List<ServiceTicket> tickets, ReadReport report) {
    /** Copies the list. */
    public Result {
      tickets = List.copyOf(tickets);
    }
  }

  @Override
  public Result read(InputStream in, String source) throws IOException {
    Records<ServiceTicket> r = readRecords(in, source, columns, null, this::ticket);
    return new Result(r.list(), r.report());
  }

  /** The ticket of one row. */
  private ServiceTicket ticket(RecordRows.Row row) throws RecordRows.BadCell {
    String id = row.text(CUSTOMER, "customer id");
    Instant open = row.instant(OPENED, dateFormat, zone);
    Instant first = notBefore(row, FIRST_RESPONSE, open);
    Instant done = notBefore(row, RESOLVED, open);
    String ch = fixedChannel != null ? fixedChannel : row.text(CHANNEL, "channel");
    String cat = fixedCategory != null ? fixedCategory : row.text(CATEGORY, "category");
    Severity sev = fixedSeverity;
    if (sev == null) {
      String s = row.text(SEVERITY, "severity");
      sev = severityLabels.get(s.toLowerCase(Locale.ROOT));
      if (sev == null) {
        throw row.bad(SEVERITY, s, "is not a severity label " + labels());
      }
    }
    int n = 1;
    if (row.has(CONTACTS) && !row.field(row.position(CONTACTS)).isBlank()) {
      double d = row.number(CONTACTS);
      if (!(d >= 1 && d == Math.rint(d) && d <= Integer.MAX_VALUE)) {
        throw row.bad(CONTACTS, row.field(row.position(CONTACTS)).strip(),
            "is not a whole number >= 1 (contacts)");
      }
      n = (int) d;
    }
    boolean again = row.has(REOPENED) && !row.field(row.position(REOPENED)).isBlank()
        && row.bool(REOPENED);
    return new ServiceTicket(id, open, first, done, ch, cat, sev, n, again);
  }

  private Instant notBefore(RecordRows.Row row, int k, Instant open)
      throws RecordRows.BadCell {
    Instant t = row.optionalInstant(k, dateFormat, zone);
    if (t != null && t.isBefore(open)) {
      throw row.bad(k, row.field(row.position(k)).strip(), "is before the opening time");
    }
    return t;
  }

  private String labels() {
    return severityLabels.keySet().stream().sorted().toList().toString();
  }

  /** Options of a {@link ServiceTicketCsvReader}. */
  public static final class Builder extends CsvReaderBase.Options<Builder> {
    private String fixedChannel;
    private String fixedCategory;
    private Map<String, Severity> severityLabels = defaultLabels();
    private Severity fixedSeverity;

    private Builder() {
      super(9);
      dateFormat = DateFormat.isoInstant();
    }

    private static Map<String, Severity> defaultLabels() {
      Map<String, Severity> m = new HashMap<>();
      for (Severity s : Severity.values()) {
        m.put(s.name().toLowerCase(Locale.ROOT), s);
      }
      return m;
    }

    /** The customer id column. */
    public Builder customer(Column c) {
      return declare(CUSTOMER, c, "customer");
    }

    /** The opening-time column and the format of all three time columns. */
    public Builder opened(Column c, DateFormat f) {
      declare(OPENED, c, "opened");
      this.dateFormat = Objects.requireNonNull(f, "time format");
      return this;
    }

    /** The first-response time column (optional; blank cells are none). */
    public Builder firstResponse(Column c) {
      return declare(FIRST_RESPONSE, c, "first response");
    }

    /** The resolution time column (optional; blank cells are open tickets). */
    public Builder resolved(Column c) {
      return declare(RESOLVED, c, "resolved");
    }

    /** The channel column (replaces a fixed channel). */
    public Builder channel(Column c) {
      declare(CHANNEL, c, "channel");
      this.fixedChannel = null;
      return this;
    }

    /** One channel for every ticket (replaces a channel column). */
    public Builder channel(String fixed) {
      this.fixedChannel = Checks.notBlank("channel", fixed);
      undeclare(CHANNEL);
      return this;
    }

    /** The category column (replaces a fixed category). */
    public Builder category(Column c) {
      declare(CATEGORY, c, "category");
      this.fixedCategory = null;
      return this;
    }

    /** One category for every ticket (replaces a category column). */
    public Builder category(String fixed) {
      this.fixedCategory = Checks.notBlank("category", fixed);
      undeclare(CATEGORY);
      return this;
    }

    /**
     * The severity column, with the default labels low, medium, high and critical (in any
     * case).
     */
    public Builder severity(Column c) {
      return severity(c, defaultLabels());
    }

    /**
     * The severity column and the mapping of its labels (compared in any case), for example
     * {@code P1 -> CRITICAL}, {@code P2 -> HIGH}, ...
     *
     * @throws IllegalArgumentException when the map is empty or has labels that differ only in
     *     case
     */
    public Builder severity(Column c, Map<String, Severity> labels) {
      Objects.requireNonNull(c, "severity");
      Objects.requireNonNull(labels, "labels");
      if (labels.isEmpty()) {
        throw new IllegalArgumentException("severity labels must not be empty");
      }
      Map<String, Severity> m = new HashMap<>();
      labels.forEach((k, v) -> {
        String key = Checks.notBlank("severity label", k).strip().toLowerCase(Locale.ROOT);
        if (m.put(key, Objects.requireNonNull(v, "severity of " + k)) != null) {
          throw new IllegalArgumentException(
              "severity label '" + k + "' is given twice (labels are compared in any case)");
        }
      });
      declare(SEVERITY, c, "severity");
      this.severityLabels = m;
      this.fixedSeverity = null;
      return this;
    }

    /** One severity for every ticket (replaces a severity column). */
    public Builder severity(Severity fixed) {
      this.fixedSeverity = Objects.requireNonNull(fixed, "severity");
      undeclare(SEVERITY);
      return this;
    }

    /** The contacts column (optional; whole numbers ≥ 1, blank means 1). */
    public Builder contacts(Column c) {
      return declare(CONTACTS, c, "contacts");
    }

    /** The reopened column (optional; yes/no values, blank means no). */
    public Builder reopened(Column c) {
      return declare(REOPENED, c, "reopened");
    }

    /**
     * The reader.
     *
     * @throws IllegalStateException when the customer or opening column, or the channel,
     *     category or severity (column or fixed), is missing
     */
    public ServiceTicketCsvReader build() {
      if (!declared(CUSTOMER, OPENED)) {
        throw new IllegalStateException(
            "a ticket reader needs customer and opening-time columns");
      }
      if (!declared(CHANNEL) && fixedChannel == null) {
        throw new IllegalStateException("a ticket reader needs a channel: a column or a text");
      }
      if (!declared(CATEGORY) && fixedCategory == null) {
        throw new IllegalStateException("a ticket reader needs a category: a column or a text");
      }
      if (!declared(SEVERITY) && fixedSeverity == null) {
        throw new IllegalStateException(
            "a ticket reader needs a severity: a column or a fixed Severity");
      }
      return new ServiceTicketCsvReader(this);
    }
  }
}
