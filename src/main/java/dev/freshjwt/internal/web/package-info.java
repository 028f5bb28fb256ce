/**
 * The servlet side, declared in the library's web-fragment: the filter that refuses unusable bearer tokens on every
 * URL, and the error page that gives the container's own 401 freshjwt's challenge. Not API.
 */
package dev.freshjwt.internal.web;
