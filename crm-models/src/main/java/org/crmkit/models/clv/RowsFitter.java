package org.crmkit.models.clv;

import java.util.function.Function;
import org.crmkit.core.summary.CustomerSummaries;
import org.crmkit.core.summary.WeightedSummaries;

/**
 * A fitter of a model of (x, t_x, T) histories in continuous time (BG/NBD, MBG/NBD,
 * Pareto/NBD): both kinds of summary table are compressed to distinct weighted {@link Rows},
 * which the model fits.
 *
 * @param <M> the model
 * @param <F> the model's fitter type
 */
abstract class RowsFitter<M, F extends RowsFitter<M, F>> extends AbstractFitter<F> {

  RowsFitter(FitOptions options, Function<FitOptions, F> make) {
    super(options, make);
  }

  /** Fits the model to distinct weighted rows with this fitter's options. */
  abstract M fitRows(Rows rows);

  /**
   * Fits to every customer of {@code summaries} (compressed to distinct rows first).
   *
   * @throws IllegalArgumentException if the table is empty
   */
  public M fit(CustomerSummaries summaries) {
    return fitRows(Rows.of(summaries));
  }

  /**
   * Fits to weighted rows (rows are merged when repeated); the result equals fitting the
   * expanded table.
   *
   * @throws IllegalArgumentException if the table is empty
   */
  public M fit(WeightedSummaries summaries) {
    return fitRows(Rows.of(summaries));
  }
}
