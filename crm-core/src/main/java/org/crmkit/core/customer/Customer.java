package org.crmkit.core.customer;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.crmkit.core.Checks;

/**
 * One customer: id, acquisition date, optional acquisition cost and free attributes.
 *
 * <p>Use {@link #of(String, LocalDate)}, then {@link #withAcquisitionCost(double)},
 * {@link #withAttributes(Map)} and {@link #withAttribute(String, String)}. The attributes are
 * free text from the source system (segment, region, plan, ...): the record copies them into an
 * unmodifiable map sorted by key, so that changing the caller's map changes nothing here and
 * {@code toString()} lists them in a stable order.
 *
 * @param id the customer's id; not blank
 * @param acquisitionDate the date the customer was acquired; between {@link Checks#MIN_DATE}
 *     and {@link Checks#MAX_DATE}
 * @param acquisitionCost the cost of acquiring the customer, or null when unknown; finite and
 *     &ge; 0 when given
 * @param attributes free attributes; null is read as none. Keys are not blank, values are not
 *     null (an absent attribute has no key); the record holds an unmodifiable copy
 */
public record Customer(String id, LocalDate acquisitionDate, Double acquisitionCost,
    Map<String, String> attributes) {

  /** Validates the components and copies the attributes; see the class description. */
  public Customer {
    Checks.notBlank("id", id);
    Fields.date(id, "acquisitionDate", acquisitionDate);
    if (acquisitionCost != null) {
      double cost = acquisitionCost;
      if (!(cost >= 0 && cost < Double.POSITIVE_INFINITY)) {
        throw Fields.bad(id, "acquisitionCost must be finite and >= 0: " + Checks.format(cost));
      }
      acquisitionCost = cost + 0.0; // -0.0 becomes 0.0, so that equal costs are equal
    }
    attributes = Fields.attributes(id, attributes);
  }

  /** A customer with no acquisition cost and no attributes. */
  public static Customer of(String id, LocalDate acquisitionDate) {
    return new Customer(id, acquisitionDate, null, null);
  }

  /** A copy with this acquisition cost. */
  public Customer withAcquisitionCost(double cost) {
    return new Customer(id, acquisitionDate, cost, attributes);
  }

  /** A copy whose attributes are (a copy of) {@code newAttributes}; null means none. */
  public Customer withAttributes(Map<String, String> newAttributes) {
    return new Customer(id, acquisitionDate, acquisitionCost, newAttributes);
  }

  /** A copy with one attribute added, or replaced when the key is already present. */
  public Customer withAttribute(String key, String value) {
    Map<String, String> copy = new HashMap<>(attributes);
    copy.put(key, value);
    return new Customer(id, acquisitionDate, acquisitionCost, copy);
  }

  /** The acquisition cost, if given. */
  public OptionalDouble optionalAcquisitionCost() {
    return acquisitionCost == null ? OptionalDouble.empty() : OptionalDouble.of(acquisitionCost);
  }

  /** The value of one attribute, if present; empty for a null key. */
  public Optional<String> attribute(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(attributes.get(key));
  }
}
