/**
 * WildFly's side, an Undertow handler before security: the 400 for a {@code Cookie} header Undertow cannot parse (it
 * would answer with a 500), the cookie bridge that hands the token cookie to WildFly's own
 * MicroProfile JWT as a bearer header, and the refusal of bearer tokens WildFly has no key for (which it would answer
 * with a 500). Loaded only by Undertow. Not API.
 */
package dev.freshjwt.internal.undertow;
