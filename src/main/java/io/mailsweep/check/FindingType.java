package io.mailsweep.check;

/**
 * A kind of finding. Each check declares its kinds as an enum implementing this interface, so the
 * catalogue of codes is fixed at build time and can be listed and explained.
 */
public interface FindingType {
  FindingDefinition definition();

  default Finding with(String message) {
    FindingDefinition d = definition();
    return new Finding(d.code(), d.severity(), message, d.remediation(), d.reference());
  }
}
