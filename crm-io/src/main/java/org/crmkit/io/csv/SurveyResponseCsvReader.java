package org.crmkit.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.Checks;
import org.crmkit.core.customer.Instrument;
import org.crmkit.core.customer.Scale;
import org.crmkit.core.customer.SurveyResponse;

/**
 * Reads survey answers (customer, date, score, and optionally instrument, touchpoint and
 * channel) from a delimited file into a list of {@link SurveyResponse} records, in file order.
 *
 * <pre>{@code
 * SurveyResponseCsvReader reader = SurveyResponseCsvReader.builder()
 *     .customer(Column.named("customer_id"))
 *     .date(Column.named("answered_on"), DateFormat.iso())
 *     .score(Column.named("score"))
 *     .instrument(Instrument.CSAT)              // one instrument for the whole file
 *     .scale(Instrument.CSAT, Scale.of(1, 10))  // instead of the default 1..5
 *     .build();
 * List<SurveyResponse> answers = reader.read(Path.of("csat.csv")).responses();
 * }</pre>
 *
 * <p><b>Instrument.</b> Either one instrument for the file ({@link Builder#instrument(Instrument)})
 * or a column naming it per row ({@link Builder#instrument(Column)}: {@code NPS}, {@code CSAT}
 * or {@code CES}, in any case). Each instrument is read on its default scale
 * ({@link Instrument#defaultScale()}) unless {@link Builder#scale(Instrument, Scale)} sets
 * another; NPS allows 0..10 only.
 *
 * <p><b>Bad rows.</b> A row is bad when the customer id is empty, the date does not match its
 * format or lies outside {@link Checks#MIN_DATE} .. {@link Checks#MAX_DATE}, the score is not a
 * number in the file's format, lies off the scale or (NPS) is not a whole number, the instrument
 * cell names no instrument, or the row has too few fields or more than the header. A blank
 * touchpoint or channel is absent (null). Strict by default (a {@link CsvReadException} naming
 * file, line, column, value and reason); lenient mode skips and reports. Immutable and
 * thread-safe.
 */
public final class SurveyResponseCsvReader {

  private static final int CUSTOMER = 0;
  private static final int DATE = 1;
  private static final int SCORE = 2;
  private static final int INSTRUMENT = 3;
  private static final int TOUCHPOINT = 4;
  private static final int CHANNEL = 5;

  private final CsvFormat format;
  private final Column customer;
  private final Column date;
  private final DateFormat dateFormat;
  private final Column score;
  private final Instrument instrument;
  private final Column instrumentColumn;
  private final Map<Instrument, Scale> scales;
  private final Column touchpoint;
  private final Column channel;
  private final ZoneId zone;
  private final boolean lenient;

  private SurveyResponseCsvReader(Builder b) {
    this.format = b.format;
    this.customer = b.customer;
    this.date = b.date;
    this.dateFormat = b.dateFormat;
    this.score = b.score;
    this.instrument = b.instrument;
    this.instrumentColumn = b.instrumentColumn;
    this.scales = new EnumMap<>(b.scales);
    this.touchpoint = b.touchpoint;
    this.channel = b.channel;
    this.zone = b.zone;
    this.lenient = b.lenient;
  }

  /** A builder; customer, date, score and instrument (fixed or a column) are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * What a read returns.
   *
   * @param responses the responses of the accepted rows, in file order (unmodifiable)
   * @param report rows read, accepted and skipped
   */
  public record Result(List<SurveyResponse> responses, ReadReport report) {
    /** Copies the list. */
    public Result {
      responses = List.copyOf(responses);
    }
  }

  /** Reads a file (gzip or not). */
  public Result read(Path file) throws IOException {
    return Sources.readFile(file, this::read);
  }

