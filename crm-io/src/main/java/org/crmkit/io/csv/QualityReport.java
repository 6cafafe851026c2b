package org.crmkit.io.csv;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.table.ColumnTable;
import org.crmkit.core.table.Table;

/**
 * A data-quality profile of a delimited file along the usual dimensions: completeness per column,
 * uniqueness (distinct values of the columns declared as keys), validity (values that parse as
 * the declared number or date type and lie in range; dates after the as-of date), timeliness
 * (date range) and duplicates (rows identical in every field).
 *
 * @param source the file name
 * @param rows data rows profiled
 * @param duplicateRows rows identical to an earlier row (compared by a 64-bit hash of the whole
 *     row; the chance of a false match is below 1e-9 for 100 million rows)
 * @param columns one profile per column of the file
 */
public record QualityReport(String source, long rows, long duplicateRows,
    List<ColumnProfile> columns) {

  /** Copies the list. */
  public QualityReport {
    columns = List.copyOf(columns);
  }

  /**
   * The profile of one column.
   *
   * @param name the header name (or "#index")
   * @param role what the column was declared as: text, key, number or date
   * @param filled non-empty cells
   * @param distinct distinct non-empty values (keys only, else -1)
   * @param invalid non-empty cells that do not parse as the declared type or lie out of range
   * @param future dates after the as-of date (dates only, else 0)
   * @param min the smallest number or date seen (as text), or null
   * @param max the largest number or date seen (as text), or null
   */
  public record ColumnProfile(String name, String role, long filled, long distinct, long invalid,
      long future, String min, String max) {}

  /** Share of rows with column {@code c} filled, in [0, 1] (1 for an empty file). */
  public double completeness(int c) {
    return rows == 0 ? 1.0 : (double) columns.get(c).filled() / rows;
  }

  /** The report as a table: one row per column. */
  public Table toTable() {
    int n = columns.size();
    return ColumnTable.builder(n)
        .strings("column", i -> columns.get(i).name())
        .strings("role", i -> columns.get(i).role())
        .doubles("completeness", this::completeness)
        .longs("filled", columns.stream().mapToLong(ColumnProfile::filled).toArray())
        .longs("distinct", columns.stream().mapToLong(ColumnProfile::distinct).toArray())
        .longs("invalid", columns.stream().mapToLong(ColumnProfile::invalid).toArray())
        .longs("future", columns.stream().mapToLong(ColumnProfile::future).toArray())
        .strings("min", i -> columns.get(i).min())
        .strings("max", i -> columns.get(i).max())
        .build();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "Data quality of %s: %,d rows, %,d duplicate rows%n", source, rows, duplicateRows));
    sb.append(String.format(Locale.ROOT, "  %-16s %-6s %8s %10s %8s %8s  %s%n", "column", "role",
        "complete", "distinct", "invalid", "future", "range"));
    for (int i = 0; i < columns.size(); i++) {
      ColumnProfile c = columns.get(i);
      sb.append(String.format(Locale.ROOT, "  %-16s %-6s %7.1f%% %10s %8d %8d  %s%n",
          c.name().length() > 16 ? c.name().substring(0, 15) + "…" : c.name(), c.role(),
          100 * completeness(i), c.distinct() < 0 ? "-" : String.format(Locale.ROOT, "%,d",
              c.distinct()), c.invalid(), c.future(),
          c.min() == null ? "" : c.min() + " .. " + c.max()));
    }
    return sb.toString().stripTrailing();
  }

  /** Formats a date for the report. */
  static String text(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
