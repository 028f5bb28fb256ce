/**
 * WildFly's cookie bridge: an Undertow handler, before security, that hands the token cookie to WildFly's own
 * MicroProfile JWT as a bearer header. Loaded only by Undertow. Not API.
 */
package dev.freshjwt.internal.undertow;
