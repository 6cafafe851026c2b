/**
 * Plain-data records shared by crmkit's fitted models: {@link org.crmkit.core.model.ModelState}
 * (model name, time unit, parameters, covariance, fit report) and
 * {@link org.crmkit.core.model.FitReport}. They live in crm-core so that crm-io can write and
 * read model state as JSON without depending on crm-models (DESIGN.md: dependencies point one
 * way).
 */
package org.crmkit.core.model;
