package org.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each small example runs on the bundled data and prints what it promises. */
class SmallExamplesTest {

  interface Main {
    void run(String[] args) throws Exception;
  }

  static Stream<Arguments> examples() {
    return Stream.of(
        // ORACLES.md: R×F grid partitions the grid
        Arguments.of("RfmSegmentation", (Main) RfmSegmentation::main, "a partition, 0 gaps"),
        // three monthly cohorts: CDNOW's customers first bought in Q1 1997
        Arguments.of("CohortRetention", (Main) CohortRetention::main, "in 3 monthly cohorts"),
        // 1,139 customers bought on two days or more (2,357 customers − 1,218 one-off buyers)
        Arguments.of("SurvivalCurves", (Main) SurvivalCurves::main, "1,139 repeat buyers"),
        // ORACLES.md: MBG/NBD LL −9582.136
        Arguments.of("ClvForecast", (Main) ClvForecast::main, "-9582.14"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void runs(String name, Main main, String expected) throws Exception {
    var bytes = new ByteArrayOutputStream();
    PrintStream systemOut = System.out;
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      main.run(new String[0]);
    } finally {
      System.setOut(systemOut);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains(expected), () -> name + " did not print '" + expected + "':\n" + out);
  }
}
