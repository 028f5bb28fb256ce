/**
 * Revocation semantics over a RevocationStore, and the built-in stores. Not API.
 */
package dev.freshjwt.internal.revocation;
