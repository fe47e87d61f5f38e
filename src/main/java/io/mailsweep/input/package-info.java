/**
 * The input layer: streams a vendor CSV file into {@link io.mailsweep.input.InputRow}s and turns
 * each raw value into a {@link io.mailsweep.domain.DomainName} or a rejection reason.
 *
 * <p>Pure Java, no Spring types, no network: nothing here resolves a name.
 */
package io.mailsweep.input;
