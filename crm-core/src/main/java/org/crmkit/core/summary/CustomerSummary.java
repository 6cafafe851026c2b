package org.crmkit.core.summary;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The buy-till-you-die summary of one customer at an observation end, in a time unit.
 *
 * <p>Summaries computed from a transaction log carry every component. Summaries given as columns
 * ({@link CustomerSummaries#ofColumns}) know only x, t_x and T (and monetary when given): the
 * other components are null there, meaning "not known".
 *
 * @param customerId the customer's id
 * @param x repeat purchase periods: distinct purchase days after the first one
 * @param tx t_x, the time from the first to the last purchase, in {@code unit}
 * @param T the time from the first purchase to the observation end, in {@code unit}
 * @param unit the time unit of {@code tx} and {@code T}
 * @param monetary mean amount of the repeat purchase days (0 when x = 0), or null if not known
 * @param firstPurchase the date of the first purchase, or null if not known
 * @param lastPurchase the date of the last purchase up to the observation end, or null
 * @param orders transactions (rows of the log) up to the observation end, or null
 * @param totalSpend the sum of those transactions' amounts, or null
 */
public record CustomerSummary(String customerId, int x, double tx, double T, ChronoUnit unit,
    Double monetary, LocalDate firstPurchase, LocalDate lastPurchase, Integer orders,
    Double totalSpend) {}