  /**
   * Reads a stream (not closed here).
   *
   * @param source the name used in messages (for example the file name)
   */
  public Result read(InputStream in, String source) throws IOException {
    Objects.requireNonNull(in, "in");
    List<Column> cols = Arrays.asList(customer, date, score, instrumentColumn, touchpoint,
        channel);
    List<SurveyResponse> out = new ArrayList<>();
    ReadReport report = RecordRows.read(format, in, source, lenient, cols, null, row -> {
      String id = row.text(CUSTOMER, "customer id");
      LocalDate day = LocalDate.ofEpochDay(row.epochDay(DATE, dateFormat, zone));
      Instrument inst = instrument;
      if (inst == null) {
        String s = row.text(INSTRUMENT, "instrument");
        try {
          inst = Instrument.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw row.bad(INSTRUMENT, s, "is not an instrument (NPS, CSAT or CES)");
        }
      }
      Scale scale = scales.getOrDefault(inst, inst.defaultScale());
      double v = row.number(SCORE);
      if (!scale.contains(v)) {
        throw row.bad(SCORE, row.field(row.position(SCORE)).strip(),
            "is outside the " + inst + " scale " + scale);
      }
      if (inst == Instrument.NPS && v != Math.rint(v)) {
        throw row.bad(SCORE, row.field(row.position(SCORE)).strip(),
            "is not a whole number (NPS)");
      }
      out.add(new SurveyResponse(id, day, inst, v, scale, row.optionalText(TOUCHPOINT),
          row.optionalText(CHANNEL)));
    });
    return new Result(out, report);
  }

  /** Options of a {@link SurveyResponseCsvReader}. */
  public static final class Builder {
    private CsvFormat format = CsvFormat.csv();
    private Column customer;
    private Column date;
    private DateFormat dateFormat = DateFormat.iso();
    private Column score;
    private Instrument instrument;
    private Column instrumentColumn;
    private final Map<Instrument, Scale> scales = new EnumMap<>(Instrument.class);
    private Column touchpoint;
    private Column channel;
    private ZoneId zone = ZoneOffset.UTC;
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

    /** The date column and its format (instants are read as dates in the zone). */
    public Builder date(Column c, DateFormat f) {
      this.date = Objects.requireNonNull(c, "date");
      this.dateFormat = Objects.requireNonNull(f, "date format");
      return this;
    }

    /** The score column. */
    public Builder score(Column c) {
      this.score = Objects.requireNonNull(c, "score");
      return this;
    }

    /** One instrument for every row (replaces an instrument column). */
    public Builder instrument(Instrument i) {
      this.instrument = Objects.requireNonNull(i, "instrument");
      this.instrumentColumn = null;
      return this;
    }

    /** A column naming the instrument per row (replaces a fixed instrument). */
    public Builder instrument(Column c) {
      this.instrumentColumn = Objects.requireNonNull(c, "instrument column");
      this.instrument = null;
      return this;
    }

    /**
     * The scale of {@code i}'s questions in this file (default {@link Instrument#defaultScale()}).
     *
     * @throws IllegalArgumentException for NPS on a scale other than 0..10
     */
    public Builder scale(Instrument i, Scale s) {
      Objects.requireNonNull(i, "instrument");
      Objects.requireNonNull(s, "scale");
      if (i == Instrument.NPS && !s.equals(i.defaultScale())) {
        throw new IllegalArgumentException("scale " + s + " is not the NPS scale "
            + i.defaultScale() + "; NPS is defined on " + i.defaultScale() + " only");
      }
      scales.put(i, s);
      return this;
    }

    /** The touchpoint column (optional). */
    public Builder touchpoint(Column c) {
      this.touchpoint = Objects.requireNonNull(c, "touchpoint");
      return this;
    }

    /** The channel column (optional). */
    public Builder channel(Column c) {
      this.channel = Objects.requireNonNull(c, "channel");
      return this;
    }

    /** The zone in which instants are read as dates (default UTC). */
    public Builder zone(ZoneId z) {
      this.zone = Objects.requireNonNull(z, "zone");
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
     * @throws IllegalStateException when the customer, date or score column or the instrument
     *     is missing
     */
    public SurveyResponseCsvReader build() {
      if (customer == null || date == null || score == null) {
        throw new IllegalStateException(
            "a survey reader needs customer, date and score columns");
      }
      if (instrument == null && instrumentColumn == null) {
        throw new IllegalStateException(
            "a survey reader needs an instrument: instrument(Instrument.NPS) for the whole "
                + "file, or instrument(column)");
      }
      return new SurveyResponseCsvReader(this);
    }
  }
}
