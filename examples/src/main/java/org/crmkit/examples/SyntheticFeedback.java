package org.crmkit.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.crmkit.core.Checks;
import org.crmkit.core.customer.Instrument;
import org.crmkit.core.customer.ServiceTicket;
import org.crmkit.core.customer.Severity;
import org.crmkit.core.customer.SurveyResponse;

/**
 * <b>Synthetic</b> survey responses and service tickets for the examples: made up by a seeded
 * random generator, not collected from anyone. The same seed gives the same data on every
 * machine and JDK ({@link SplittableRandom}).
 *
 * <p>What the generator builds in, so that the example has something to find:
 *
 * <ul>
 *   <li>NPS answers (half of the responses): 45 % promoters and 20 % detractors, fewer
 *       promoters at the support touchpoint and five points more promoters from April on (the
 *       second quarter improves); scores spread within each group.
 *   <li>CSAT answers on 1..5 (30 %) and CES answers on the 1..7 agreement scale (20 %), with
 *       fixed distributions.
 *   <li>Each response has a touchpoint (onboarding, purchase, support, renewal) and a channel
 *       (email, web, sms); about one in ten has no channel.
 *   <li>Tickets (about 0.6 per customer) through phone, email or chat, about billing, delivery,
 *       technical or account; first responses within minutes on phone and chat and hours by
 *       email (3 % never answered); resolution times growing with severity; tickets whose
 *       resolution would fall after the end of observation stay open, as do 4 % of the rest;
 * 7 % of tickets were reopened (some are open again).
 * </ul>
 */
public final class SyntheticFeedback {

  /** The responses, the tickets, the size of the base, and the end of observation. */
  public record Feedback(List<SurveyResponse> responses, List<ServiceTicket> tickets,
      int customers, long orders, Instant asOf) {

    /** Copies the lists. */
    public Feedback {
      responses = List.copyOf(responses);
      tickets = List.copyOf(tickets);
    }
  }

  private static final String[] TOUCHPOINTS = {"onboarding", "purchase", "support", "renewal"};
  private static final String[] SURVEY_CHANNELS = {"email", "web", "sms"};
  private static final String[] TICKET_CHANNELS = {"phone", "email", "chat"};
  private static final String[] CATEGORIES = {"billing", "delivery", "technical", "account"};
  private static final double[] CSAT = {0.05, 0.08, 0.17, 0.40, 0.30};
  private static final double[] CES = {0.03, 0.05, 0.07, 0.12, 0.23, 0.30, 0.20};
  private static final double[] SEVERITY = {0.30, 0.45, 0.20, 0.05};
  private static final double[] MEDIAN_RESOLUTION_HOURS = {30, 20, 10, 4};

  private SyntheticFeedback() {}

  /**
   * Generates feedback of {@code customers} customers between {@code from} and {@code to}
   * (inclusive); observation ends at the start of the day after {@code to}, UTC.
   */
  public static Feedback generate(long seed, int customers, LocalDate from, LocalDate to) {
    Checks.positive("customers", customers);
    Checks.notNull("from", from);
    Checks.notNull("to", to);
    SplittableRandom r = new SplittableRandom(seed);
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant asOf = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    long seconds = Duration.between(start, asOf).getSeconds();
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    List<SurveyResponse> responses = new ArrayList<>();
    List<ServiceTicket> tickets = new ArrayList<>();
    long orders = 0;
    for (int c = 0; c < customers; c++) {
      String id = String.format(java.util.Locale.ROOT, "C%05d", c + 1);
      orders += 1 + r.nextInt(6);
      int surveys = r.nextInt(4);
      for (int k = 0; k < surveys; k++) {
        responses.add(response(r, id, from.plusDays(r.nextLong(days))));
      }
      while (r.nextDouble() < 0.375) {   // 0.375 / (1 - 0.375) = 0.6 tickets on average
        tickets.add(ticket(r, id, start.plusSeconds(r.nextLong(seconds)), asOf));
      }
    }
    return new Feedback(responses, tickets, customers, orders, asOf);
  }

  private static SurveyResponse response(SplittableRandom r, String id, LocalDate date) {
    String touchpoint = TOUCHPOINTS[r.nextInt(TOUCHPOINTS.length)];
    String channel = r.nextInt(10) == 0 ? null
        : SURVEY_CHANNELS[r.nextInt(SURVEY_CHANNELS.length)];
    double u = r.nextDouble();
    SurveyResponse s;
    if (u < 0.5) {
      double promoters = 0.45 + (touchpoint.equals("support") ? -0.10 : 0)
          + (date.getMonthValue() >= 4 ? 0.05 : 0);
      double v = r.nextDouble();
      int score = v < promoters ? 9 + r.nextInt(2)
          : v < 0.80 ? 7 + r.nextInt(2)
          : r.nextInt(3) == 0 ? r.nextInt(5) : 5 + r.nextInt(2);
      s = SurveyResponse.of(id, date, Instrument.NPS, score);
    } else if (u < 0.8) {
      s = SurveyResponse.of(id, date, Instrument.CSAT, 1 + draw(r, CSAT));
    } else {
      s = SurveyResponse.of(id, date, Instrument.CES, 1 + draw(r, CES));
    }
    return s.withTouchpoint(touchpoint).withChannel(channel);
  }

  private static ServiceTicket ticket(SplittableRandom r, String id, Instant opened,
      Instant asOf) {
    String channel = TICKET_CHANNELS[r.nextInt(TICKET_CHANNELS.length)];
    Severity severity = Severity.values()[draw(r, SEVERITY)];
    ServiceTicket t = ServiceTicket.of(id, opened, channel,
        CATEGORIES[r.nextInt(CATEGORIES.length)], severity);
    if (r.nextInt(100) >= 3) {
      double meanMinutes = switch (channel) {
        case "phone" -> 5;
        case "chat" -> 10;
        default -> 300;
      };
      Instant response = opened.plusSeconds(Math.round(exponential(r, meanMinutes * 60)));
      if (!response.isAfter(asOf)) {
        t = t.withFirstResponse(response);
      }
    }
    double hours = MEDIAN_RESOLUTION_HOURS[severity.ordinal()]
        * Math.exp(0.8 * gaussian(r));
    Instant resolved = opened.plusSeconds(Math.round(hours * 3600));
    boolean stillOpen = resolved.isAfter(asOf) || r.nextInt(100) < 4;
    int contacts = r.nextDouble() < 0.65 ? 1 : r.nextDouble() < 0.7 ? 2 : 3;
    boolean reopened = r.nextInt(100) < 7;
    return t.withResolved(stillOpen ? null : resolved).withContacts(contacts)
        .withReopened(reopened);
  }

  private static int draw(SplittableRandom r, double[] p) {
    double u = r.nextDouble();
    for (int i = 0; i < p.length - 1; i++) {
      u -= p[i];
      if (u < 0) {
        return i;
      }
    }
    return p.length - 1;
  }

  private static double exponential(SplittableRandom r, double mean) {
    return -mean * Math.log(1 - r.nextDouble());
  }

  /** A standard normal draw (Box–Muller), from the generator only. */
  private static double gaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
