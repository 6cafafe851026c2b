package org.crmkit.models.clv;

import java.util.stream.IntStream;

/**
 * Sums a per-row quantity and its gradient over the rows of a table, in parallel on the common
 * fork-join pool for large tables. Rows are split into fixed chunks of {@value #CHUNK} rows, the
 * chunks are summed independently and their sums added in chunk order, so the result is the same
 * on every machine and every run whatever the number of cores.
 */
final class RowSums {

  /** Rows per chunk; tables of at most this many rows are summed on the calling thread. */
  static final int CHUNK = 4096;

  /** A sum over rows [from, to): returns the value, adds the gradient into {@code gradient}. */
  @FunctionalInterface
  interface Range {
    double sum(int from, int to, double[] gradient);
  }

  private RowSums() {}

  /**
   * Σ over rows [0, n) of {@code range}; the gradient (length {@code dim}) is written into
   * {@code gradient} when it is not null.
   */
  static double sum(int n, int dim, double[] gradient, Range range) {
    int chunks = (n + CHUNK - 1) / CHUNK;
    if (chunks <= 1) {
      if (gradient != null) {
        java.util.Arrays.fill(gradient, 0);
      }
      return range.sum(0, n, gradient);
    }
    double[] values = new double[chunks];
    double[][] grads = gradient == null ? null : new double[chunks][dim];
    IntStream.range(0, chunks).parallel().forEach(c -> {
      int from = c * CHUNK;
      int to = Math.min(n, from + CHUNK);
      values[c] = range.sum(from, to, grads == null ? null : grads[c]);
    });
    double v = 0;
    for (double x : values) {
      v += x;
    }
    if (gradient != null) {
      java.util.Arrays.fill(gradient, 0);
      for (double[] g : grads) {
        for (int i = 0; i < dim; i++) {
          gradient[i] += g[i];
        }
      }
    }
    return v;
  }

  /** Applies {@code body} to every index in [0, n), in parallel when n is large. */
  static void forEach(int n, java.util.function.IntConsumer body) {
    if (n <= CHUNK) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
    } else {
      IntStream.range(0, n).parallel().forEach(body);
    }
  }
}
