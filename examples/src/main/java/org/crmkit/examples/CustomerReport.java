package org.crmkit.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.time.Period;
import org.crmkit.core.log.CleanedLog;
import org.crmkit.core.log.LogCleaner;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.metrics.Ces;
import org.crmkit.core.metrics.Csat;
import org.crmkit.core.metrics.Nps;
import org.crmkit.core.metrics.SurveyReport;
import org.crmkit.core.metrics.Surveys;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.models.clv.BgNbd;
import org.crmkit.models.clv.Clv;
import org.crmkit.models.clv.ClvTable;
import org.crmkit.models.clv.Diagnostics;
import org.crmkit.models.clv.GammaGamma;
import org.crmkit.core.rfm.RfmScorer;
import org.crmkit.core.rfm.RfmTable;
import org.crmkit.core.rfm.SegmentMap;
import org.crmkit.core.rfm.Segmentation;
import org.crmkit.core.summary.CalibrationHoldout;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.table.Table;
import org.crmkit.io.csv.Column;
import org.crmkit.io.csv.CsvFormat;
import org.crmkit.io.csv.DateFormat;
import org.crmkit.io.csv.TableCsvWriter;
import org.crmkit.io.csv.TransactionCsvReader;
import org.crmkit.io.json.TableJsonWriter;

/**
 * The main job: a customer report on the bundled CDNOW sample, or on a CSV file of
 * transactions.
 *
 * <p>Run it with {@code ./mvnw -q -pl examples -am -DskipTests package exec:exec}. It prints
 * what was read, the calibration / holdout summaries, the RFM segment summary, the BG/NBD and
 * Gamma-Gamma fits with standard errors, holdout purchases by calibration frequency (actual vs
 * model), the top customers by 1-year CLV, the customers most at risk, and NPS, CSAT and CES
 * with intervals (on synthetic survey data: CDNOW has none). It writes the full tables as CSV
 * and JSON into {@code crm-report/} (or {@code --out DIR}).
 *
 * <p>Arguments (all optional): {@code --csv FILE --customer COL --date COL --date-format F
 * --amount COL --separator C --out DIR}. F is {@code iso} (default), {@code basic} (yyyyMMdd) or
 * a pattern such as {@code M/d/yyyy H:mm}. Pass them through Maven with
 * {@code -Dcrm.args="--csv orders.csv --customer CustomerID ..."}.
 */
public final class CustomerReport {

  private CustomerReport() {}

