/**
 * Minting and verifying tokens with jose4j (checked at deployment), and reading claim values portably. Not API.
 */
package dev.freshjwt.internal.token;
