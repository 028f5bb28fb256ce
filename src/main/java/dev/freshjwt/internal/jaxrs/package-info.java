/**
 * The JAX-RS side: a filter per resource method, registered by a DynamicFeature. Not API.
 */
package dev.freshjwt.internal.jaxrs;
