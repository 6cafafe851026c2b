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
import org.crmkit.core.log.TransactionLog;
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
 * what was read, the calibration / holdout summaries and the RFM segment summary, and writes the
 * full tables as CSV and JSON into {@code crm-report/} (or {@code --out DIR}).
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
    out.println();
    out.printf(Locale.ROOT, "Read %,d transactions of %,d customers, %s to %s, revenue %,.2f%n",
        log.size(), log.customerCount(), log.firstDate(), log.lastDate(), log.totalAmount());

    // Calibration: the first two thirds of the observed days (CDNOW: to 1997-09-30, 39 weeks).
    LocalDate first = log.firstDate();
    LocalDate last = log.lastDate();
    LocalDate calibrationEnd = title.startsWith("CDNOW") ? SampleData.CDNOW_CALIBRATION_END
        : first.plusDays(ChronoUnit.DAYS.between(first, last) * 2 / 3);
    CalibrationHoldout split = CalibrationHoldout.of(log, calibrationEnd, last, ChronoUnit.WEEKS);
    CustomerSummaries cal = split.calibration();
    out.println();
    out.println("Customer summaries (calibration to " + calibrationEnd + ", weeks):");
    out.printf(Locale.ROOT, "  %,d customers, %,d repeat buyers, Σx = %,d repeat purchases%n",
        cal.size(), cal.repeatBuyers(), cal.totalRepeatPurchases());
    out.printf(Locale.ROOT, "  holdout to %s (%.1f weeks): %,d purchases%n", split.holdoutEnd(),
        split.holdoutLength(), split.totalHoldoutPurchases());

    LocalDate analysisDate = last.plusDays(1);
    RfmTable rfm = RfmScorer.defaults().score(log, analysisDate);
    Segmentation segments = rfm.segment(SegmentMap.rfGrid());
    out.println();
    out.println("RFM segments at " + analysisDate + " (R rfm conventions, 5 bins):");
    out.println(segments.summary());

    Files.createDirectories(dir);
    write(cal.toTable(), dir, "summaries");
    write(segments.toTable(), dir, "rfm");
    write(segments.summary().toTable(), dir, "segments");
    out.println();
    out.println("Tables written to " + dir.toAbsolutePath().normalize()
        + ": summaries, rfm, segments (.csv and .json)");
  }

  private static void write(Table table, Path dir, String name) throws IOException {
    TableCsvWriter.standard().write(table, dir.resolve(name + ".csv"));
    TableJsonWriter.json().write(table, dir.resolve(name + ".json"));
  }
}
