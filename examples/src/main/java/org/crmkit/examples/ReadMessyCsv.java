package org.crmkit.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.crmkit.core.log.CleanedLog;
import org.crmkit.core.log.Duplicates;
import org.crmkit.core.log.LogCleaner;
import org.crmkit.core.log.Refunds;
import org.crmkit.core.rfm.RfmScorer;
import org.crmkit.core.rfm.RfmTable;
import org.crmkit.io.csv.Column;
import org.crmkit.io.csv.CsvFormat;
import org.crmkit.io.csv.CsvReadException;
import org.crmkit.io.csv.DataQuality;
import org.crmkit.io.csv.DateFormat;
import org.crmkit.io.csv.QualityReport;
import org.crmkit.io.csv.TableCsvWriter;
import org.crmkit.io.csv.TransactionCsvReader;
import org.crmkit.io.json.TableJsonWriter;

/**
 * Reads a messy export of orders, reports what was wrong with it, cleans it and writes an RFM
 * table: the path from a real-world CSV to a result a dashboard can load.
 *
 * <p>The bundled {@code data/messy_orders.csv} has a byte-order mark, CRLF line ends, quoted
 * fields, decimal commas (quoted and unquoted), an impossible date, an exact duplicate, a refund,
 * an empty customer id, padded fields, {@code N/A} as an amount, a date in the future and a
 * formula-like customer id. The example
 *
 * <ol>
 *   <li>shows where a strict read (the default) stops;
 *   <li>reads it leniently and prints the read report (rows skipped, per reason, with examples);
 *   <li>profiles the file for data quality (completeness, uniqueness, validity, future dates,
 *       duplicates) as of the export date, 2024-03-31;
 *   <li>cleans the log with {@link LogCleaner} (duplicates removed, same-day orders merged,
 *       refunds kept as their own rows) and prints what changed;
 *   <li>scores RFM with {@link RfmScorer#defaults()} at 2024-04-01 and writes the table as
 *       {@code rfm.csv} (formula-like text neutralised) and {@code rfm.json}.
 * </ol>
 *
 * <p>Run it with
 * {@code ./mvnw -q -pl examples -am -DskipTests package exec:exec
 * -Dcrm.mainClass=org.crmkit.examples.ReadMessyCsv -Dcrm.args=OUT_DIR}; the output folder
 * defaults to {@code crm-report/messy}.
 */
public final class ReadMessyCsv {

  /** The day the file was exported: dates after it are in the future. */
  static final LocalDate EXPORT_DATE = LocalDate.of(2024, 3, 31);

  private static final String FILE = "messy_orders.csv";

  private ReadMessyCsv() {}

  /**
   * Runs the example.
   *
   * @param args the output folder (optional; default {@code crm-report/messy})
   */
  public static void main(String[] args) throws IOException {
    run(Path.of(args.length > 0 ? args[0] : "crm-report/messy"), System.out);
  }

  private static InputStream data() {
    return ReadMessyCsv.class.getResourceAsStream("data/" + FILE);
  }

  /** Reads, reports, cleans, scores and writes into {@code dir}; prints to {@code out}. */
  static void run(Path dir, PrintStream out) throws IOException {
    TransactionCsvReader.Builder reader = TransactionCsvReader.builder()
        .customer(Column.named("customer_id"))
        .date(Column.named("order_date"), DateFormat.iso())
        .amount(Column.named("amount"));

    out.println("1. A strict read stops at the first bad row:");
    try (InputStream in = data()) {
      reader.build().read(in, FILE);
      out.println("   (no bad row)");
    } catch (CsvReadException e) {
      out.println("   " + e.getMessage());
    }

    out.println();
    out.println("2. A lenient read skips bad rows and says why:");
    TransactionCsvReader.Result read;
    try (InputStream in = data()) {
      read = reader.lenient(true).build().read(in, FILE);
    }
    out.println(read.report());

    out.println();
    out.println("3. Data quality of the file as exported on " + EXPORT_DATE + ":");
    QualityReport quality;
    try (InputStream in = data()) {
      quality = DataQuality.of(CsvFormat.csv())
          .key(Column.named("order_id"))
          .key(Column.named("customer_id"))
          .date(Column.named("order_date"), DateFormat.iso())
          .number(Column.named("amount"), -10_000, 10_000)
          .asOf(EXPORT_DATE)
          .profile(in, FILE);
    }
    out.println(quality);

    out.println();
    out.println("4. Cleaning: exact duplicates removed, same-day orders merged, refunds kept:");
    CleanedLog cleaned = LogCleaner.builder()
        .duplicates(Duplicates.REMOVE)
        .mergeSameDay(true)
        .refunds(Refunds.KEEP)
        .build()
        .clean(read.log());
    out.println(cleaned.report());

    LocalDate analysisDate = EXPORT_DATE.plusDays(1);
    RfmTable rfm = RfmScorer.defaults().score(cleaned.log(), analysisDate);
    out.println();
    out.println("5. RFM at " + analysisDate + " (transactions after it are left out):");
    out.println(rfm);

    Files.createDirectories(dir);
    TableCsvWriter.standard().write(rfm.toTable(), dir.resolve("rfm.csv"));
    TableJsonWriter.json().write(rfm.toTable(), dir.resolve("rfm.json"));
    out.println();
    out.println("RFM table written to " + dir.toAbsolutePath().normalize()
        + ": rfm.csv, rfm.json");
  }
}
