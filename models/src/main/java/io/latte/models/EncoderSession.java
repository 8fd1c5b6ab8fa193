package io.latte.models;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One ONNX Runtime session of a token-state model, checked against its {@link ModelSpec} at load.
 *
 * <p>Which inputs to feed is read from the model: BERT exports take {@code input_ids},
 * {@code attention_mask} and {@code token_type_ids}; ColBERT exports often lack the last. Any other
 * input, a missing output, a non-float output or a wrong dimension is an error that says what the
 * model does have.
 */
final class EncoderSession implements AutoCloseable {

  static final String INPUT_IDS = "input_ids";
  static final String ATTENTION_MASK = "attention_mask";
  static final String TOKEN_TYPE_IDS = "token_type_ids";
  private static final Set<String> FEEDABLE = Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS);

  /** States of one batch: flat [batch, seqLen, dim]. */
  record BatchStates(float[] states, int seqLen, int dim) {
    int rowOffset(int row) {
      return row * seqLen * dim;
    }
  }

  private final OrtEnvironment env;
  private final OrtSession session;
  private final String output;
  private final Map<String, OnnxJavaType> inputTypes;
  private final String source;
  /** Declared last dimension of the output, or -1 when the model leaves it dynamic. */
  private final int declaredDim;
  private final int expectedDim;

  /**
   * Creates the session and checks inputs, output name, output type and (when static) dimension.
   *
   * @param threads intra-op threads
   * @param source model description for error messages
   */
  EncoderSession(OrtEnvironment env, byte[] model, ModelSpec spec, int threads, String source) {
    this.env = env;
    this.output = spec.output();
    this.expectedDim = spec.dim();
    this.source = source;
    OrtSession s;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1); // one small graph per run: inter-op parallelism only costs
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      s = env.createSession(model, options);
    } catch (OrtException e) {
      throw new IllegalArgumentException("Cannot load ONNX model " + source + ": " + e.getMessage(), e);
    }
    this.session = s;
    try {
      this.inputTypes = checkInputs(s, source);
      this.declaredDim = checkOutput(s, spec, source);
    } catch (RuntimeException e) {
      closeQuietly(s, e);
      throw e;
    }
  }

  /** Whether the dimension still has to be checked on a first run. */
  boolean dimIsDynamic() {
    return declaredDim < 0;
  }

  /**
   * Runs one batch, padding each input to the longest with id 0 and attention 0.
   *
   * @throws IllegalArgumentException if the output's last dimension differs from the spec's dim
   * @throws IllegalStateException if ONNX Runtime fails
   */
  BatchStates run(List<ModelInput> batch) {
    int b = batch.size();
    int seqLen = 0;
    for (ModelInput in : batch) {
      seqLen = Math.max(seqLen, in.length());
    }
    long[] ids = new long[b * seqLen];
    long[] mask = new long[b * seqLen];
    long[] types = new long[b * seqLen];
    for (int r = 0; r < b; r++) {
      ModelInput in = batch.get(r);
      int base = r * seqLen;
      System.arraycopy(in.ids(), 0, ids, base, in.length());
      System.arraycopy(in.typeIds(), 0, types, base, in.length());
      Arrays.fill(mask, base, base + in.length(), 1L);
    }
    long[] shape = {b, seqLen};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      for (Map.Entry<String, OnnxJavaType> e : inputTypes.entrySet()) {
        long[] values = switch (e.getKey()) {
          case INPUT_IDS -> ids;
          case ATTENTION_MASK -> mask;
          default -> types;
        };
        inputs.put(e.getKey(), tensor(values, shape, e.getValue()));
      }
      try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
        OnnxValue value = result.get(output).orElseThrow(() -> new IllegalStateException(
            "ONNX Runtime returned no output \"" + output + "\" for " + source));
        OnnxTensor tensor = (OnnxTensor) value;
        long[] outShape = tensor.getInfo().getShape();
        if (outShape.length != 3 || outShape[0] != b || outShape[1] != seqLen) {
          throw new IllegalStateException("Output \"" + output + "\" of " + source + " has shape "
              + Arrays.toString(outShape) + ", expected [" + b + ", " + seqLen + ", dim]");
        }
        if (outShape[2] != expectedDim) {
          throw dimMismatch(outShape[2]);
        }
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] states = new float[buffer.remaining()];
        buffer.get(states);
        return new BatchStates(states, seqLen, expectedDim);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on " + source + ": " + e.getMessage(), e);
    } finally {
      for (OnnxTensor t : inputs.values()) {
        t.close();
      }
    }
  }

  private OnnxTensor tensor(long[] values, long[] shape, OnnxJavaType type) throws OrtException {
    if (type == OnnxJavaType.INT32) {
      int[] ints = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        ints[i] = Math.toIntExact(values[i]);
      }
      return OnnxTensor.createTensor(env, IntBuffer.wrap(ints), shape);
    }
    return OnnxTensor.createTensor(env, LongBuffer.wrap(values), shape);
  }

  private IllegalArgumentException dimMismatch(long actual) {
    return new IllegalArgumentException("Model spec for " + source + " says dim " + expectedDim
        + " but output \"" + output + "\" has last dimension " + actual);
  }

  private static Map<String, OnnxJavaType> checkInputs(OrtSession s, String source) {
    Map<String, NodeInfo> info;
    try {
      info = s.getInputInfo();
    } catch (OrtException e) {
      throw new IllegalArgumentException("Cannot read inputs of " + source + ": " + e.getMessage(), e);
    }
    Set<String> names = new TreeSet<>(info.keySet());
    if (!names.contains(INPUT_IDS) || !FEEDABLE.containsAll(names)) {
      throw new IllegalArgumentException("Model " + source + " has inputs " + names
          + "; latte needs " + INPUT_IDS + " and can also feed " + ATTENTION_MASK + " and "
          + TOKEN_TYPE_IDS + ", nothing else");
    }
    Map<String, OnnxJavaType> types = new HashMap<>();
    for (String name : names) {
      ValueInfo v = info.get(name).getInfo();
      OnnxJavaType type = v instanceof TensorInfo t ? t.type : null;
      if (type != OnnxJavaType.INT64 && type != OnnxJavaType.INT32) {
        throw new IllegalArgumentException("Input \"" + name + "\" of " + source + " is " + v
            + "; latte feeds int64 or int32 tensors");
      }
      types.put(name, type);
    }
    return Map.copyOf(types);
  }

  /** Returns the declared last dimension, or -1 if dynamic. */
  private int checkOutput(OrtSession s, ModelSpec spec, String source) {
    Map<String, NodeInfo> info;
    try {
      info = s.getOutputInfo();
    } catch (OrtException e) {
      throw new IllegalArgumentException("Cannot read outputs of " + source + ": " + e.getMessage(), e);
    }
    NodeInfo node = info.get(spec.output());
    if (node == null) {
      throw new IllegalArgumentException("Model " + source + " has no output \"" + spec.output()
          + "\"; its outputs are " + new TreeSet<>(info.keySet())
          + " (set \"output\" in " + ModelSpec.FILE_NAME + ")");
    }
    if (!(node.getInfo() instanceof TensorInfo t) || t.type != OnnxJavaType.FLOAT) {
      throw new IllegalArgumentException("Output \"" + spec.output() + "\" of " + source + " is "
          + node.getInfo() + "; latte needs a float32 tensor [batch, sequence, dim]");
    }
    long[] shape = t.getShape();
    if (shape.length != 3) {
      throw new IllegalArgumentException("Output \"" + spec.output() + "\" of " + source
          + " has shape " + Arrays.toString(shape) + "; latte needs per-token states"
          + " [batch, sequence, dim]");
    }
    if (shape[2] > 0 && shape[2] != spec.dim()) {
      throw dimMismatch(shape[2]);
    }
    return shape[2] > 0 ? (int) shape[2] : -1;
  }

  private static void closeQuietly(OrtSession s, RuntimeException primary) {
    try {
      s.close();
    } catch (OrtException e) {
      primary.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("Cannot close ONNX session of " + source, e);
    }
  }
}
