/**
 * The decisions (BearerAdmission for every request, FreshnessRule for an endpoint's requirement), the requirements
 * of endpoints, and the 401 challenges. Not API.
 */
package dev.freshjwt.internal.guard;
