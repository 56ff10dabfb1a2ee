package org.mlmsuite.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest; "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = MlmCommand.class.getPackage().getImplementationVersion();
    return new String[] {"mlm-suite " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
  }
}
