package org.crmkit.io.csv;

import java.util.Locale;

/**
 * The layout of a delimited file: field separator (or runs of white space), whether the first
 * line is a header, the quote character and the decimal separator of numbers.
 *
 * <p>Numbers are read strictly: an optional sign, digits with at most one decimal separator,
 * and an optional exponent. No grouping separators, no {@code NaN} or {@code Infinity}: with the
 * default decimal separator '.', {@code 12,50} is an error, never 1250 or 12.5. A file written
 * with decimal commas needs {@code withDecimalSeparator(',')} (and a field separator other than
 * ',', typically ';').
 *
 * @param separator the field separator; ignored when {@code whitespace} is true
 * @param whitespace fields are separated by runs of spaces or tabs (quotes are not special)
 * @param header the first line names the columns
 * @param quote the quote character
 * @param decimalSeparator '.' or ','
 */
public record CsvFormat(char separator, boolean whitespace, boolean header, char quote,
    char decimalSeparator) {

  /** Rejects contradictions: a decimal comma in a comma-separated file, odd separators. */
  public CsvFormat {
    if (decimalSeparator != '.' && decimalSeparator != ',') {
      throw new IllegalArgumentException("decimal separator must be '.' or ',': '"
          + decimalSeparator + "'");
    }
    if (!whitespace && separator == decimalSeparator) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the field separator and the decimal separator are both '%c'", separator));
    }
    if (separator == '\n' || separator == '\r' || separator == quote) {
      throw new IllegalArgumentException("invalid field separator: '" + separator + "'");
    }
  }

  /** Comma-separated with a header line, '"' quotes, decimal point. */
  public static CsvFormat csv() {
    return new CsvFormat(',', false, true, '"', '.');
  }

  /** Fields separated by runs of spaces or tabs, no header, decimal point (e.g. CDNOW). */
  public static CsvFormat whitespaceSeparated() {
    return new CsvFormat('\t', true, false, '"', '.');
  }

  /** This format with another field separator (';', '\t', '|', ...). */
  public CsvFormat withSeparator(char c) {
    return new CsvFormat(c, false, header, quote, decimalSeparator);
  }

  /** This format with or without a header line. */
  public CsvFormat withHeader(boolean h) {
    return new CsvFormat(separator, whitespace, h, quote, decimalSeparator);
  }

  /** This format with another quote character. */
  public CsvFormat withQuote(char q) {
    return new CsvFormat(separator, whitespace, header, q, decimalSeparator);
  }

  /** This format with a decimal separator of '.' or ','. */
  public CsvFormat withDecimalSeparator(char c) {
    return new CsvFormat(separator, whitespace, header, quote, c);
  }

  /**
   * Parses a number strictly (see the class description).
   *
   * @return the value, or NaN when {@code s} is not a number in this format (callers turn NaN
   *     into an error naming the row)
   */
  double parseNumber(String s) {
    int n = s.length();
    int i = 0;
    boolean negative = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0; // digits accumulated into the mantissa, leading zeros excluded
    int intDigits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      int d = s.charAt(i) - '0';
      if (significant > 0 || d != 0) {
        significant++;
        mantissa = significant <= 18 ? mantissa * 10 + d : mantissa;
      }
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    int decimalAt = -1;
    if (i < n && s.charAt(i) == decimalSeparator) {
      decimalAt = i++;
      while (i < n && isDigit(s.charAt(i))) {
        int d = s.charAt(i) - '0';
        if (significant > 0 || d != 0) {
          significant++;
          mantissa = significant <= 18 ? mantissa * 10 + d : mantissa;
        }
        i++;
        fracDigits++;
      }
    }
    if (intDigits + fracDigits == 0) {
      return Double.NaN;
    }
    boolean exponent = false;
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      exponent = true;
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return Double.NaN;
      }
    }
    if (i != n) {
      return Double.NaN;
    }
    // Clinger's fast path: an exact integer mantissa below 2^53 divided by an exact power of
    // ten up to 10^22 is one correctly rounded IEEE division, so it equals parseDouble's result.
    if (!exponent && significant <= 15 && fracDigits <= 22) {
      double v = (double) mantissa / POWERS_OF_TEN[fracDigits];
      return negative ? -v : v;
    }
    String t = decimalAt >= 0 && decimalSeparator != '.'
        ? s.substring(0, decimalAt) + '.' + s.substring(decimalAt + 1) : s;
    double v = Double.parseDouble(t);
    return Double.isFinite(v) ? v : Double.NaN;
  }

  private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
      1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Why {@link #parseNumber} rejected a value. */
  String numberReason() {
    return "is not a number (decimal separator '" + decimalSeparator + "')";
  }
}
