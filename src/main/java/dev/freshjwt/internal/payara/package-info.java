/**
 * Payara's cookie bridge: a Jakarta Security mechanism that hands the token cookie to Payara's own MicroProfile JWT
 * mechanism as a bearer header. A bean only on Payara with cookies on. Not API.
 */
package dev.freshjwt.internal.payara;
