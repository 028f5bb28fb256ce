/**
 * freshjwt's MicroProfile Health readiness check, a bean only where the server offers MicroProfile Health. Not API.
 */
package dev.freshjwt.internal.health;
