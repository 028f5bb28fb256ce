/**
 * Reading MicroProfile Config into immutable settings, each error naming its key. Not API.
 */
package dev.freshjwt.internal.config;
