/**
 * Reading delimited files (CSV, TSV, whitespace-separated, gzip) of customer data through
 * Jackson's CSV parser, streaming, with strict errors that name the file, line, column, value
 * and reason, or a lenient mode that skips and reports. Numbers and dates are never coerced
 * silently.
 */
package org.crmkit.io.csv;
