package org.buddy4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.buddy4j.emulator.BuddyEmulator;
import org.buddy4j.emulator.EmulatorOptions;

/**
 * The emulator a {@link RunnerPacing} measurement runs against, in this JVM on loopback, driven through
 * its admin API: {@code POST /__emulator/reset} between measurements (so its state does not grow from
 * one to the next), {@code PUT /__emulator/rate-limit} to set the limit under test, and
 * {@code GET /__emulator/requests} to count what it was actually sent.
 */
final class PacingEmulator implements AutoCloseable {
  static final String WORKSPACE = "buddy";
  static final String PROJECT = "company-website";
  static final int PIPELINE = 2;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient ADMIN = HttpClient.newHttpClient();

  private final BuddyEmulator emulator;

  /**
   * @param clockSpeed simulated seconds per real second: runs finish in well under a second at 100
   * @param requestLogCapacity at least the requests one measurement sends (every one is counted)
   */
  PacingEmulator(double clockSpeed, int requestLogCapacity) {
    this.emulator = BuddyEmulator.start(EmulatorOptions.defaults().clockSpeed(clockSpeed)
        .requestLogCapacity(requestLogCapacity));
  }

  String baseUrl() {
    return emulator.baseUrl();
  }

  String token() {
    return emulator.token();
  }

  /** What {@code buddy} reads: the user's environment for this emulator. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("BUDDY_TOKEN", token());
    env.put("BUDDY_API_ENDPOINT", baseUrl());
    env.put("BUDDY_WORKSPACE", WORKSPACE);
    env.put("BUDDY_PROJECT", PROJECT);
    return env;
  }

  /** Back to the seed (no runs, empty request log), then {@code limit} requests per {@code windowSeconds}. */
  void resetWithLimit(int limit, int windowSeconds) {
    admin("POST", "/reset", null);
    admin("PUT", "/rate-limit", "{\"limit\":" + limit + ",\"windowSeconds\":" + windowSeconds + "}");
    admin("DELETE", "/requests", null);
  }

  /** Every API request received since the last reset (method, operationId, status, body…). */
  List<JsonNode> requests() {
    List<JsonNode> out = new ArrayList<>();
    admin("GET", "/requests", null).path("requests").forEach(out::add);
    return out;
  }

  private JsonNode admin(String method, String path, String body) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/__emulator" + path))
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
          .build();
      HttpResponse<String> r = ADMIN.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(method + " /__emulator" + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " /__emulator" + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * What the emulator saw of one batch, from its request log: every run-start POST, how many were
   * applied per marker and the 429s, by the outcome the emulator logged. A 429 after the first window
   * is one preceded by more than {@code limit} requests that were let through: the first window
   * (which opens with the first request) lets through at most {@code limit}, and a later window runs
   * out only after letting through {@code limit} of its own. The log is in the order the limiter
   * counted (both happen on the emulator's event loop), so no timestamps are needed. By the same order,
   * {@code letThroughFirstToLastPost} counts the requests let through from the first run POST to the last
   * (starts and, with {@code --wait}, the reads of runs' states in between): the quota the batch used there.
   */
  record Traffic(int requests, int runPosts, int appliedPosts, int rateLimited, int rateLimitedAfterFirstWindow,
                 int runPostsRateLimited, int otherFailures, Map<String, Integer> appliedPerMarker,
                 int letThroughFirstToLastPost) {

    static Traffic of(List<JsonNode> log, int limit) {
      int posts = 0;
      int applied = 0;
      int limited = 0;
      int limitedLater = 0;
      int letThrough = 0;
      int postsLimited = 0;
      int failures = 0;
      int throughBeforeFirstPost = -1; // let through before the first run POST
      int throughToLastPost = 0; // let through up to and with the last run POST
      Map<String, Integer> perMarker = new HashMap<>();
      for (JsonNode r : log) {
        // What the emulator did, not the status it managed to send (a client may have gone away).
        String outcome = r.path("outcome").asText();
        boolean rateLimited = "rate-limited".equals(outcome);
        boolean wasApplied = "applied".equals(outcome);
        boolean post = "runExecution".equals(r.path("operationId").asText());
        if (post && throughBeforeFirstPost < 0) {
          throughBeforeFirstPost = letThrough;
        }
        if (rateLimited) {
          limited++;
          if (letThrough > limit) {
            limitedLater++;
          }
        } else {
          letThrough++;
          if (!wasApplied) {
            failures++;
          }
        }
        if (post) {
          throughToLastPost = letThrough;
          posts++;
          if (rateLimited) {
            postsLimited++;
          }
          if (wasApplied) {
            applied++;
            perMarker.merge(r.path("body").path("comment").asText(), 1, Integer::sum);
          }
        }
      }
      int span = throughToLastPost - Math.max(0, throughBeforeFirstPost);
      return new Traffic(log.size(), posts, applied, limited, limitedLater, postsLimited, failures, perMarker, span);
    }

    /** How many of {@code markers} were started exactly once, and whether anything else was started. */
    int startedExactlyOnce(List<String> markers) {
      int once = 0;
      for (String m : markers) {
        if (appliedPerMarker.getOrDefault(m, 0) == 1) {
          once++;
        }
      }
      return once;
    }

    @Override
    public String toString() {
      return requests + " requests, " + runPosts + " run POSTs (" + appliedPosts + " applied, " + runPostsRateLimited
          + " answered 429), " + rateLimited + " answered 429 in all (" + rateLimitedAfterFirstWindow
          + " after the first window), " + otherFailures + " other failures";
    }
  }

  @Override
  public void close() {
    emulator.close();
  }
}
