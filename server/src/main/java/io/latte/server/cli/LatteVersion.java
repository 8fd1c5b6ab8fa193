package io.latte.server.cli;

import picocli.CommandLine;

/** Version from the jar manifest when packaged, else "dev". */
public final class LatteVersion implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = LatteMain.class.getPackage().getImplementationVersion();
    return new String[] {"latte " + (v == null ? "0.1.0-dev" : v), "Java " + Runtime.version()};
  }
}
