package org.crmkit.models.clv;

import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.crmkit.core.model.FitReport;

/** The compact text tables that fitted models print (STYLE.md, "Printing for JShell"). */
final class Tables {

  private Tables() {}

  /** About 4 significant digits: fixed with 4 decimals in [1e-3, 1e5), scientific outside. */
  static String number(double v) {
    if (v == 0) {
      return "0";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e5) {
      return String.format(Locale.ROOT, "%.4f", v);
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }

  /**
   * A fit's table:
   *
   * <pre>
   * BG/NBD fit: 2,357 customers, unit WEEKS, converged (23 iterations)
   *   param  estimate  std.err
   *   r        0.2426   0.0126
   *   log-likelihood -9582.43   AIC 19172.86
   * </pre>
   *
   * <p>The report's warnings follow, one per line.
   */
  static String fit(String model, ChronoUnit unit, String[] names, double[] theta, double[] se,
      FitReport report, double aic) {
    var sb = new StringBuilder(String.format(Locale.ROOT, "%s fit: %,.0f customers%s, %s%n",
        model, report.customers(), unit == null ? "" : ", unit " + unit.name(), report.status()));
    int wn = 5;
    int we = 8;
    int ws = 7;
    String[] es = new String[names.length];
    String[] ss = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      es[i] = number(theta[i]);
      ss[i] = Double.isInfinite(se[i]) ? "-" : number(se[i]);
      wn = Math.max(wn, names[i].length());
      we = Math.max(we, es[i].length());
      ws = Math.max(ws, ss[i].length());
    }
    String row = "  %-" + wn + "s  %" + we + "s  %" + ws + "s%n";
    sb.append(String.format(Locale.ROOT, row, "param", "estimate", "std.err"));
    for (int i = 0; i < names.length; i++) {
      sb.append(String.format(Locale.ROOT, row, names[i], es[i], ss[i]));
    }
    sb.append(String.format(Locale.ROOT, "  log-likelihood %.2f   AIC %.2f", report.logLikelihood(),
        aic));
    if (report.penalty() > 0) {
      sb.append(String.format(Locale.ROOT, "   (L2 penalty %s)", number(report.penalty())));
    }
    for (String w : report.warnings()) {
      sb.append(String.format(Locale.ROOT, "%n  warning: %s", w));
    }
    return sb.toString();
  }

  /** A model with given parameters: "BG/NBD model (parameters given), unit WEEKS: r 0.243, ...". */
  static String given(String model, ChronoUnit unit, String[] names, double[] theta) {
    var sb = new StringBuilder(String.format(Locale.ROOT, "%s model (parameters given%s):",
        model, unit == null ? "" : ", unit " + unit.name()));
    for (int i = 0; i < names.length; i++) {
      sb.append(i == 0 ? " " : ", ").append(names[i]).append(' ').append(number(theta[i]));
    }
    return sb.toString();
  }
}
