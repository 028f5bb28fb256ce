/**
 * Open Liberty's cookie bridge: a Jakarta Authentication module that freshjwt registers for the application when cookies
 * are on, and that then verifies bearer and cookie tokens itself (Liberty's own MP JWT steps aside for an application
 * with its own authentication module). Not API.
 */
package dev.freshjwt.internal.liberty;
