/**
 * The servlet error page that gives the container's own 401 freshjwt's challenge. Not API.
 */
package dev.freshjwt.internal.web;
