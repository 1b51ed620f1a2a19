package org.buddy4j.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.buddy4j.core.generated.model.ExecutionList;
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
 * Decoding {@code GET …/pipelines/{pipeline_id}/executions?per_page=100}: a page of 100 runs built
 * from the seed-002 run response ({@link Payloads#executionListPage()}, about 360 KB compact) into the
 * generated {@code ExecutionList}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ExecutionListDecode {
  private byte[] json;

  @Setup
  public void setup() {
    json = Payloads.executionListPage();
  }

  @Benchmark
  public ExecutionList sdk() throws IOException {
    return Binders.SDK.readValue(json, ExecutionList.class);
  }

  @Benchmark
  public Object sdkFeignDecoder() throws IOException {
    return FeignDecoding.decode(json, ExecutionList.class);
  }

  @Benchmark
  public Object generatedFeignDecoder() throws IOException {
    return FeignDecoding.decodeWithGeneratedDecoder(json, ExecutionList.class);
  }

  @Benchmark
  public ExecutionList plainMapper() throws IOException {
    return Binders.PLAIN.readValue(json, ExecutionList.class);
  }

  @Benchmark
  public ExecutionList blackbird() throws IOException {
    return Binders.BLACKBIRD.readValue(json, ExecutionList.class);
  }

  @Benchmark
  public int streamingFloor() throws IOException {
    return Binders.scanTokens(json);
  }
}
