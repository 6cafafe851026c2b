package org.crmkit.examples;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.summary.CalibrationHoldout;
import org.crmkit.core.summary.CustomerSummaries;

/**
 * The main job: a customer report on the bundled CDNOW sample.
 *
 * <p>Run it with {@code ./mvnw -q -pl examples -am -DskipTests package exec:exec}. It prints
 * what was read, the customer summaries and the calibration / holdout split.
 */
public final class CustomerReport {

  private CustomerReport() {}

  /** Runs the report on the bundled CDNOW sample and prints it to standard output. */
  public static void main(String[] args) {
    run(SampleData.cdnowSample(), System.out);
  }

  /** Writes the report on {@code log} to {@code out}. */
  static void run(TransactionLog log, PrintStream out) {
    out.println("crmkit customer report — CDNOW 1/10 sample");
    out.println();
    out.printf(Locale.ROOT, "Read %,d transactions of %,d customers, %s to %s, revenue %,.2f%n",
        log.size(), log.customerCount(), log.firstDate(), log.lastDate(), log.totalAmount());

    CalibrationHoldout split = CalibrationHoldout.of(log, SampleData.CDNOW_CALIBRATION_END,
        SampleData.CDNOW_END, ChronoUnit.WEEKS);
    CustomerSummaries cal = split.calibration();
    out.println();
    out.println("Customer summaries (calibration to " + SampleData.CDNOW_CALIBRATION_END
        + ", weeks):");
    out.printf(Locale.ROOT, "  %,d customers, %,d repeat buyers, Σx = %,d repeat purchases%n",
        cal.size(), cal.repeatBuyers(), cal.totalRepeatPurchases());
    out.printf(Locale.ROOT, "  holdout to %s (%.0f weeks): %,d purchases%n", split.holdoutEnd(),
        split.holdoutLength(), split.totalHoldoutPurchases());
  }
}
