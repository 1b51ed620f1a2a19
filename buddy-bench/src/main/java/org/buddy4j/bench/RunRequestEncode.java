package org.buddy4j.bench;

import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.buddy4j.core.generated.model.RunExecutionRequest;
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
 * Encoding a run request body ({@code executions-run.request.variables-actions.json}: revision,
 * comment, cache, priority, a plain and an encrypted variable, actions to run) as the Feign encoder
 * does before {@code POST …/pipelines/{pipeline_id}/executions}. Every binder writes the same bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RunRequestEncode {
  private RunExecutionRequest request;
  private TokenBuffer tokens;

  @Setup
  public void setup() throws IOException {
    request = Binders.SDK.readValue(Payloads.runRequest(), RunExecutionRequest.class);
    tokens = Binders.tokensOf(Binders.SDK.writeValueAsBytes(request));
  }

  @Benchmark
  public byte[] sdk() throws IOException {
    return Binders.SDK.writeValueAsBytes(request);
  }

  @Benchmark
  public byte[] plainMapper() throws IOException {
    return Binders.PLAIN.writeValueAsBytes(request);
  }

  @Benchmark
  public byte[] blackbird() throws IOException {
    return Binders.BLACKBIRD.writeValueAsBytes(request);
  }

  @Benchmark
  public byte[] streamingFloor() throws IOException {
    return Binders.writeTokens(tokens);
  }
}
