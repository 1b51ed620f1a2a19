package org.buddy4j.bench;

import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The decode contenders, measured in the same run on the same bytes: the SDK's mapper (with Blackbird),
 * the Feign decoder buddy-core installs (the whole decode step of a real call), the generated decoder it
 * replaced, the SDK's mapper without Blackbird, a plain mapper, and a token scan (the floor no binder can
 * beat). Subclasses
 * say which payload and model.
 */
public abstract class DecodeBenchmarks extends BinderBenchmarks {
  private byte[] json;
  private Class<?> type;

  /** The response body to decode. */
  protected abstract byte[] payload();

  /** The generated model it decodes into. */
  protected abstract Class<?> type();

  @Setup
  public void setup() {
    json = payload();
    type = type();
  }

  @Benchmark
  public Object sdk() throws IOException {
    return Binders.SDK.readValue(json, type);
  }

  @Benchmark
  public Object sdkFeignDecoder() throws IOException {
    return FeignDecoding.decode(json, type);
  }

  @Benchmark
  public Object generatedFeignDecoder() throws IOException {
    return FeignDecoding.decodeWithGeneratedDecoder(json, type);
  }

  @Benchmark
  public Object plainMapper() throws IOException {
    return Binders.PLAIN.readValue(json, type);
  }

  @Benchmark
  public Object sdkWithoutBlackbird() throws IOException {
    return Binders.SDK_WITHOUT_BLACKBIRD.readValue(json, type);
  }

  @Benchmark
  public int streamingFloor() throws IOException {
    return Binders.scanTokens(json);
  }
}
