package org.buddy4j.bench;

import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The encode contenders, measured in the same run on one model: the SDK's mapper, a plain mapper,
 * Blackbird, and a replay of the same token stream (the floor). Subclasses say which model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public abstract class EncodeBenchmarks {
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
  public byte[] blackbird() throws IOException {
    return Binders.BLACKBIRD.writeValueAsBytes(model);
  }

  @Benchmark
  public byte[] streamingFloor() throws IOException {
    return Binders.writeTokens(tokens);
  }
}
