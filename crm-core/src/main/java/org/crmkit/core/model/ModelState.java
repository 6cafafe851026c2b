package org.crmkit.core.model;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.Checks;

/**
 * The state of a fitted model as plain data, for persistence (crm-io writes it as JSON without
 * knowing the model classes) and for rebuilding the model with the model's {@code from(state)}.
 *
 * @param model the model's name: "BG/NBD", "MBG/NBD", "Gamma-Gamma", ...
 * @param unit the time unit of the time parameters (null for models without time, such as
 *     Gamma-Gamma)
 * @param parameters the parameters by name, in the model's order, on their natural scale
 * @param covariance the covariance matrix of the estimates on the natural scale (delta method),
 *     in the order of {@code parameters}; empty when the parameters were given, not fitted
 * @param report the fit report; null when the parameters were given, not fitted
 */
public record ModelState(String model, ChronoUnit unit, Map<String, Double> parameters,
    List<List<Double>> covariance, FitReport report) {

  /** Checks the fields and copies them (keeping the parameters' order). */
  public ModelState {
    Checks.notBlank("model", model);
    Checks.notNull("parameters", parameters);
    var p = new LinkedHashMap<String, Double>();
    parameters.forEach((k, v) -> p.put(Checks.notBlank("parameter name", k),
        Checks.finite("parameter " + k, Checks.notNull("parameter " + k, v))));
    parameters = Collections.unmodifiableMap(p);
    if (covariance == null) {
      covariance = List.of();
    }
    var c = new ArrayList<List<Double>>();
    for (List<Double> row : covariance) {
      if (row.size() != p.size()) {
        throw new IllegalArgumentException("covariance rows must have " + p.size()
            + " entries: " + row.size());
      }
      c.add(List.copyOf(row));
    }
    if (!c.isEmpty() && c.size() != p.size()) {
      throw new IllegalArgumentException("covariance must have " + p.size() + " rows: "
          + c.size());
    }
    covariance = List.copyOf(c);
  }

  /** The parameter {@code name}, or an exception naming the model and the missing name. */
  public double parameter(String name) {
    Double v = parameters.get(name);
    if (v == null) {
      throw new IllegalArgumentException(model + " state has no parameter '" + name + "': "
          + parameters.keySet());
    }
    return v;
  }
}