  /** Runs the report and prints it to standard output. */
  public static void main(String[] args) throws IOException {
    Map<String, String> opt = options(args);
    TransactionLog log;
    String title;
    if (opt.containsKey("csv")) {
      Path file = Path.of(opt.get("csv"));
      String df = opt.getOrDefault("date-format", "iso");
      var reader = TransactionCsvReader.builder()
          .format(opt.containsKey("separator")
              ? CsvFormat.csv().withSeparator(opt.get("separator").charAt(0)) : CsvFormat.csv())
          .customer(Column.named(opt.getOrDefault("customer", "customer_id")))
          .date(Column.named(opt.getOrDefault("date", "date")), switch (df) {
            case "iso" -> DateFormat.iso();
            case "basic" -> DateFormat.basic();
            default -> DateFormat.pattern(df);
          })
          .amount(Column.named(opt.getOrDefault("amount", "amount")))
          .build();
      log = reader.read(file).log();
      title = file.getFileName().toString();
    } else {
      log = SampleData.cdnowSample();
      title = "CDNOW 1/10 sample";
    }
    run(log, title, Path.of(opt.getOrDefault("out", "crm-report")), System.out);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opt = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got: " + args[i]);
      }
      opt.put(args[i].substring(2), args[++i]);
    }
    return opt;
  }

  /** Writes the report on {@code log} to {@code out} and the tables into {@code dir}. */
  static void run(TransactionLog log, String title, Path dir, PrintStream out)
      throws IOException {
    out.println("crmkit customer report — " + title);
    out.printf(Locale.ROOT, "Read %,d transactions of %,d customers, %s to %s, revenue %,.2f%n",
        log.size(), log.customerCount(), log.firstDate(), log.lastDate(), log.totalAmount());
    CleanedLog cleaned = LogCleaner.builder().mergeSameDay(true).build().clean(log);
    if (!cleaned.report().unchanged()) {
      out.println("  " + cleaned.report().toString().lines().findFirst().orElse(""));
    }

    // Calibration: CDNOW's 39 weeks, else the first two thirds of the observed days.
    LocalDate first = log.firstDate();
    LocalDate last = log.lastDate();
    LocalDate calibrationEnd = title.startsWith("CDNOW") ? SampleData.CDNOW_CALIBRATION_END
        : first.plusDays(ChronoUnit.DAYS.between(first, last) * 2 / 3);
    CalibrationHoldout split = CalibrationHoldout.of(log, calibrationEnd, last, ChronoUnit.WEEKS);
    CustomerSummaries cal = split.calibration();
    out.println();
    out.printf(Locale.ROOT, "Summaries, weeks, calibration to %s: %,d customers, %,d repeat "
            + "buyers, Σx = %,d; holdout to %s (%.1f weeks): %,d purchases%n", calibrationEnd,
        cal.size(), cal.repeatBuyers(), cal.totalRepeatPurchases(), split.holdoutEnd(),
        split.holdoutLength(), split.totalHoldoutPurchases());

    LocalDate analysisDate = last.plusDays(1);
    RfmTable rfm = RfmScorer.defaults().score(log, analysisDate);
    Segmentation segments = rfm.segment(SegmentMap.rfGrid());
    out.println();
    out.println("RFM segments at " + analysisDate + " (R rfm conventions, 5 bins):");
    out.println(segments.summary());

    BgNbd bg = BgNbd.fit(cal);
    GammaGamma gg = GammaGamma.fit(cal);
    out.println();
    out.println(bg);
    out.println(gg);
    out.println();
    Diagnostics.ConditionalExpectation holdout =
        Diagnostics.of(bg).conditionalExpectation(split, 7);
    out.println(holdout);

    // Predictions at the end of the data, from summaries over all of it.
    CustomerSummaries all = CustomerSummaries.of(log, last, ChronoUnit.WEEKS);
    BgNbd bgAll = BgNbd.fit(all);
    GammaGamma ggAll = GammaGamma.fit(all);
    double[] alive = bgAll.probabilityAlive(all);
    double[] nextYear = bgAll.conditionalExpectedPurchases(all, Period.ofYears(1));
    double[] spend = ggAll.conditionalExpectedSpend(all);
    ClvTable values = Clv.of(bgAll, ggAll).withAnnualDiscountRate(ANNUAL_DISCOUNT_RATE)
        .withMargin(MARGIN).over(Period.ofYears(1)).forCustomers(all);
    double[] clv = values.clv();
    Table predictions = ColumnTable.builder(all.size())
        .strings("customer", all::customerId)
        .longs("x", all.xs())
        .doubles("t_x", all.txs())
        .doubles("T", all.Ts())
        .doubles("p_alive", alive)
        .doubles("expected_purchases_1y", nextYear)
        .doubles("expected_spend", spend)
        .doubles("clv_1y", clv)
        .doubles("dert", values.dert())
        .build();
    out.println();
    out.println(CLV_TITLE);
    top(out, all, clv, alive, nextYear, 10, i -> clv[i]);
    out.println();
    out.println("Most at risk: past spend × P(not alive), repeat buyers");
    top(out, all, clv, alive, nextYear, 10,
        i -> all.x(i) > 0 ? all.totalSpend(i) * (1 - alive[i]) : Double.NEGATIVE_INFINITY);

    SyntheticFeedback.Feedback feedback = SyntheticFeedback.generate(SurveyMetrics.SEED,
        SurveyMetrics.CUSTOMERS, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
    Surveys surveys = Surveys.withDefaults();
    SurveyReport<Nps> nps = surveys.nps(feedback.responses());
    SurveyReport<Csat> csat = surveys.csat(feedback.responses());
    SurveyReport<Ces> ces = surveys.ces(feedback.responses());
    out.println();
    out.println("Survey metrics (SYNTHETIC responses from SyntheticFeedback, seed "
        + SurveyMetrics.SEED + "):");
    out.println(nps.overall());
    out.println(csat.overall());
    out.println(ces.overall());

    Files.createDirectories(dir);
    write(cal.toTable(), dir, "summaries");
    write(segments.toTable(), dir, "rfm");
    write(segments.summary().toTable(), dir, "segments");
    write(predictions, dir, "predictions");
    write(holdout.toTable(), dir, "holdout");
    write(nps.toTable(), dir, "nps");
    out.println();
    out.println("Tables written to " + dir.toAbsolutePath().normalize()
        + ": summaries, rfm, segments, predictions, holdout, nps (.csv and .json)");
  }

  private static void top(PrintStream out, CustomerSummaries s, double[] clv, double[] alive,
      double[] nextYear, int n, java.util.function.IntToDoubleFunction key) {
    Integer[] order = new Integer[s.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> {
      int c = Double.compare(key.applyAsDouble(b), key.applyAsDouble(a));
      return c != 0 ? c : s.customerId(a).compareTo(s.customerId(b));
    });
    out.printf(Locale.ROOT, "  %-8s %4s %8s %10s %8s %8s %10s%n", "customer", "x", "t_x", "spent",
        "P(alive)", "E[X 1y]", "CLV 1y");
    for (int k = 0; k < Math.min(n, order.length); k++) {
      int i = order[k];
      out.printf(Locale.ROOT, "  %-8s %4d %8.2f %10.2f %8.3f %8.2f %10.2f%n", s.customerId(i),
          s.x(i), s.tx(i), s.totalSpend(i), alive[i], nextYear[i], clv[i]);
    }
  }

  /** The margin on revenue used for CLV in the report. */
  static final double MARGIN = 0.30;

  /** The effective annual discount rate used for CLV in the report. */
  static final double ANNUAL_DISCOUNT_RATE = 0.10;

  private static final String CLV_TITLE = String.format(Locale.ROOT,
      "Top customers by 1-year CLV: margin %.0f %%, %.0f %% a year discounted continuously, "
          + "BG/NBD × Gamma-Gamma", 100 * MARGIN, 100 * ANNUAL_DISCOUNT_RATE);

  private static void write(Table table, Path dir, String name) throws IOException {
    TableCsvWriter.standard().write(table, dir.resolve(name + ".csv"));
    TableJsonWriter.json().write(table, dir.resolve(name + ".json"));
  }
}
