package org.crmkit.models.clv;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.crmkit.core.Checks;
import org.crmkit.core.model.ModelState;

/** Conversions between models and {@link ModelState}. */
final class State {

  private State() {}

  static ModelState of(String model, ChronoUnit unit, String[] names, double[] theta,
      MaximumLikelihood.Estimates e) {
    var p = new LinkedHashMap<String, Double>();
    for (int i = 0; i < names.length; i++) {
      p.put(names[i], theta[i]);
    }
    List<List<Double>> cov = new ArrayList<>();
    if (e != null && e.covariance() != null) {
      for (double[] row : e.covariance()) {
        var l = new ArrayList<Double>();
        for (double v : row) {
          l.add(v);
        }
        cov.add(l);
      }
    }
    return new ModelState(model, unit, p, cov, e == null ? null : e.report());
  }

  static double[] parameters(ModelState state, String model, String[] names) {
    Checks.notNull("state", state);
    if (!model.equals(state.model())) {
      throw new IllegalArgumentException("state is of model '" + state.model() + "', not '"
          + model + "'");
    }
    double[] theta = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      theta[i] = state.parameter(names[i]);
    }
    return theta;
  }

  static MaximumLikelihood.Estimates estimates(ModelState state, double[] theta) {
    if (state.report() == null) {
      return null;
    }
    double[][] cov = null;
    if (!state.covariance().isEmpty()) {
      int n = theta.length;
      cov = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          cov[i][j] = state.covariance().get(i).get(j);
        }
      }
    }
    return new MaximumLikelihood.Estimates(theta.clone(), cov, state.report());
  }
}
