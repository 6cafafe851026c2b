package org.crmkit.io.json;

import com.fasterxml.jackson.core.JsonFactory;

/** Test access to the reader's factory, to check its read constraints directly. */
final class ModelStateJsonLimits {

  private ModelStateJsonLimits() {}

  static JsonFactory factory() {
    return ModelStateJson.factory();
  }
}
