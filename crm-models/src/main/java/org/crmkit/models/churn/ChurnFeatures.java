package org.crmkit.models.churn;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crmkit.core.Checks;
import org.crmkit.core.customer.Instrument;
import org.crmkit.core.customer.ServiceTicket;
import org.crmkit.core.customer.Severity;
import org.crmkit.core.customer.SurveyResponse;
import org.crmkit.core.log.TransactionLog;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.models.clv.BgNbd;

/**
 * Builds a churn {@link FeatureTable} from a transaction log as it stood at a cutoff date:
 *
 * <pre>{@code
 * FeatureTable f = ChurnFeatures.at(LocalDate.of(1997, 9, 30))
 *     .withHorizon(Period.ofWeeks(39))
 *     .build(log);
 * }</pre>
 *
 * <p><b>Nothing after the cutoff.</b> {@link #build} first cuts the log down to the rows dated on
 * or before the cutoff ({@link TransactionLog#between}) and computes every feature from that copy
 * only; survey answers dated after the cutoff and tickets opened after it are dropped before use,
 * and a ticket resolved after the cutoff counts as open. So appending any rows dated after the
 * cutoff to the log (new customers, refunds, anything) leaves every feature bit for bit the same;
 * a test checks exactly that.
 *
 * <p><b>Rows.</b> One per customer with at least one purchase (a row with amount &ge; 0) on or
 * before the cutoff, in the log's order (ascending id). A purchase day is a calendar day (in the
 * log's zone) with at least one purchase; refunds (negative amounts) count only in
 * {@code monetary_total}. All times are in days; d(·) is an epoch day, c the cutoff.
 *
 * <table class="striped">
 *   <caption>Features</caption>
 *   <tr><th>name</th><th>definition</th></tr>
 *   <tr><td>recency_days</td><td>c − last purchase day</td></tr>
 *   <tr><td>frequency</td><td>k, the number of purchase days</td></tr>
 *   <tr><td>monetary_total</td><td>sum of all amounts (refunds included)</td></tr>
 *   <tr><td>monetary_mean</td><td>monetary_total / k</td></tr>
 *   <tr><td>tenure_days</td><td>c − first purchase day</td></tr>
 *   <tr><td>ipt_mean_days</td><td>mean gap between consecutive purchase days, (last − first) /
 *       (k − 1); 0 when k = 1</td></tr>
 *   <tr><td>ipt_sd_days</td><td>population standard deviation of those k − 1 gaps; 0 when
 *       k &le; 2</td></tr>
 *   <tr><td>ipt_last_days</td><td>the last gap; 0 when k = 1</td></tr>
 *   <tr><td>purchases_recent</td><td>purchase days in (c − w, c], w the trend window (default
 *       90 days)</td></tr>
 *   <tr><td>purchases_prior</td><td>purchase days in (c − 2w, c − w]</td></tr>
 *   <tr><td>trend</td><td>purchases_recent − purchases_prior</td></tr>
 *   <tr><td>p_alive</td><td>BG/NBD P(alive | x, t_x, T)</td></tr>
 *   <tr><td>expected_purchases</td><td>BG/NBD E[purchases in (c, c + h]], h the horizon (default
 *       52 weeks)</td></tr>
 *   <tr><td>p_no_purchase</td><td>BG/NBD P(no purchase in (c, c + h])</td></tr>
 * </table>
 *
 * <p>The BG/NBD model ({@link BgNbd}, Fader, Hardie &amp; Lee 2005) is fitted by maximum likelihood
 * on the same cut log, in weeks: x = k − 1, t_x = (last − first) / 7, T = (c − first) / 7. Turn it
 * off with {@link #withoutBgNbd()}. On data that do not identify the model (nobody buys twice, or
 * too few customers to tell dropout apart from a low purchase rate) the fit can end at extreme
 * parameters where the predictions cannot be evaluated; {@link #build} then throws an
 * {@link IllegalStateException} that says so, rather than returning made-up values.
 *
 * <p><b>Surveys</b> ({@link #withSurveys}): for each instrument with at least one answer on or
 * before the cutoff from a customer of the table, {@code nps_score} / {@code csat_score} /
 * {@code ces_score} is the customer's mean answer rescaled to [0, 1] on its scale, (score − min) /
 * (max − min), and {@code nps_responses} etc. the number of answers. Customers without an answer
 * get the mean of the answering customers' scores (computed from the same pre-cutoff answers) and
 * a count of 0.
 *
 * <p><b>Tickets</b> ({@link #withTickets}), dated in the log's zone: {@code tickets} opened on or
 * before the cutoff, {@code tickets_recent} opened in (c − w, c], {@code tickets_high} of
 * severity HIGH or CRITICAL, {@code tickets_open} not resolved by the end of the cutoff day. A
 * ticket's contact count and reopened flag are not used: the record does not say when they were
 * last changed, so they could reveal what happened after the cutoff.
 *
 * <p>Answers and tickets of customers who are not in the table are not used. Instances are
 * immutable and thread-safe.
 */
