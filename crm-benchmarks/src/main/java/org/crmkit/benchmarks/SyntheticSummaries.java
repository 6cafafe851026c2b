package org.crmkit.benchmarks;

import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.models.clv.BgNbd;
import org.crmkit.models.clv.ParetoNbd;

/**
 * Seeded synthetic customer summaries in days, simulated by the models themselves, for the
 * model benchmarks.
 *
 * <p>A cohort acquired over one year and observed to the end of the next: T (days since the
 * first purchase) is 365 + a uniform whole number of days in [0, 364]. Customers are simulated
 * with {@link BgNbd#simulate(double[], long)} or {@link ParetoNbd#simulate(double[], long)} at the
 * CDNOW estimates converted to days (rates α, β times 7), and t_x is then rounded down to whole
 * days, as summaries built from dated purchases are. So the table has the shape of real daily
 * data: about 365 distinct T, 730 distinct t_x, x from 0 to about 100, and roughly 0.35 distinct
 * (x, t_x, T) rows per customer.
 */
public final class SyntheticSummaries {

  /** BG/NBD at the CDNOW estimates (FHL 2005), α per day. */
  public static final BgNbd BG_NBD = BgNbd.of(0.243, 4.414 * 7, 0.793, 2.426, ChronoUnit.DAYS);

  /** Pareto/NBD at the CDNOW estimates, α and β per day. */
  public static final ParetoNbd PARETO_NBD = ParetoNbd.of(0.553, 10.578 * 7, 0.606, 11.669 * 7,
      ChronoUnit.DAYS);

  private SyntheticSummaries() {}

  /** {@code customers} BG/NBD customers from {@code seed}. */
  public static CustomerSummaries bgNbd(int customers, long seed) {
    return wholeDays(BG_NBD.simulate(ages(customers, seed), seed + 1));
  }

  /** {@code customers} Pareto/NBD customers from {@code seed}. */
  public static CustomerSummaries paretoNbd(int customers, long seed) {
    return wholeDays(PARETO_NBD.simulate(ages(customers, seed), seed + 1));
  }

  /** T = 365 + uniform{0, …, 364} days. */
  static double[] ages(int customers, long seed) {
    var rnd = new SplittableRandom(seed);
    double[] t = new double[customers];
    for (int i = 0; i < customers; i++) {
      t[i] = 365 + rnd.nextInt(365);
    }
    return t;
  }

  /** The same customers with t_x rounded down to whole days. */
  static CustomerSummaries wholeDays(CustomerSummaries s) {
    double[] tx = s.txs();
    for (int i = 0; i < tx.length; i++) {
      tx[i] = Math.floor(tx[i]);
    }
    return CustomerSummaries.ofColumns(s.customerIds(), s.xs(), tx, s.Ts(), ChronoUnit.DAYS);
  }
}
