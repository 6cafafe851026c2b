package org.crmkit.core.metrics;

import java.time.LocalDate;
import java.util.Locale;
import org.crmkit.core.Checks;

/**
 * A calendar period that dates are grouped by, with labels that sort in time order as text:
 * {@code 2024-03} (month), {@code 2024-Q1} (quarter), {@code 2024} (year).
 */
public enum CalendarPeriod {

  /** Calendar months, labelled {@code yyyy-MM}. */
  MONTH,

  /** Calendar quarters (January–March is Q1), labelled {@code yyyy-Qn}. */
  QUARTER,

  /** Calendar years, labelled {@code yyyy}. */
  YEAR;

  /**
   * The label of the period holding {@code date}: {@code 2024-03}, {@code 2024-Q1} or
   * {@code 2024}. Labels of one kind sort in time order as strings for years 1000 to 9999.
   */
  public String label(LocalDate date) {
    Checks.notNull("date", date);
    return switch (this) {
      case MONTH -> String.format(Locale.ROOT, "%04d-%02d", date.getYear(),
          date.getMonthValue());
      case QUARTER -> String.format(Locale.ROOT, "%04d-Q%d", date.getYear(),
          (date.getMonthValue() - 1) / 3 + 1);
      case YEAR -> String.format(Locale.ROOT, "%04d", date.getYear());
    };
  }
}
