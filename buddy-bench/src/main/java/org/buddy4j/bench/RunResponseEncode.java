package org.buddy4j.bench;

import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.buddy4j.core.generated.model.Execution;
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
 * Encoding the seed-002 run ({@code executions-run.response.json}, decoded once by the SDK) back to
 * JSON. Every binder writes the same bytes; {@link #streamingFloor()} replays their token stream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RunResponseEncode {
  private Execution run;
  private TokenBuffer tokens;

  @Setup
  public void setup() throws IOException {
    run = Binders.SDK.readValue(Payloads.runResponse(), Execution.class);
    tokens = Binders.tokensOf(Binders.SDK.writeValueAsBytes(run));
  }

  @Benchmark
  public byte[] sdk() throws IOException {
    return Binders.SDK.writeValueAsBytes(run);
  }

  @Benchmark
  public byte[] plainMapper() throws IOException {
    return Binders.PLAIN.writeValueAsBytes(run);
  }

  @Benchmark
  public byte[] blackbird() throws IOException {
    return Binders.BLACKBIRD.writeValueAsBytes(run);
  }

  @Benchmark
  public byte[] streamingFloor() throws IOException {
    return Binders.writeTokens(tokens);
  }
}
