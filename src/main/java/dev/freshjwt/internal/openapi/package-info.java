/**
 * The OpenAPI side: which resource methods freshjwt guards (found by a CDI extension) and what that adds to an
 * OpenAPI document (the bearer security scheme, the 401 challenge, the problem schema). Used by
 * {@link dev.freshjwt.openapi.FreshJwtOpenApiFilter}. Not API.
 */
package dev.freshjwt.internal.openapi;
