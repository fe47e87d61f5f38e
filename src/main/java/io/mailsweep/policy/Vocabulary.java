package io.mailsweep.policy;

import io.mailsweep.check.dkim.DkimEvaluator;
import io.mailsweep.check.dmarc.DmarcAttributes;
import io.mailsweep.check.spf.SpfCheck;
import io.mailsweep.check.starttls.StartTlsEvaluator;
import io.mailsweep.scan.CheckCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a profile may name: the checks mailsweep knows and the attributes each check's results can
 * carry. A rule naming anything else is a mistake in the profile (a misspelt attribute would
 * otherwise be "absent" on every domain and fail it silently).
 */
final class Vocabulary {
  /** Attributes beyond the report columns that {@link CheckCatalog#attributes} lists. */
  private static final Map<String, List<String>> EXTRA = Map.of(
      "spf", SpfCheck.ATTRIBUTES,
      "dmarc", DmarcAttributes.NAMES,
      "dkim", DkimEvaluator.ATTRIBUTES,
      "starttls", StartTlsEvaluator.ATTRIBUTES);

  private Vocabulary() {}

  static List<String> checks() {
    return CheckCatalog.names();
  }

  static boolean knowsCheck(String check) {
    return checks().contains(check);
  }

  /** The attribute names results of {@code check} can carry, in a stable order. */
  static List<String> attributes(String check) {
    List<String> out = new ArrayList<>(CheckCatalog.attributes(check));
    for (String name : EXTRA.getOrDefault(check, List.of())) {
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }
}
