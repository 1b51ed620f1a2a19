package org.buddy4j.bench;

import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The encode contenders, measured in the same run on one model: the SDK's mapper (with Blackbird), the
 * same without Blackbird, a plain mapper, and a replay of the same token stream (the floor). Subclasses say
 * which model.
 */
public abstract class EncodeBenchmarks extends BinderBenchmarks {
  private Object model;
  private TokenBuffer tokens;

  /** The model to encode, decoded once by the SDK from a docs example. */
  protected abstract Object model() throws IOException;

  @Setup
  public void setup() throws IOException {
    model = model();
    tokens = Binders.tokensOf(Binders.SDK.writeValueAsBytes(model));
  }

  @Benchmark
  public byte[] sdk() throws IOException {
    return Binders.SDK.writeValueAsBytes(model);
  }

  @Benchmark
  public byte[] plainMapper() throws IOException {
    return Binders.PLAIN.writeValueAsBytes(model);
  }

  @Benchmark
  public byte[] sdkWithoutBlackbird() throws IOException {
    return Binders.SDK_WITHOUT_BLACKBIRD.writeValueAsBytes(model);
  }

  @Benchmark
  public byte[] streamingFloor() throws IOException {
    return Binders.writeTokens(tokens);
  }
}
