package io.mailsweep.check;

import io.mailsweep.check.access.AccessFinding;
import io.mailsweep.check.bimi.BimiFinding;
import io.mailsweep.check.dane.DaneFinding;
import io.mailsweep.check.dkim.DkimFinding;
import io.mailsweep.check.dmarc.DmarcFinding;
import io.mailsweep.check.e2ee.E2eeFinding;
import io.mailsweep.check.mtasts.MtaStsFinding;
import io.mailsweep.check.mx.MxFinding;
import io.mailsweep.check.spf.SpfFinding;
import io.mailsweep.check.starttls.StartTlsFinding;
import io.mailsweep.check.tlsrpt.TlsRptFinding;
import io.mailsweep.check.transport.CertificateFinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every finding code mailsweep can raise, by code: the enums of finding kinds listed explicitly
 * (a test proves the list names every enum that implements {@link FindingType}). Profiles validate
 * the codes they name against it and {@code mailsweep explain} reads it.
 */
public final class FindingCatalog {
  private static final List<Class<? extends FindingType>> ENUMS = List.of(SpfFinding.class, DmarcFinding.class,
      DkimFinding.class, BimiFinding.class, MxFinding.class, StartTlsFinding.class, CertificateFinding.class,
      MtaStsFinding.class, DaneFinding.class, TlsRptFinding.class, AccessFinding.class, E2eeFinding.class);
  private static final Map<String, FindingDefinition> BY_CODE = index();

  private FindingCatalog() {}

  private static Map<String, FindingDefinition> index() {
    Map<String, FindingDefinition> out = new LinkedHashMap<>();
    for (Class<? extends FindingType> type : ENUMS) {
      for (FindingType kind : type.getEnumConstants()) {
        out.putIfAbsent(kind.definition().code(), kind.definition());
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** The enums of finding kinds, in the order of the README's findings table. */
  public static List<Class<? extends FindingType>> enums() {
    return ENUMS;
  }

  /** Every definition, in the order of {@link #enums()}. */
  public static List<FindingDefinition> all() {
    return new ArrayList<>(BY_CODE.values());
  }

  /** The definition of a code in any case, dashes for underscores allowed, e.g. {@code dmarc-missing}. */
  public static Optional<FindingDefinition> find(String code) {
    return Optional.ofNullable(BY_CODE.get(code.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
  }

  public static boolean exists(String code) {
    return find(code).isPresent();
  }
}
