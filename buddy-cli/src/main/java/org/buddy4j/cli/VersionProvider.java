package org.buddy4j.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code buddy --version}: the jar's version and the Java it runs on. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"buddy " + (v == null ? "dev" : v) + " (buddy4j), Java " + Runtime.version()};
  }
}
