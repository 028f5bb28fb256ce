/**
 * Minting and verifying tokens with jose4j, and reading claim values portably. Not API.
 */
package dev.freshjwt.internal.token;
