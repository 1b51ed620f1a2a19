package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * What the exactly-once tests share: batch files, reading a journal while a runner writes it, the
 * emulator's executions by marker, and waiting for a condition (the deadline only guards against a hang).
 */
final class OnceHarness {
  /** How many times each exactly-once scenario is repeated ({@code -Dbuddy4j.runner.onceTrials=20} for the report). */
  static final int TRIALS = Integer.getInteger("buddy4j.runner.onceTrials", 3);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private OnceHarness() {}

  /** A JSON-lines batch of {@code keys} on pipeline 2. */
  static Path batch(Path file, List<String> keys) throws IOException {
    return Files.writeString(file, keys.stream()
        .map(k -> "{\"key\":\"" + k + "\",\"pipeline\":2,\"branch\":\"master\"}").collect(Collectors.joining("\n")));
  }

  /** Records of type {@code t} in a journal being written (a torn last line is skipped). */
  static long records(Path journal, String t) {
    try {
      if (!Files.exists(journal)) {
        return 0;
      }
      return Files.readAllLines(journal).stream().filter(l -> l.startsWith("{\"t\":\"" + t + "\"")).count();
    } catch (IOException | UncheckedIOException e) {
      return 0; // being written
    }
  }

  static String batchId(Path journal) throws IOException {
    return TestEmulator.JSON.readTree(Files.readAllLines(journal).get(0)).path("batch").asText();
  }

  /** One execution of pipeline 2 as the emulator lists it. */
  record Run(int id, String comment, String status) {}

  /** Every execution of pipeline 2 carrying {@code marker}, oldest first. */
  static List<Run> runs(TestEmulator buddy, String marker) {
    List<Run> out = new ArrayList<>();
    for (int page = 1; ; page++) {
      try {
        HttpRequest req = HttpRequest.newBuilder(URI.create(buddy.baseUrl()
                + "/workspaces/buddy/projects/company-website/pipelines/2/executions?page=" + page + "&per_page=100"))
            .header("Authorization", "Bearer " + buddy.emulator.token()).build();
        JsonNode items = TestEmulator.JSON.readTree(HTTP.send(req, HttpResponse.BodyHandlers.ofString()).body())
            .path("executions");
        items.forEach(e -> {
          if (e.path("comment").asText("").contains(marker)) {
            out.add(0, new Run(e.path("id").asInt(), e.path("comment").asText(), e.path("status").asText()));
          }
        });
        if (items.size() < 100) {
          return out;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The start-run POSTs of batch {@code batch} in the emulator's request log, in arrival order. */
  static List<JsonNode> posts(TestEmulator buddy, String batch) {
    return buddy.requests().stream().filter(q -> q.path("operationId").asText().equals("runExecution"))
        .filter(q -> q.path("body").path("comment").asText().contains("[buddy4j:" + batch + ":")).toList();
  }

  /** Waits until {@code condition} holds; fails after {@code seconds} (a hang, not a verdict). */
  static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for: " + what);
      Thread.sleep(20);
    }
  }

  static String log(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(no log)";
    } catch (IOException e) {
      return "(unreadable log: " + e + ")";
    }
  }
}
