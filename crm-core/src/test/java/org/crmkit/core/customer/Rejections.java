package org.crmkit.core.customer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts that bad input is rejected with a message that names what is wrong. */
final class Rejections {

  private Rejections() {}

  /**
   * Asserts that {@code call} throws an {@link IllegalArgumentException} whose message contains
   * every fragment, in order; returns the message.
   */
  static String assertRejected(Executable call, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    String message = e.getMessage();
    int from = 0;
    for (String f : fragments) {
      int at = message.indexOf(f, from);
      assertTrue(at >= 0, () -> "message lacks '" + f + "' (in order): " + message);
      from = at + f.length();
    }
    return message;
  }
}
