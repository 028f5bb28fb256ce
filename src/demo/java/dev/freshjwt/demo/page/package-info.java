/**
 * The demo page at {@code /}: one HTML file, one script and one stylesheet under {@code WEB-INF/page/}, served by
 * JAX-RS (the demo's {@code Application} owns every URL) with a strict Content-Security-Policy. The page logs in
 * with cookies and shows the session's freshness; it holds no token itself.
 */
package dev.freshjwt.demo.page;
