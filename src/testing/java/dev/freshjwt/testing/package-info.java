/**
 * freshjwt's test kit, for the Arquillian tests of an application that uses freshjwt: add
 * {@code dev.freshjwt:freshjwt} with classifier {@code testing} in test scope.
 *
 * <ul>
 * <li>{@link dev.freshjwt.testing.TestIssuer}: one call makes the WAR under test trust a test key (the MicroProfile
 * Config properties and the key pair added to the ShrinkWrap archive), and it mints tokens with that key;</li>
 * <li>{@link dev.freshjwt.testing.TestToken}: fresh, not fresh, stale, expired, refresh, wrong-type, {@code acr}/{@code
 * amr}, forged tokens, claim by claim; revoked ones through {@link dev.freshjwt.testing.TestIssuer#revoke};</li>
 * <li>{@link dev.freshjwt.testing.FreshJwtAssertions}: the RFC 6750 / RFC 9470 challenge and the problem body of a
 * refusal, as every server writes them;</li>
 * <li>{@link dev.freshjwt.testing.TestKeys}: key pairs and PEM text.</li>
 * </ul>
 *
 * <p>Needs ShrinkWrap (which Arquillian brings) and jose4j (which freshjwt brings); no JSON-P, no JUnit.
 */
package dev.freshjwt.testing;
