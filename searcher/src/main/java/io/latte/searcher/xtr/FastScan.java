package io.latte.searcher.xtr;

import io.latte.indexer.vector.VectorKernels;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The fast-scan kernel in use: SIMD when {@link VectorKernels} runs SIMD (the incubator module is
 * present and {@value VectorKernels#FORCE_SCALAR_PROPERTY} is not set), scalar otherwise. Both give
 * bit-identical sums; only the slot order differs ({@link FastScanKernel#tokenOfSlot}).
 */
final class FastScan {
  private static final Logger LOG = System.getLogger(FastScan.class.getName());
  private static final FastScanKernel IMPL = select();

  private FastScan() {}

  static FastScanKernel kernel() {
    return IMPL;
  }

  static FastScanKernel scalar() {
    return new ScalarFastScan();
  }

  private static FastScanKernel select() {
    if (VectorKernels.implementationName().startsWith("panama")) {
      try {
        // Loaded by name so this class links without the incubator module.
        Class<?> c = Class.forName("io.latte.searcher.xtr.PanamaFastScan");
        return (FastScanKernel) c.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        LOG.log(Level.WARNING, "SIMD fast scan unavailable (" + e + "); using the scalar kernel.");
      }
    }
    return new ScalarFastScan();
  }
}
