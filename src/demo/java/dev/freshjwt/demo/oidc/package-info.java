/**
 * The demo page with an OpenID provider (Keycloak): a backend-for-frontend, on only when {@code demo.oidc.*} is
 * configured ({@link dev.freshjwt.demo.oidc.OidcSettings}). The page signs in through the authorization-code flow with
 * PKCE that this backend runs; the provider's tokens stay in the backend's memory, under a session cookie the page's
 * script cannot read, and the page's calls to the guarded operations go through {@code /oidc/api/...}, which adds the
 * access token. Demo code, not part of freshjwt.
 */
package dev.freshjwt.demo.oidc;
