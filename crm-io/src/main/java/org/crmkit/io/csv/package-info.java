/**
 * Reading delimited files (CSV, TSV, whitespace-separated, gzip) of customer data through
 * Jackson's CSV parser, streaming, with strict errors that name the file, line, column, value
 * and reason, or a lenient mode that skips and reports; and writing result tables as CSV.
 *
 * <ul>
 *   <li>{@link org.crmkit.io.csv.TransactionCsvReader}: transactions straight into a
 *       {@link org.crmkit.core.log.TransactionLog} (over a million rows a second on one core);
 *   <li>{@link org.crmkit.io.csv.CustomerCsvReader},
 *       {@link org.crmkit.io.csv.SurveyResponseCsvReader},
 *       {@link org.crmkit.io.csv.ServiceTicketCsvReader}: lists of the records of
 *       {@code org.crmkit.core.customer};
 *   <li>{@link org.crmkit.io.csv.SummaryCsvReader}: per-customer or weighted summaries;
 *   <li>{@link org.crmkit.io.csv.TableCsvReader}: any file into a typed
 *       {@link org.crmkit.core.table.Table};
 *   <li>{@link org.crmkit.io.csv.DataQuality}: a data-quality profile of a file;
 *   <li>{@link org.crmkit.io.csv.TableCsvWriter}: any table as CSV, formula-like text
 *       neutralised.
 * </ul>
 *
 * <p>Columns are chosen by header name or position ({@link org.crmkit.io.csv.Column}), the layout
 * by {@link org.crmkit.io.csv.CsvFormat}, dates by {@link org.crmkit.io.csv.DateFormat}. Numbers
 * and dates are never coerced silently: {@code 12,50} in an amount column is an error unless the
 * format says the decimal separator is a comma, and a row with more fields than the header (an
 * unquoted separator inside a field) is a bad row, not a shifted one.
 */
package org.crmkit.io.csv;
