package org.buddy4j.bench;

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
 * Decoding the response of {@code POST …/pipelines/{pipeline_id}/executions} (the docs' seed-002 run,
 * {@code executions-run.response.json}, 3.6 KB compact) into the generated {@code Execution}.
 * {@link #sdkFeignDecoder()} is the whole decode step of a real call: the Feign decoder buddy-core
 * installs, reading a response body stream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RunResponseDecode {
  private byte[] json;

  @Setup
  public void setup() {
    json = Payloads.runResponse();
  }

  @Benchmark
  public Execution sdk() throws IOException {
    return Binders.SDK.readValue(json, Execution.class);
  }

  @Benchmark
  public Object sdkFeignDecoder() throws IOException {
    return FeignDecoding.decode(json, Execution.class);
  }

  @Benchmark
  public Object generatedFeignDecoder() throws IOException {
    return FeignDecoding.decodeWithGeneratedDecoder(json, Execution.class);
  }

  @Benchmark
  public Execution plainMapper() throws IOException {
    return Binders.PLAIN.readValue(json, Execution.class);
  }

  @Benchmark
  public Execution blackbird() throws IOException {
    return Binders.BLACKBIRD.readValue(json, Execution.class);
  }

  @Benchmark
  public int streamingFloor() throws IOException {
    return Binders.scanTokens(json);
  }
}
