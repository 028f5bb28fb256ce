/**
 * The demo application: the classic freshness walkthrough ({@code /login}, {@code /refresh},
 * {@code /protected}, {@code /sensitive_operation}) on freshjwt. Not part of the library jar.
 */
package dev.freshjwt.demo;