public final class ChurnFeatures {

  /** The transaction features, always present, in column order. */
  public static final List<String> TRANSACTION_FEATURES = List.of("recency_days", "frequency",
      "monetary_total", "monetary_mean", "tenure_days", "ipt_mean_days", "ipt_sd_days",
      "ipt_last_days", "purchases_recent", "purchases_prior", "trend");

  /** The BG/NBD features, present unless {@link #withoutBgNbd()}. */
  public static final List<String> BG_NBD_FEATURES =
      List.of("p_alive", "expected_purchases", "p_no_purchase");

  /** The ticket features, present when tickets are given. */
  public static final List<String> TICKET_FEATURES =
      List.of("tickets", "tickets_recent", "tickets_high", "tickets_open");

  private static final Period DEFAULT_WINDOW = Period.ofDays(90);
  private static final Period DEFAULT_HORIZON = Period.ofWeeks(52);

  private final LocalDate cutoff;
  private final Period window;
  private final Period horizon;
  private final boolean bgNbd;
  private final List<SurveyResponse> surveys;
  private final List<ServiceTicket> tickets;

  private ChurnFeatures(LocalDate cutoff, Period window, Period horizon, boolean bgNbd,
      List<SurveyResponse> surveys, List<ServiceTicket> tickets) {
    this.cutoff = cutoff;
    this.window = window;
    this.horizon = horizon;
    this.bgNbd = bgNbd;
    this.surveys = surveys;
    this.tickets = tickets;
  }

  /**
   * A feature builder at this cutoff (the last day observed, inclusive), with a 90-day trend
   * window, a 52-week BG/NBD horizon, BG/NBD on, and no surveys or tickets.
   */
  public static ChurnFeatures at(LocalDate cutoff) {
    return new ChurnFeatures(Checks.saneDate("cutoff", cutoff), DEFAULT_WINDOW, DEFAULT_HORIZON,
        true, null, null);
  }

  /** The trend window w (default 90 days). @throws IllegalArgumentException if not positive */
  public ChurnFeatures withTrendWindow(Period w) {
    return new ChurnFeatures(cutoff, positive("trend window", w), horizon, bgNbd, surveys,
        tickets);
  }

  /**
   * The BG/NBD horizon h of {@code expected_purchases} and {@code p_no_purchase} (default 52
   * weeks); set it to the label window. @throws IllegalArgumentException if not positive
   */
  public ChurnFeatures withHorizon(Period h) {
    return new ChurnFeatures(cutoff, window, positive("horizon", h), bgNbd, surveys, tickets);
  }

  /** Leaves out the BG/NBD features (and the fit). */
  public ChurnFeatures withoutBgNbd() {
    return new ChurnFeatures(cutoff, window, horizon, false, surveys, tickets);
  }

  /**
   * Adds the survey features from these answers (a copy is kept).
   *
   * @throws IllegalArgumentException if the collection or an entry is null
   */
  public ChurnFeatures withSurveys(Collection<SurveyResponse> answers) {
    List<SurveyResponse> copy = copyWithoutNulls("surveys", answers);
    return new ChurnFeatures(cutoff, window, horizon, bgNbd, copy, tickets);
  }

  /**
   * Adds the ticket features from these tickets (a copy is kept).
   *
   * @throws IllegalArgumentException if the collection or an entry is null
   */
  public ChurnFeatures withTickets(Collection<ServiceTicket> serviceTickets) {
    List<ServiceTicket> copy = copyWithoutNulls("tickets", serviceTickets);
    return new ChurnFeatures(cutoff, window, horizon, bgNbd, surveys, copy);
  }

