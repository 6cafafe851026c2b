/**
 * JSON output of result tables and JSON persistence of fitted-model state.
 *
 * <p>{@link org.crmkit.io.json.TableJsonWriter} writes any {@link org.crmkit.core.table.Table}
 * as a JSON array of row objects or as JSON Lines (Jackson streaming generator).
 * {@link org.crmkit.io.json.ModelStateJson} writes a {@link org.crmkit.core.model.ModelState}
 * with its fit report, the model type, a format version and the library version, and reads it
 * back strictly (unknown fields rejected, types checked, no object mapper and so no polymorphic
 * typing, Jackson read constraints), with doubles exact to the bit.
 */
package org.crmkit.io.json;
