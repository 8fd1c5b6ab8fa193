package io.latte.indexer.vector;

/** Run in a child JVM by {@link VectorKernelsFallbackTest}: prints the chosen kernels and a score. */
public final class PrintKernels {

  private PrintKernels() {}

  public static void main(String[] args) {
    float[] q = {1, 2, 3, 4, 5, 6, 7};
    float[] d = {7, 6, 5, 4, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1};
    System.out.println(VectorKernels.implementationName() + " " + VectorKernels.maxSim(q, 1, d, 2, 7));
  }
}