  private static <T> List<T> copyWithoutNulls(String name, Collection<T> items) {
    Checks.notNull(name, items);
    List<T> copy = new ArrayList<>(items.size());
    int i = 0;
    for (T t : items) {
      i++;
      if (t == null) {
        throw new IllegalArgumentException(name + ": entry " + i + " is null");
      }
      copy.add(t);
    }
    return List.copyOf(copy);
  }

  /** The cutoff date. */
  public LocalDate cutoff() {
    return cutoff;
  }

  private static Period positive(String name, Period p) {
    Checks.notNull(name, p);
    LocalDate ref = LocalDate.of(2000, 1, 1);
    if (p.isNegative() || p.isZero() || !ref.plus(p).isAfter(ref)) {
      throw new IllegalArgumentException(name + " must be positive: " + p);
    }
    return p;
  }

  /**
   * The features of every customer with a purchase on or before the cutoff.
   *
   * @throws IllegalArgumentException if the log is null or has no purchase on or before the
   *     cutoff
   * @throws IllegalStateException if the BG/NBD features cannot be computed (see the class notes)
   */
  public FeatureTable build(TransactionLog log) {
    Checks.notNull("log", log);
    // The one place the full log is read: everything below sees only this copy.
    TransactionLog past = log.between(Checks.MIN_DATE, cutoff);
    return fromPast(past, log.zone());
  }

