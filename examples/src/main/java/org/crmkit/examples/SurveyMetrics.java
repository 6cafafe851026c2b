package org.crmkit.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.crmkit.core.customer.Severity;
import org.crmkit.core.metrics.CalendarPeriod;
import org.crmkit.core.metrics.Ces;
import org.crmkit.core.metrics.ComplaintRate;
import org.crmkit.core.metrics.Comparison;
import org.crmkit.core.metrics.Csat;
import org.crmkit.core.metrics.Nps;
import org.crmkit.core.metrics.ServiceReport;
import org.crmkit.core.metrics.SlaTargets;
import org.crmkit.core.metrics.SurveyReport;
import org.crmkit.core.metrics.Surveys;

/**
 * Survey and service metrics on <b>synthetic</b> feedback ({@link SyntheticFeedback}): NPS, CSAT
 * and CES with their intervals, NPS by touchpoint and by quarter with the change between the two
 * quarters, and the service metrics of the tickets overall, by category and by channel.
 *
 * <p>Run it with {@code ./mvnw -q -pl examples -am -DskipTests package exec:exec
 * -Dcrm.mainClass=org.crmkit.examples.SurveyMetrics}. Optional arguments: {@code --seed N}
 * (default 20240701) and {@code --customers N} (default 2000), passed through Maven with
 * {@code -Dcrm.args="--seed 7"}.
 */
public final class SurveyMetrics {

  /** The default seed of the synthetic data. */
  public static final long SEED = 20240701L;

  /** The default number of synthetic customers. */
  public static final int CUSTOMERS = 2000;

  private SurveyMetrics() {}

  /** Generates the data and prints the metrics to standard output. */
  public static void main(String[] args) {
    long seed = SEED;
    int customers = CUSTOMERS;
    for (int i = 0; i < args.length; i++) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --seed N or --customers N, got: "
            + args[i]);
      }
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--customers" -> customers = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    run(seed, customers, System.out);
  }

  /** Prints the metrics of the synthetic data of this seed to {@code out}. */
  static void run(long seed, int customers, PrintStream out) {
    SyntheticFeedback.Feedback data = SyntheticFeedback.generate(seed, customers,
        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
    out.println("crmkit survey and service metrics on SYNTHETIC data (seed " + seed + ")");
    out.printf(Locale.ROOT, "%,d customers, %,d orders, %,d survey responses, %,d tickets, "
            + "observed to %s%n", data.customers(), data.orders(), data.responses().size(),
        data.tickets().size(), data.asOf());

    Surveys quarterly = Surveys.withDefaults().withPeriod(CalendarPeriod.QUARTER);
    SurveyReport<Nps> nps = quarterly.nps(data.responses());
    SurveyReport<Csat> csat = quarterly.csat(data.responses());
    SurveyReport<Ces> ces = quarterly.ces(data.responses());

    out.println();
    out.println(nps.overall());
    out.println(csat.overall());
    out.println(ces.overall());

    out.println();
    out.println("NPS by touchpoint:");
    out.println(nps.byTouchpoint());
    out.println();
    out.println("NPS by quarter:");
    out.println(nps.byPeriod());
    Comparison change = Nps.compare(nps.byPeriod().get("2024-Q2"),
        nps.byPeriod().get("2024-Q1"));
    out.println("NPS change, 2024-Q2 minus 2024-Q1: " + change);
    Comparison csatChange = Csat.compareShares(csat.byPeriod().get("2024-Q2"),
        csat.byPeriod().get("2024-Q1"));
    out.println("CSAT change, 2024-Q2 minus 2024-Q1: " + csatChange);
    out.println("  (the generator builds in a change of NPS only: at the 5 % level, one test in "
        + "twenty of a change that is not there comes out significant)");

    SlaTargets targets = SlaTargets.of(Duration.ofHours(4), Duration.ofHours(48))
        .withSeverity(Severity.HIGH, Duration.ofHours(1), Duration.ofHours(24))
        .withSeverity(Severity.CRITICAL, Duration.ofMinutes(30), Duration.ofHours(8));
    ServiceReport service = ServiceReport.of(data.tickets(), targets, data.asOf());
    out.println();
    out.println(service);
    out.println();
    out.println(service.overall());
    ComplaintRate perOrder = service.overall().complaintRate(data.orders(),
        ComplaintRate.Basis.ORDERS);
    out.printf(Locale.ROOT, "Complaint rate: %.1f tickets per 1,000 orders; %s%n",
        perOrder.ratePer(1000), perOrder);
    ComplaintRate perCustomer = service.overall().complaintRate(data.customers(),
        ComplaintRate.Basis.CUSTOMERS);
    out.println("Customers who complained: " + perCustomer.complainingShare());
  }
}
