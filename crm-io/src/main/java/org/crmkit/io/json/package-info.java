/**
 * JSON and JSON Lines output of result tables (Jackson streaming generator).
 */
package org.crmkit.io.json;
