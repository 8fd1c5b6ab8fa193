package io.latte.server.cli;

import io.latte.indexer.vector.VectorKernels;
import picocli.CommandLine;

/**
 * Version from the jar manifest when packaged, else "dev"; also which vector kernels run (the
 * launcher hides the JVM's "Using incubator modules" warning, so this is where SIMD shows).
 */
public final class LatteVersion implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = LatteMain.class.getPackage().getImplementationVersion();
    return new String[] {"latte " + (v == null ? "0.1.0-dev" : v), "Java " + Runtime.version(),
        "vector kernels: " + VectorKernels.implementationName()
            + " (SIMD needs --add-modules jdk.incubator.vector, which the latte launcher passes)"};
  }
}
