/**
 * Loading and checking the signing key, and publishing its JWKS. Not API.
 */
package dev.freshjwt.internal.keys;