  private FeatureTable fromPast(TransactionLog past, ZoneId zone) {
    long c = cutoff.toEpochDay();
    long recentFrom = cutoff.minus(window).toEpochDay();        // exclusive
    long priorFrom = cutoff.minus(window).minus(window).toEpochDay();
    int customers = past.customerCount();
    String[] ids = new String[customers];
    int p = TRANSACTION_FEATURES.size();
    double[][] cols = new double[p][customers];
    int[] x = new int[customers];
    double[] tx = new double[customers];
    double[] bigT = new double[customers];
    long[] days = new long[16];
    int n = 0;
    for (int cust = 0; cust < customers; cust++) {
      int k = 0;
      double total = 0;
      for (int row = past.start(cust); row < past.end(cust); row++) {
        double a = past.amount(row);
        total += a;
        if (a >= 0) {
          long d = past.epochDay(row);
          if (k == 0 || days[k - 1] != d) {
            if (k == days.length) {
              days = java.util.Arrays.copyOf(days, 2 * k);
            }
            days[k++] = d;
          }
        }
      }
      if (k == 0) {
        continue; // only refunds so far: not yet a customer
      }
      long first = days[0];
      long last = days[k - 1];
      double iptMean = 0;
      double iptSd = 0;
      double iptLast = 0;
      if (k > 1) {
        iptMean = (double) (last - first) / (k - 1);
        double ss = 0;
        for (int i = 1; i < k; i++) {
          double g = days[i] - days[i - 1] - iptMean;
          ss += g * g;
        }
        iptSd = Math.sqrt(ss / (k - 1));
        iptLast = last - days[k - 2];
      }
      int recent = 0;
      int prior = 0;
      for (int i = k - 1; i >= 0 && days[i] > priorFrom; i--) {
        if (days[i] > recentFrom) {
          recent++;
        } else {
          prior++;
        }
      }
      ids[n] = past.customerId(cust);
      cols[0][n] = c - last;
      cols[1][n] = k;
      cols[2][n] = total;
      cols[3][n] = total / k;
      cols[4][n] = c - first;
      cols[5][n] = iptMean;
      cols[6][n] = iptSd;
      cols[7][n] = iptLast;
      cols[8][n] = recent;
      cols[9][n] = prior;
      cols[10][n] = recent - prior;
      x[n] = k - 1;
      tx[n] = (last - first) / 7.0;
      bigT[n] = (c - first) / 7.0;
      n++;
    }
    if (n == 0) {
      throw new IllegalArgumentException(
          "the transaction log has no purchase on or before the cutoff " + cutoff);
    }
    ids = java.util.Arrays.copyOf(ids, n);
    Map<String, double[]> out = new LinkedHashMap<>();
    for (int j = 0; j < p; j++) {
      out.put(TRANSACTION_FEATURES.get(j), java.util.Arrays.copyOf(cols[j], n));
    }
    if (bgNbd) {
      var s = CustomerSummaries.ofColumns(ids, java.util.Arrays.copyOf(x, n),
          java.util.Arrays.copyOf(tx, n), java.util.Arrays.copyOf(bigT, n), ChronoUnit.WEEKS);
      BgNbd fit = BgNbd.fit(s);
      try {
        out.put("p_alive", fit.probabilityAlive(s));
        out.put("expected_purchases", fit.conditionalExpectedPurchases(s, horizon));
        out.put("p_no_purchase", fit.probabilityNoPurchase(s, horizon));
      } catch (ArithmeticException e) {
        throw new IllegalStateException(String.format(Locale.ROOT,
            "the BG/NBD features cannot be computed at the fitted parameters %s (%s); these data "
                + "do not identify the model: build the features withoutBgNbd()",
            fit.parameters(), e.getMessage()), e);
      }
    }
    Map<String, Integer> rowOf = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      rowOf.put(ids[i], i);
    }
    if (surveys != null) {
      addSurveys(out, rowOf, n);
    }
    if (tickets != null) {
      addTickets(out, rowOf, n, zone, c, recentFrom);
    }
    return FeatureTable.ofColumns(ids, out);
  }

  private void addSurveys(Map<String, double[]> out, Map<String, Integer> rowOf, int n) {
    Map<Instrument, double[]> sums = new EnumMap<>(Instrument.class);
    Map<Instrument, double[]> counts = new EnumMap<>(Instrument.class);
    for (SurveyResponse r : surveys) {
      if (r.date().isAfter(cutoff)) {
        continue;
      }
      Integer i = rowOf.get(r.customerId());
      if (i == null) {
        continue;
      }
      double scaled = (r.score() - r.scale().min()) / (double) (r.scale().max() - r.scale().min());
      sums.computeIfAbsent(r.instrument(), k -> new double[n])[i] += scaled;
      counts.computeIfAbsent(r.instrument(), k -> new double[n])[i] += 1;
    }
    for (Instrument inst : Instrument.values()) {
      double[] sum = sums.get(inst);
      if (sum == null) {
        continue;
      }
      double[] cnt = counts.get(inst);
      double[] score = new double[n];
      double grand = 0;
      int responders = 0;
      for (int i = 0; i < n; i++) {
        if (cnt[i] > 0) {
          score[i] = sum[i] / cnt[i];
          grand += score[i];
          responders++;
        }
      }
      double fill = grand / responders;
      for (int i = 0; i < n; i++) {
        if (cnt[i] == 0) {
          score[i] = fill;
        }
      }
      String name = inst.name().toLowerCase(Locale.ROOT);
      out.put(name + "_score", score);
      out.put(name + "_responses", cnt);
    }
  }

  private void addTickets(Map<String, double[]> out, Map<String, Integer> rowOf, int n,
      ZoneId zone, long c, long recentFrom) {
    double[] all = new double[n];
    double[] recent = new double[n];
    double[] high = new double[n];
    double[] open = new double[n];
    for (ServiceTicket t : tickets) {
      long opened = t.opened().atZone(zone).toLocalDate().toEpochDay();
      if (opened > c) {
        continue;
      }
      Integer i = rowOf.get(t.customerId());
      if (i == null) {
        continue;
      }
      all[i]++;
      if (opened > recentFrom) {
        recent[i]++;
      }
      if (t.severity().compareTo(Severity.HIGH) >= 0) {
        high[i]++;
      }
      if (t.resolved() == null || t.resolved().atZone(zone).toLocalDate().toEpochDay() > c) {
        open[i]++;
      }
    }
    List<double[]> cols = new ArrayList<>(List.of(all, recent, high, open));
    for (int j = 0; j < TICKET_FEATURES.size(); j++) {
      out.put(TICKET_FEATURES.get(j), cols.get(j));
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT,
        "ChurnFeatures: cutoff %s, trend window %s, BG/NBD %s, surveys %s, tickets %s", cutoff,
        window, bgNbd ? "on (horizon " + horizon + ")" : "off",
        surveys == null ? "none" : Fmt.count(surveys.size()),
        tickets == null ? "none" : Fmt.count(tickets.size()));
  }
}
