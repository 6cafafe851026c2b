package org.crmkit.core.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.crmkit.core.Checks;
import org.crmkit.core.customer.ServiceTicket;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * Service metrics from {@link ServiceTicket} records at an analysis instant, for all tickets and
 * by category and by channel, in one call: first-contact resolution, SLA compliance for the
 * first response and the resolution, median and 90th-percentile resolution time, reopen rate,
 * and the complaint rate over a denominator the caller gives. {@link ServiceStats} defines each.
 *
 * <pre>{@code
 * SlaTargets targets = SlaTargets.of(Duration.ofHours(4), Duration.ofDays(2))
 *     .withSeverity(Severity.CRITICAL, Duration.ofMinutes(30), Duration.ofHours(8));
 * ServiceReport report = ServiceReport.of(tickets, targets, Instant.parse("2024-07-01T00:00:00Z"));
 * report.overall().firstContactResolution();           // Optional<Proportion>
 * report.category("billing").resolutionTimes().p90();   // Optional<Duration>
 * report.overall().complaintRate(12_500, ComplaintRate.Basis.ORDERS);
 * }</pre>
 *
 * <p><b>The analysis instant.</b> {@code asOf} is the end of observation: a ticket still open or
 * unanswered at asOf is judged against its target as of then (breached if the target has
 * passed, pending otherwise). No timestamp of a ticket may lie after asOf — that is an error
 * naming the ticket — because the record would then describe a later state; drop later tickets
 * or choose a later asOf. The system clock is never read.
 *
 * <p><b>Open tickets</b> are counted in every group ({@link ServiceStats#open()}), excluded from
 * resolution times, first-contact resolution and the decided SLA counts, and shown in
 * {@link #toString()}.
 *
 * @param asOf the analysis instant
 * @param targets the service-level targets
 * @param level the confidence level of the intervals in {@link #toTable()} and
 *     {@link #toString()}
 * @param overall the metrics of all tickets (group {@code all})
 * @param byCategory the metrics per category, in ascending label order
 * @param byChannel the metrics per channel, in ascending label order
 */
public record ServiceReport(Instant asOf, SlaTargets targets, double level, ServiceStats overall,
    List<ServiceStats> byCategory, List<ServiceStats> byChannel) {

  /** Checks the components and copies the lists. */
  public ServiceReport {
    Checks.notNull("asOf", asOf);
    Checks.notNull("targets", targets);
    Stats.level(level);
    Checks.notNull("overall", overall);
    byCategory = List.copyOf(Checks.notNull("byCategory", byCategory));
    byChannel = List.copyOf(Checks.notNull("byChannel", byChannel));
  }

  /** {@link #of(List, SlaTargets, Instant, double)} at 95%. */
  public static ServiceReport of(List<ServiceTicket> tickets, SlaTargets targets, Instant asOf) {
    return of(tickets, targets, asOf, 0.95);
  }

  /**
   * The service metrics of {@code tickets} at {@code asOf}.
   *
   * @param tickets the tickets; not empty, no null element
   * @param targets the SLA targets per severity
   * @param asOf the analysis instant, not before any timestamp of a ticket
   * @param level the confidence level of printed and tabled intervals, in (0, 1)
   * @throws IllegalArgumentException if the list is empty or holds a null, or a ticket has a
   *     timestamp after asOf (the message names its position and customer)
   */
  public static ServiceReport of(List<ServiceTicket> tickets, SlaTargets targets, Instant asOf,
      double level) {
    Checks.notNull("tickets", tickets);
    Checks.notNull("targets", targets);
    Checks.notNull("asOf", asOf);
    Stats.level(level);
    if (tickets.isEmpty()) {
      throw new IllegalArgumentException("tickets is empty: service metrics need at least one");
    }
    int i = 0;
    for (ServiceTicket t : tickets) {
      if (t == null) {
        throw new IllegalArgumentException("tickets[" + i + "] is null");
      }
      after(i, t, "opened", t.opened(), asOf);
      after(i, t, "firstResponse", t.firstResponse(), asOf);
      after(i, t, "resolved", t.resolved(), asOf);
      i++;
    }
    ServiceStats all = stats("all", tickets, targets, asOf);
    return new ServiceReport(asOf, targets, level, all,
        grouped(tickets, ServiceTicket::category, targets, asOf),
        grouped(tickets, ServiceTicket::channel, targets, asOf));
  }

  private static void after(int i, ServiceTicket t, String field, Instant v, Instant asOf) {
    if (v != null && v.isAfter(asOf)) {
      throw new IllegalArgumentException("tickets[" + i + "], customer '" + t.customerId()
          + "': " + field + " " + v + " is after asOf " + asOf
          + "; drop later tickets or analyse at a later asOf");
    }
  }

  private static List<ServiceStats> grouped(List<ServiceTicket> tickets,
      Function<ServiceTicket, String> key, SlaTargets targets, Instant asOf) {
    Map<String, List<ServiceTicket>> groups = new TreeMap<>();
    for (ServiceTicket t : tickets) {
      groups.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
    }
    List<ServiceStats> out = new ArrayList<>(groups.size());
    groups.forEach((label, list) -> out.add(stats(label, list, targets, asOf)));
    return out;
  }

  private static ServiceStats stats(String group, List<ServiceTicket> tickets,
      SlaTargets targets, Instant asOf) {
    Set<String> customers = new HashSet<>();
    long open = 0;
    long fcr = 0;
    long reopened = 0;
    long reopenedOpen = 0;
    long[] response = new long[3];
    long[] resolution = new long[3];
    List<Duration> times = new ArrayList<>();
    for (ServiceTicket t : tickets) {
      customers.add(t.customerId());
      Optional<Duration> rt = t.resolutionTime();
      if (rt.isPresent()) {
        times.add(rt.get());
        fcr += t.resolvedOnFirstContact() ? 1 : 0;
      } else {
        open++;
        reopenedOpen += t.reopened() ? 1 : 0;
      }
      reopened += t.reopened() ? 1 : 0;
      judge(t.firstResponseTime(), t, targets.firstResponseTarget(t.severity()), asOf, response);
      judge(rt, t, targets.resolutionTarget(t.severity()), asOf, resolution);
    }
    return new ServiceStats(group, tickets.size(), customers.size(), open, fcr, reopened,
        reopenedOpen, new SlaCompliance(response[0], response[1], response[2]),
        new SlaCompliance(resolution[0], resolution[1], resolution[2]),
        ResolutionTimes.of(times, open));
  }

  /** counts[0] met, [1] breached, [2] pending. */
  private static void judge(Optional<Duration> elapsed, ServiceTicket t, Duration target,
      Instant asOf, long[] counts) {
    if (elapsed.isPresent()) {
      counts[elapsed.get().compareTo(target) <= 0 ? 0 : 1]++;
    } else {
      counts[Duration.between(t.opened(), asOf).compareTo(target) > 0 ? 1 : 2]++;
    }
  }

  /**
   * The metrics of one category.
   *
   * @throws IllegalArgumentException if no ticket has this category
   */
  public ServiceStats category(String label) {
    return find(byCategory, "category", label);
  }

  /**
   * The metrics of one channel.
   *
   * @throws IllegalArgumentException if no ticket came through this channel
   */
  public ServiceStats channel(String label) {
    return find(byChannel, "channel", label);
  }

  private static ServiceStats find(List<ServiceStats> list, String what, String label) {
    for (ServiceStats s : list) {
      if (s.group().equals(label)) {
        return s;
      }
    }
    List<String> labels = new ArrayList<>();
    list.forEach(s -> labels.add(s.group()));
    throw new IllegalArgumentException("no " + what + " '" + label + "'; " + what + "s: "
        + labels);
  }

  /** The overall row, then the category rows, then the channel rows. */
  private List<String[]> dimensions() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"all", "all"});
    byCategory.forEach(s -> rows.add(new String[] {"category", s.group()}));
    byChannel.forEach(s -> rows.add(new String[] {"channel", s.group()}));
    return rows;
  }

  private List<ServiceStats> allStats() {
    List<ServiceStats> rows = new ArrayList<>();
    rows.add(overall);
    rows.addAll(byCategory);
    rows.addAll(byChannel);
    return rows;
  }

  /**
   * One row for all tickets, then one per category and per channel. Columns: {@code dimension}
   * ({@code all}, {@code category}, {@code channel}), {@code group}, {@code tickets},
   * {@code customers}, {@code open}, {@code resolved}; for each share — {@code fcr},
   * {@code response_sla}, {@code resolution_sla}, {@code reopen_rate} — the estimate and its
   * Wilson bounds ({@code _lower}, {@code _upper}) at {@link #level()}, missing when the
   * denominator is 0; {@code response_pending}, {@code resolution_pending};
   * {@code median_resolution_hours}, {@code p90_resolution_hours} (missing when nothing is
   * resolved).
   */
  public Table toTable() {
    List<String[]> dims = dimensions();
    List<ServiceStats> s = allStats();
    var b = ColumnTable.builder(s.size())
        .strings("dimension", i -> dims.get(i)[0])
        .strings("group", i -> dims.get(i)[1])
        .longs("tickets", s.stream().mapToLong(ServiceStats::tickets).toArray())
        .longs("customers", s.stream().mapToLong(ServiceStats::customers).toArray())
        .longs("open", s.stream().mapToLong(ServiceStats::open).toArray())
        .longs("resolved", s.stream().mapToLong(ServiceStats::resolved).toArray());
    share(b, "fcr", s, ServiceStats::firstContactResolution);
    share(b, "response_sla", s, x -> x.firstResponse().compliance());
    b.longs("response_pending", s.stream().mapToLong(x -> x.firstResponse().pending())
        .toArray());
    share(b, "resolution_sla", s, x -> x.resolution().compliance());
    b.longs("resolution_pending", s.stream().mapToLong(x -> x.resolution().pending())
        .toArray());
    b.doubles("median_resolution_hours", i -> hours(s.get(i).resolutionTimes().median()));
    b.doubles("p90_resolution_hours", i -> hours(s.get(i).resolutionTimes().p90()));
    share(b, "reopen_rate", s, ServiceStats::reopenRate);
    return b.build();
  }

  private void share(ColumnTable.Builder b, String name, List<ServiceStats> s,
      Function<ServiceStats, Optional<Proportion>> f) {
    b.doubles(name, i -> f.apply(s.get(i)).map(Proportion::estimate).orElse(Double.NaN));
    b.doubles(name + "_lower",
        i -> f.apply(s.get(i)).map(p -> p.wilson(level).lower()).orElse(Double.NaN));
    b.doubles(name + "_upper",
        i -> f.apply(s.get(i)).map(p -> p.wilson(level).upper()).orElse(Double.NaN));
  }

  private static double hours(Optional<Duration> d) {
    return d.map(x -> (x.getSeconds() + x.getNano() / 1e9) / 3600).orElse(Double.NaN);
  }

  /**
   * A header line, then one row per group: tickets, open, first-contact resolution, SLA
   * compliance (response, resolution), median and p90 resolution hours, reopen rate. Shares are
   * estimates; intervals are in {@link #toTable()} and in each {@link ServiceStats}.
   */
  @Override
  public String toString() {
    List<String[]> dims = dimensions();
    List<ServiceStats> s = allStats();
    int w = 5;
    for (String[] d : dims) {
      w = Math.max(w, d[0].length() + 1 + d[1].length());
    }
    String fmt = "  %-" + w + "s  %8s  %6s  %6s  %8s  %8s  %8s  %8s  %7s%n";
    var sb = new StringBuilder(String.format(Locale.ROOT,
        "service at %s: %s tickets, %s open (excluded from resolution times)%n", asOf,
        Stats.count(overall.tickets()), Stats.count(overall.open())));
    sb.append(String.format(Locale.ROOT, fmt, "group", "tickets", "open", "FCR", "resp.SLA",
        "res.SLA", "median h", "p90 h", "reopen"));
    int shown = Math.min(s.size(), 21);
    for (int i = 0; i < shown; i++) {
      ServiceStats x = s.get(i);
      String label = i == 0 ? "all" : dims.get(i)[0] + ":" + dims.get(i)[1];
      sb.append(String.format(Locale.ROOT, fmt, label, Stats.count(x.tickets()),
          Stats.count(x.open()), share(x.firstContactResolution()),
          share(x.firstResponse().compliance()), share(x.resolution().compliance()),
          hoursText(x.resolutionTimes().median()), hoursText(x.resolutionTimes().p90()),
          share(x.reopenRate())));
    }
    if (s.size() > shown) {
      sb.append(String.format(Locale.ROOT, "  … %,d more%n", s.size() - shown));
    }
    return sb.toString().stripTrailing();
  }

  private static String share(Optional<Proportion> p) {
    return p.map(x -> String.format(Locale.ROOT, "%.3f", x.estimate())).orElse("-");
  }

  private static String hoursText(Optional<Duration> d) {
    return d.map(x -> String.format(Locale.ROOT, "%.1f", hours(d))).orElse("-");
  }
}
