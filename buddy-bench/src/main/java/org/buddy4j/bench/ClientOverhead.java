package org.buddy4j.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.Execution;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.generated.model.Priority;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code run} of pipeline 2 ({@code POST /workspaces/buddy/projects/company-website/pipelines/2/executions})
 * through {@link BuddyClient}, against the same call written by hand: a {@code java.net.http.HttpClient}
 * (HTTP/1.1, the configuration buddy-core uses) POSTing the same body, bytes written and read by the
 * same mapper. Both talk to one {@link CannedRunServer} on loopback and send the same headers
 * (Authorization, User-Agent, Content-Type, Accept) and the same body bytes.
 *
 * <p>The JDK server rather than the emulator: the emulator validates every request against the spec,
 * keeps every run it starts (state grows with each call) and runs on Vert.x threads competing for
 * the same two cores, so its cost would be large and drifting and would hide the few microseconds
 * the comparison is about.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
public class ClientOverhead {
  static final String TOKEN = "bench-token-0123456789";

  private CannedRunServer server;
  private BuddyClient buddy;
  private RunOptions options;
  private HttpClient http;
  private URI runUri;
  private RunExecutionRequest body;
  private String userAgent;

  /** The same run as {@code executions-run.request.variables-actions.json}. */
  static RunOptions runOptions() {
    return RunOptions.atRevision("HEAD").comment("hotfix").clearCache(true).priority(Priority.HIGH)
        .variable("version", "1.0").encryptedVariable("pass", "qwerty").actions(1, 2);
  }

  @Setup
  public void setup() {
    server = new CannedRunServer(Payloads.runResponse());
    buddy = BuddyClient.builder().token(TOKEN).endpoint(server.baseUrl()).build();
    options = runOptions();
    http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    runUri = URI.create(server.baseUrl() + "/workspaces/buddy/projects/company-website/pipelines/2/executions");
    body = options.toRequest();
    userAgent = "buddy4j/dev Java/" + Runtime.version().feature();
  }

  @TearDown
  public void tearDown() {
    server.close();
  }

  @Benchmark
  public Execution buddyClient() {
    return buddy.workspace("buddy").project("company-website").pipeline(2).run(options);
  }

  @Benchmark
  public org.buddy4j.core.generated.model.ExecutionData rawHttpClient() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(runUri)
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + TOKEN)
        .header("User-Agent", userAgent)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(BuddyJson.mapper().writeValueAsBytes(body)))
        .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    return BuddyJson.mapper().readValue(response.body(), org.buddy4j.core.generated.model.ExecutionData.class);
  }

  /** For the tests: the server both clients talk to. */
  CannedRunServer server() {
    return server;
  }
}
