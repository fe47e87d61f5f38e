package io.mailsweep.testing;

import io.mailsweep.net.smtp.LegacyTls;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs {@link LegacyTls#enable()} in the test JVM before any test class loads. JSSE reads {@code
 * jdk.tls.disabledAlgorithms} once, when its classes initialise, so whichever test touched TLS
 * first would otherwise decide for the whole run whether TLSv1, TLSv1.1 and 3DES can be tested.
 * Registered in {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}; the
 * application does the same first thing in {@code Main}.
 */
public final class LegacyTlsSessionListener implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    LegacyTls.enable();
  }
}
