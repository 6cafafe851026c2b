package org.crmkit.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
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
public final class SurveyResponseCsvReader
    extends CsvReaderBase<SurveyResponseCsvReader.Result> {

  private static final int CUSTOMER = 0;
  private static final int DATE = 1;
  private static final int SCORE = 2;
  private static final int INSTRUMENT = 3;
  private static final int TOUCHPOINT = 4;
  private static final int CHANNEL = 5;

  private final Instrument instrument;
  private final Map<Instrument, Scale> scales;

  private SurveyResponseCsvReader(Builder b) {
    super(b);
    this.instrument = b.instrument;
    this.scales = new EnumMap<>(b.scales);
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

  @Override
  public Result read(InputStream in, String source) throws IOException {
    Records<SurveyResponse> r = readRecords(in, source, columns, null, this::response);
    return new Result(r.list(), r.report());
  }

  /** The response of one row. */
  private SurveyResponse response(RecordRows.Row row) throws RecordRows.BadCell {
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
    return new SurveyResponse(id, day, inst, v, scale, row.optionalText(TOUCHPOINT),
        row.optionalText(CHANNEL));
  }

  /** Options of a {@link SurveyResponseCsvReader}. */
  public static final class Builder extends CsvReaderBase.Options<Builder> {
    private Instrument instrument;
    private final Map<Instrument, Scale> scales = new EnumMap<>(Instrument.class);

    private Builder() {
      super(6);
    }

    /** The customer id column. */
    public Builder customer(Column c) {
      return declare(CUSTOMER, c, "customer");
    }

    /** The date column and its format (instants are read as dates in the zone). */
    public Builder date(Column c, DateFormat f) {
      return declareDate(DATE, c, "date", f);
    }

    /** The score column. */
    public Builder score(Column c) {
      return declare(SCORE, c, "score");
    }

    /** One instrument for every row (replaces an instrument column). */
    public Builder instrument(Instrument i) {
      this.instrument = Objects.requireNonNull(i, "instrument");
      undeclare(INSTRUMENT);
      return this;
    }

    /** A column naming the instrument per row (replaces a fixed instrument). */
    public Builder instrument(Column c) {
      declare(INSTRUMENT, c, "instrument column");
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
      return declare(TOUCHPOINT, c, "touchpoint");
    }

    /** The channel column (optional). */
    public Builder channel(Column c) {
      return declare(CHANNEL, c, "channel");
    }

    /**
     * The reader.
     *
     * @throws IllegalStateException when the customer, date or score column or the instrument
     *     is missing
     */
    public SurveyResponseCsvReader build() {
      if (!declared(CUSTOMER, DATE, SCORE)) {
        throw new IllegalStateException(
            "a survey reader needs customer, date and score columns");
      }
      if (instrument == null && !declared(INSTRUMENT)) {
        throw new IllegalStateException(
            "a survey reader needs an instrument: instrument(Instrument.NPS) for the whole "
                + "file, or instrument(column)");
      }
      return new SurveyResponseCsvReader(this);
    }
  }
}
