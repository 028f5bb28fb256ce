/**
 * The decision (FreshnessRule), the requirements of endpoints, and the 401 challenges. Not API.
 */
package dev.freshjwt.internal.guard;
