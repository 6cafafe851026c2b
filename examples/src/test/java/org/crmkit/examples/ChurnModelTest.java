package org.crmkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.crmkit.core.log.TransactionLog;
import org.junit.jupiter.api.Test;

class ChurnModelTest {

  @Test
  void theMasterFileIsBundled() {
    TransactionLog log = ChurnModel.cdnowMaster();
    assertEquals(69_659, log.size()); // ORACLES.md / the file: 69,659 purchases
    assertEquals(23_570, log.customerCount());
  }

  @Test
  void theComparisonRunsOnTheSample() {
    var bytes = new ByteArrayOutputStream();
    List<ChurnModel.Row> rows = ChurnModel.run(SampleData.cdnowSample(), "CDNOW 1/10 sample", 3,
        10, 42, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(6, rows.size(), out);
    for (ChurnModel.Row r : rows.subList(0, 4)) {
      assertTrue(r.meanAuc() > 0.7, r.toString()); // every classifier beats chance clearly
    }
    assertTrue(out.contains("ChurnLabels: 2,357 customers"), out);
    assertTrue(out.contains("BG/NBD 1 - P(alive)"), out);
    assertTrue(out.contains("random forest (10 trees, Smile)"), out);
    assertTrue(out.contains("Top 10 customers by value at risk (P(churn) × 39-week CLV"), out);
    assertTrue(out.contains("Churn risk by segment (k-means, k = 4"), out);
    // four segment rows (index, label, customers, mean p(churn), ...) covering every customer
    var row = java.util.regex.Pattern.compile("  \\d [a-z -]+?\\s+([\\d,]+)\\s+0\\.\\d{3}\\s.*");
    List<Integer> sizes = out.lines().map(row::matcher).filter(java.util.regex.Matcher::matches)
        .map(m -> Integer.parseInt(m.group(1).replace(",", ""))).toList();
    assertEquals(4, sizes.size(), out);
    assertEquals(2_357, sizes.stream().mapToInt(Integer::intValue).sum(), out);
    assertEquals(10, out.lines().filter(l -> l.matches("\\s+\\d+\\s+\\d{5}\\s.*")).count(), out);
  }
}
