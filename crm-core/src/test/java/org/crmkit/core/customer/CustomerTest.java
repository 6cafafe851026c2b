package org.crmkit.core.customer;

import static org.crmkit.core.customer.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTest {

  private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

  @Test
  void ofGivesNoCostAndNoAttributes() {
    Customer c = Customer.of("C0042", DAY);
    assertEquals("C0042", c.id());
    assertEquals(DAY, c.acquisitionDate());
    assertEquals(OptionalDouble.empty(), c.optionalAcquisitionCost());
    assertEquals(Map.of(), c.attributes());
  }

  @Test
  void rejectsNullId() {
    assertRejected(() -> Customer.of(null, DAY), "id must not be null");
  }

  @Test
  void rejectsBlankId() {
    assertRejected(() -> Customer.of("  ", DAY), "id must not be blank: '  '");
  }

  @Test
  void rejectsNullAcquisitionDate() {
    assertRejected(() -> Customer.of("C0042", null),
        "customer 'C0042'", "acquisitionDate must not be null");
  }

  @Test
  void rejectsAcquisitionDateBefore1900() {
    assertRejected(() -> Customer.of("C0042", LocalDate.of(1899, 12, 31)),
        "customer 'C0042'", "acquisitionDate", "1899-12-31");
  }

  @Test
  void rejectsAcquisitionDateAfter2199() {
    assertRejected(() -> Customer.of("C0042", LocalDate.of(2200, 1, 1)),
        "customer 'C0042'", "acquisitionDate", "2200-01-01");
  }

  @Test
  void acceptsTheDateBounds() {
    assertEquals(LocalDate.of(1900, 1, 1),
        Customer.of("C1", LocalDate.of(1900, 1, 1)).acquisitionDate());
    assertEquals(LocalDate.of(2199, 12, 31),
        Customer.of("C1", LocalDate.of(2199, 12, 31)).acquisitionDate());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, -1e9, Double.NaN, Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY})
  void rejectsBadAcquisitionCost(double cost) {
    assertRejected(() -> Customer.of("C0042", DAY).withAcquisitionCost(cost),
        "customer 'C0042'", "acquisitionCost", ": " + cost);
  }

  @Test
  void acceptsZeroCostAndReadsMinusZeroAsZero() {
    Customer zero = Customer.of("C1", DAY).withAcquisitionCost(0.0);
    Customer minusZero = Customer.of("C1", DAY).withAcquisitionCost(-0.0);
    assertEquals(zero, minusZero);
    assertEquals(0.0, minusZero.acquisitionCost());
  }

  @Test
  void rejectsNullAttributeKey() {
    Map<String, String> attrs = new HashMap<>();
    attrs.put(null, "gold");
    assertRejected(() -> Customer.of("C0042", DAY).withAttributes(attrs),
        "customer 'C0042'", "attribute key must not be null");
  }

  @Test
  void rejectsBlankAttributeKey() {
    assertRejected(() -> Customer.of("C0042", DAY).withAttribute(" ", "gold"),
        "customer 'C0042'", "attribute key must not be blank: ' '");
  }

  @Test
  void rejectsNullAttributeValue() {
    assertRejected(() -> Customer.of("C0042", DAY).withAttribute("tier", null),
        "customer 'C0042'", "attribute 'tier' must not be null");
  }

  @Test
  void nullAttributesAreNone() {
    Customer c = new Customer("C1", DAY, null, null);
    assertEquals(Map.of(), c.attributes());
    assertEquals(c, Customer.of("C1", DAY).withAttributes(Map.of()));
  }

  @Test
  void attributesAreCopiedOnTheWayIn() {
    Map<String, String> source = new HashMap<>(Map.of("tier", "gold"));
    Customer c = Customer.of("C1", DAY).withAttributes(source);
    source.put("tier", "bronze");
    source.put("region", "north");
    assertEquals(Map.of("tier", "gold"), c.attributes());
  }

  @Test
  void attributesCannotBeChangedThroughTheAccessor() {
    Customer c = Customer.of("C1", DAY).withAttribute("tier", "gold");
    Map<String, String> attrs = c.attributes();
    assertThrows(UnsupportedOperationException.class, () -> attrs.put("tier", "bronze"));
    assertThrows(UnsupportedOperationException.class, () -> attrs.remove("tier"));
    assertThrows(UnsupportedOperationException.class, attrs::clear);
    assertThrows(UnsupportedOperationException.class,
        () -> attrs.entrySet().iterator().next().setValue("bronze"));
    assertEquals(Optional.of("gold"), c.attribute("tier"));
  }

  @Test
  void withAttributeLeavesTheOriginalAlone() {
    Customer gold = Customer.of("C1", DAY).withAttribute("tier", "gold");
    Customer bronze = gold.withAttribute("tier", "bronze").withAttribute("region", "north");
    assertEquals(Map.of("tier", "gold"), gold.attributes());
    assertEquals(Map.of("tier", "bronze", "region", "north"), bronze.attributes());
  }

  @Test
  void attributesAreSortedByKey() {
    Map<String, String> source = new LinkedHashMap<>();
    source.put("zone", "z");
    source.put("age", "41");
    source.put("plan", "pro");
    Customer c = Customer.of("C1", DAY).withAttributes(source);
    assertEquals(List.of("age", "plan", "zone"), List.copyOf(c.attributes().keySet()));
  }

  @Test
  void attributeLookup() {
    Customer c = Customer.of("C1", DAY).withAttribute("tier", "gold");
    assertEquals(Optional.of("gold"), c.attribute("tier"));
    assertEquals(Optional.empty(), c.attribute("region"));
    assertEquals(Optional.empty(), c.attribute(null));
  }

  @Test
  void withCopiesRoundTrip() {
    Customer base = Customer.of("C1", DAY);
    Customer full = base.withAcquisitionCost(12.5).withAttributes(Map.of("tier", "gold"));
    assertEquals(new Customer("C1", DAY, 12.5, Map.of("tier", "gold")), full);
    assertEquals(OptionalDouble.of(12.5), full.optionalAcquisitionCost());
    assertEquals(base.withAcquisitionCost(12.5), full.withAttributes(null));
    assertNotEquals(base, full);
    assertEquals(full, full.withAcquisitionCost(99).withAcquisitionCost(12.5));
  }

  // Property: every finite cost >= 0 is kept exactly; every other is rejected.
  static DoubleStream costs() {
    SplittableRandom random = new SplittableRandom(20240301L);
    double[] drawn = new double[200];
    for (int i = 0; i < drawn.length; i++) {
      // both signs, magnitudes from about 1e-12 to 1e18
      drawn[i] = Math.scalb(random.nextDouble() - 0.5, random.nextInt(-40, 60));
    }
    return DoubleStream.concat(DoubleStream.of(0.0, Double.MIN_VALUE, 1.0, Double.MAX_VALUE,
        -Double.MIN_VALUE, -1.0, -Double.MAX_VALUE), DoubleStream.of(drawn));
  }

  @ParameterizedTest
  @MethodSource("costs")
  void anyFiniteNonNegativeCostIsKeptAndAnyNegativeIsRejected(double cost) {
    if (cost >= 0) {
      assertEquals(cost, Customer.of("C1", DAY).withAcquisitionCost(cost).acquisitionCost());
    } else {
      String m = assertRejected(() -> Customer.of("C1", DAY).withAcquisitionCost(cost),
          "customer 'C1'", "acquisitionCost");
      assertTrue(m.endsWith(Double.toString(cost)), m);
    }
  }
}
