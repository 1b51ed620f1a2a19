package org.buddy4j.bench;

import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.buddy4j.core.generated.model.Integration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding the body of {@code POST /workspaces/{workspace}/integrations}, one docs example per
 * authentication style ({@link Payloads#INTEGRATION_EXAMPLES}): AWS access keys, AWS role
 * assumptions, AWS OIDC, a token (GitHub), username and password (Docker Hub) and an API key
 * (Google service account JSON). Every binder writes the same bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class IntegrationCreateEncode {
  @Param({"accessKeys", "roleAssumptions", "oidc", "token", "usernamePassword", "apiKey"})
  public String authStyle;

  private Integration integration;
  private TokenBuffer tokens;

  @Setup
  public void setup() throws IOException {
    integration = Binders.SDK.readValue(Payloads.integrationCreate(authStyle), Integration.class);
    tokens = Binders.tokensOf(Binders.SDK.writeValueAsBytes(integration));
  }

  @Benchmark
  public byte[] sdk() throws IOException {
    return Binders.SDK.writeValueAsBytes(integration);
  }

  @Benchmark
  public byte[] plainMapper() throws IOException {
    return Binders.PLAIN.writeValueAsBytes(integration);
  }

  @Benchmark
  public byte[] blackbird() throws IOException {
    return Binders.BLACKBIRD.writeValueAsBytes(integration);
  }

  @Benchmark
  public byte[] streamingFloor() throws IOException {
    return Binders.writeTokens(tokens);
  }
}
