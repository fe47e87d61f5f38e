package io.mailsweep.check.spf;

/**
 * A modifier (RFC 7208 §6): {@code redirect}, {@code exp}, or an unknown one, which check_host()
 * ignores.
 *
 * @param name the modifier name in lower case
 * @param value the unexpanded macro-string
 */
public record Modifier(String name, String value, String text) implements Term {}
