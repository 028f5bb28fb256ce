/**
 * CDI wiring: the deploy-time extension, the interceptor and what it shares. Not API.
 */
package dev.freshjwt.internal.cdi;
