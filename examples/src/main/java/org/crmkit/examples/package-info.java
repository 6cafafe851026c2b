/**
 * Runnable examples and the bundled sample data. {@link org.crmkit.examples.CustomerReport} is
 * the main job; {@link org.crmkit.examples.SampleData} loads the CDNOW sample (Fader &amp; Hardie;
 * Fader, Hardie &amp; Lee 2005, Marketing Science 24(2), doi:10.1287/mksc.1040.0098).
 */
package org.crmkit.examples;
