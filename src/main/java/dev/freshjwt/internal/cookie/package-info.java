/**
 * Tokens in browser cookies: the settings, reading and writing cookie headers, the decision which token a request
 * presents to the container (header or cookie, CSRF), and the per-server bridges' shared logic. Not API.
 */
package dev.freshjwt.internal.cookie;
