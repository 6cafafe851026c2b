package org.crmkit.models.clv;

import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * What {@link Diagnostics} needs from a repeat-buying model: the new-customer distribution and
 * expectation, the conditional expectation and P(alive). Each model is adapted in
 * {@link Diagnostics}'s {@code of(...)} factories through its public methods, so adding a model
 * (Pareto/NBD) is one more factory and no change to the model. Times are in {@link #unit()}.
 */
interface DiagnosticsModel {

  /** The model's name, as in its state. */
  String name();

  /** The time unit of t, t_x and T; null for a discrete model, whose times are opportunities. */
  ChronoUnit unit();

  /** The number of parameters (for the χ² degrees of freedom and information criteria). */
  int parameterCount();

  /** P(X(t) = n) for a new customer. */
  double pmf(int n, double t);

  /** E[X(t)] for a new customer. */
  double expected(double t);

  /** E[Y(t) | x, t_x, T]: purchases in (T, T+t] given the history. */
  double conditionalExpected(int x, double tx, double bigT, double t);

  /** P(alive | x, t_x, T). */
  double probabilityAlive(int x, double tx, double bigT);

  /** Whether (x, t_x, T) is a history the model can have (x = 0 needs t_x = 0). */
  default boolean possible(int x, double tx, double bigT) {
    return x > 0 || tx == 0;
  }

  /** A BG/BB model: times must be whole numbers of opportunities; P(alive) at the next one. */
  static DiagnosticsModel of(BgBb m) {
    return new DiagnosticsModel() {
      @Override
      public String name() {
        return BgBb.NAME;
      }

      @Override
      public ChronoUnit unit() {
        return null;
      }

      @Override
      public int parameterCount() {
        return 4;
      }

      @Override
      public double pmf(int n, double t) {
        return m.probabilityOfTransactions(n, whole("n", t));
      }

      @Override
      public double expected(double t) {
        return m.expectedTransactions(whole("n", t));
      }

      @Override
      public double conditionalExpected(int x, double tx, double bigT, double t) {
        return m.conditionalExpectedTransactions(x, whole("t_x", tx), whole("n", bigT),
            whole("n*", t));
      }

      @Override
      public double probabilityAlive(int x, double tx, double bigT) {
        return m.probabilityAlive(x, whole("t_x", tx), whole("n", bigT), 1);
      }

      @Override
      public boolean possible(int x, double tx, double bigT) {
        return tx == Math.rint(tx) && bigT == Math.rint(bigT) && x <= tx && tx <= bigT
            && (x == 0) == (tx == 0);
      }
    };
  }

  /** {@code v} as a whole number of opportunities, or an exception naming it. */
  static int whole(String name, double v) {
    if (v >= 0 && v == Math.rint(v) && v <= BgBb.MAX_OPPORTUNITIES) {
      return (int) v;
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "%s must be a whole number of opportunities for BG/BB: %s", name, v));
  }
}
