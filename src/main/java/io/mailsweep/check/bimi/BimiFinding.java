package io.mailsweep.check.bimi;

import io.mailsweep.check.FindingDefinition;
import io.mailsweep.check.FindingType;
import io.mailsweep.check.Severity;

/**
 * The BIMI findings and what to do about each. BIMI is optional branding, not a protection, so no
 * finding is worse than MEDIUM: a broken record warns, it never fails a domain.
 */
public enum BimiFinding implements FindingType {
  BIMI_MULTIPLE_RECORDS(Severity.MEDIUM,
      "Keep exactly one \"v=BIMI1\" record at default._bimi.<domain>: with several, receivers show"
          + " no logo.",
      Refs.DRAFT + " §7.2"),
  BIMI_INVALID(Severity.MEDIUM,
      "Fix the record: it must start with exactly \"v=BIMI1\" and carry an l= tag, with every tag"
          + " written once as name=value; receivers ignore a record they cannot read.",
      Refs.DRAFT + " §4.3"),
  BIMI_INVALID_URL(Severity.MEDIUM,
      "Write l= and a= as absolute https:// URLs on a fully qualified host name (commas encoded"
          + " as %2C), or leave them empty.",
      Refs.DRAFT + " §4.3"),
  BIMI_URL_NOT_HTTPS(Severity.MEDIUM,
      "Serve the logo (l=) and the mark certificate (a=) over HTTPS: receivers fetch nothing else.",
      Refs.DRAFT + " §4.3, §7.3"),
  BIMI_LOGO_NOT_SVG(Severity.MEDIUM,
      "Publish the logo as an SVG Tiny PS file (.svg or .svgz): any other format is a permanent"
          + " error for receivers.",
      Refs.DRAFT + " §4.3.2"),
  BIMI_DMARC_NOT_ENFORCED(Severity.MEDIUM,
      "Move DMARC to enforcement on the domain and its organizational domain: p=quarantine or"
          + " p=reject, no sp=none, pct=100 and no t=y. Until then receivers skip BIMI.",
      Refs.DRAFT + " §7.1"),
  BIMI_NO_CERTIFICATE(Severity.LOW,
      "Add a= with the URL of a Verified or Common Mark Certificate: the large mailbox providers"
          + " show a logo only with one.",
      Refs.DRAFT + " §4.3"),
  BIMI_INVALID_TAG_VALUE(Severity.LOW,
      "Write avp= as brand or personal and lps= as true or false, or remove them; receivers may"
          + " treat an invalid value as a failing record.",
      Refs.DRAFT + " §4.3"),
  BIMI_UNKNOWN_TAG(Severity.INFO,
      "Check the tag's spelling: receivers ignore tags BIMI does not define.",
      Refs.DRAFT + " §4.3");

  private final FindingDefinition definition;

  BimiFinding(Severity severity, String remediation, String reference) {
    this.definition = new FindingDefinition(name(), severity, remediation, reference);
  }

  @Override
  public FindingDefinition definition() {
    return definition;
  }

  /** BIMI is an Internet-Draft; sections are those of revision 10 (September 2025). */
  private static final class Refs {
    static final String DRAFT = "draft-brand-indicators-for-message-identification-10";
  }
}
