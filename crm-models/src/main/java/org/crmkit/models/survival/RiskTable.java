package org.crmkit.models.survival;

import java.util.Arrays;

/**
 * The life table behind the non-parametric estimators: the distinct observed times in increasing
 * order and, at each time t_j, the number at risk n_j (rows with duration &ge; t_j), the events
 * d_j and the censored rows c_j with duration exactly t_j. Package-private; arrays are shared.
 */
final class RiskTable {

  final double[] times;
  final int[] atRisk;
  final int[] events;
  final int[] censored;
  final int size;
  final int eventCount;

  private RiskTable(double[] times, int[] atRisk, int[] events, int[] censored, int size,
      int eventCount) {
    this.times = times;
    this.atRisk = atRisk;
    this.events = events;
    this.censored = censored;
    this.size = size;
    this.eventCount = eventCount;
  }

  /** Builds the table in O(n log n) with primitive sorts. */
  static RiskTable of(SurvivalData data) {
    double[] t = data.durationValues();
    boolean[] e = data.eventFlags();
    int n = t.length;
    int d = data.eventCount();
    double[] ev = new double[d];
    double[] ce = new double[n - d];
    int a = 0;
    int b = 0;
    for (int i = 0; i < n; i++) {
      if (e[i]) {
        ev[a++] = t[i];
      } else {
        ce[b++] = t[i];
      }
    }
    Arrays.sort(ev);
    Arrays.sort(ce);
    double[] times = new double[n];
    int[] risk = new int[n];
    int[] dd = new int[n];
    int[] cc = new int[n];
    int k = 0;
    int before = 0; // rows with duration < current time
    a = 0;
    b = 0;
    while (a < ev.length || b < ce.length) {
      double now = Math.min(a < ev.length ? ev[a] : Double.POSITIVE_INFINITY,
          b < ce.length ? ce[b] : Double.POSITIVE_INFINITY);
      int de = 0;
      while (a < ev.length && ev[a] == now) {
        a++;
        de++;
      }
      int dc = 0;
      while (b < ce.length && ce[b] == now) {
        b++;
        dc++;
      }
      times[k] = now;
      risk[k] = n - before;
      dd[k] = de;
      cc[k] = dc;
      before += de + dc;
      k++;
    }
    return new RiskTable(Arrays.copyOf(times, k), Arrays.copyOf(risk, k), Arrays.copyOf(dd, k),
        Arrays.copyOf(cc, k), n, d);
  }

  /** The index of the last time &le; t, or -1 if t precedes every time. */
  static int indexAtOrBefore(double[] times, double t) {
    int i = Arrays.binarySearch(times, t);
    return i >= 0 ? i : -i - 2;
  }
}
