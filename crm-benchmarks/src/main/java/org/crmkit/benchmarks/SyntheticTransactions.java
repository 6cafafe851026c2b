package org.crmkit.benchmarks;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.crmkit.core.log.TransactionLog;

/**
 * Seeded synthetic transactions as dictionary-encoded primitive columns, for benchmarks.
 *
 * <p>Given a seed, a number of transactions {@code n} and a number of customers {@code m}
 * ({@code 1 <= m <= n}), {@link #generate(long, int, int)} returns the same columns on every JVM:
 *
 * <ul>
 *   <li>{@link #dictionary()}: the {@code m} customer ids {@code "C0000001"}, {@code "C0000002"},
 *       ... in ascending order (7 digits, more when {@code m} needs them);
 *   <li>{@link #codes()}: per row, an index into the dictionary. Every customer has at least one
 *       transaction; the other {@code n - m} rows go to customers drawn uniformly, so a customer
 *       has {@code 1 + Binomial(n - m, 1/m)} transactions (about {@code n / m} on average);
 *   <li>{@link #epochDays()}: dates drawn uniformly from the two years {@link #FIRST_DAY} ..
 *       {@link #LAST_DAY} (731 days);
 *   <li>{@link #amounts()}: log-normal amounts rounded to cents: each customer has a typical
 *       spend {@code exp(N(ln 40, 0.6²))}, and each purchase is that times
 *       {@code exp(N(0, 0.5²))} (median about 40, long right tail, never negative);
 *   <li>rows in random order (a seeded Fisher–Yates shuffle), so a builder must really sort.
 * </ul>
 *
 * <p>The arrays are shared, not copied: benchmarks hand them to the code under test as they are,
 * and must not modify them. Generating 50 million rows takes a few seconds and about 1 GB for the
 * columns plus about 50 bytes per customer id.
 *
 * @param dictionary the customer ids, ascending
 * @param codes per row, the index of its customer in {@code dictionary}
 * @param epochDays per row, the date as an epoch day
 * @param amounts per row, the amount
 */
public record SyntheticTransactions(String[] dictionary, int[] codes, long[] epochDays,
    double[] amounts) {

  /** The first date of the generated period. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);

  /** The last date of the generated period (two years after {@link #FIRST_DAY}, inclusive). */
  public static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);

  private static final double MEDIAN_SPEND = 40.0;
  private static final double CUSTOMER_SIGMA = 0.6;
  private static final double PURCHASE_SIGMA = 0.5;

  /**
   * Checks that the columns have one length and that every code points into the dictionary.
   */
  public SyntheticTransactions {
    if (dictionary == null || codes == null || epochDays == null || amounts == null) {
      throw new IllegalArgumentException("columns must not be null");
    }
    if (codes.length != epochDays.length || codes.length != amounts.length) {
      throw new IllegalArgumentException("columns differ in length: codes " + codes.length
          + ", epochDays " + epochDays.length + ", amounts " + amounts.length);
    }
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < 0 || codes[i] >= dictionary.length) {
        throw new IllegalArgumentException("row " + i + ": code " + codes[i]
            + " is outside the dictionary of " + dictionary.length + " ids");
      }
    }
  }

  /**
   * Generates {@code transactions} rows for {@code customers} customers from {@code seed}.
   *
   * @throws IllegalArgumentException unless {@code 1 <= customers <= transactions}
   */
  public static SyntheticTransactions generate(long seed, int transactions, int customers) {
    if (customers < 1 || customers > transactions) {
      throw new IllegalArgumentException("need 1 <= customers <= transactions: customers "
          + customers + ", transactions " + transactions);
    }
    var rnd = new SplittableRandom(seed);
    String[] dictionary = ids(customers);

    double[] typical = new double[customers];
    double mu = Math.log(MEDIAN_SPEND);
    for (int c = 0; c < customers; c++) {
      typical[c] = Math.exp(mu + CUSTOMER_SIGMA * rnd.nextGaussian());
    }

    int[] codes = new int[transactions];
    for (int i = 0; i < customers; i++) {
      codes[i] = i;
    }
    for (int i = customers; i < transactions; i++) {
      codes[i] = rnd.nextInt(customers);
    }
    for (int i = transactions - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int tmp = codes[i];
      codes[i] = codes[j];
      codes[j] = tmp;
    }

    long first = FIRST_DAY.toEpochDay();
    int span = (int) (LAST_DAY.toEpochDay() - first + 1);
    long[] days = new long[transactions];
    double[] amounts = new double[transactions];
    for (int i = 0; i < transactions; i++) {
      days[i] = first + rnd.nextInt(span);
      double a = typical[codes[i]] * Math.exp(PURCHASE_SIGMA * rnd.nextGaussian());
      amounts[i] = Math.max(0.01, Math.round(a * 100.0) / 100.0);
    }
    return new SyntheticTransactions(dictionary, codes, days, amounts);
  }

  /**
   * These rows as a {@link TransactionLog}, built from the columns through the sorted-dictionary
   * fast path.
   */
  public TransactionLog toLog() {
    return TransactionLog.builder().expectedSize(size())
        .addColumns(dictionary, codes, epochDays, amounts).build();
  }

  /** The number of rows. */
  public int size() {
    return codes.length;
  }

  /** The number of customers (the dictionary size). */
  public int customers() {
    return dictionary.length;
  }

  /** "C" followed by the 1-based number, zero-padded to 7 digits (or as many as needed). */
  static String[] ids(int customers) {
    int width = Math.max(7, Integer.toString(customers).length());
    String[] out = new String[customers];
    char[] buf = new char[width + 1];
    buf[0] = 'C';
    for (int c = 0; c < customers; c++) {
      int v = c + 1;
      for (int k = width; k >= 1; k--) {
        buf[k] = (char) ('0' + v % 10);
        v /= 10;
      }
      out[c] = new String(buf);
    }
    return out;
  }
}
