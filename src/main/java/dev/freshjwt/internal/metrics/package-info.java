/**
 * freshjwt's metrics: what the rest of the library records ({@link dev.freshjwt.internal.metrics.Metrics}), recorded
 * through the server's OpenTelemetry where MicroProfile Telemetry offers one, else nowhere. Not API.
 */
package dev.freshjwt.internal.metrics;
