package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Holds the fault rules of {@code PUT /__emulator/faults} and decides, per API request, the added
 * latency and whether it fails (an error status before anything is applied) or is reset after being
 * applied, or held before being applied. Rates draw from a random seeded with the emulator's seed, reseeded on every PUT, so a test
 * sees the same failures on every run.
 */
final class FaultInjector {
  /** The outcome for one request. */
  static final class Verdict {
    final long latencyMs;
    final Integer status;
    final boolean resetAfterApply;
    /** Simulated milliseconds to hold the request before applying it. */
    final long applyAfterMs;
    final boolean echoBody;

    Verdict(long latencyMs, Integer status, boolean resetAfterApply, long applyAfterMs, boolean echoBody) {
      this.latencyMs = latencyMs;
      this.status = status;
      this.resetAfterApply = resetAfterApply;
      this.applyAfterMs = applyAfterMs;
      this.echoBody = echoBody;
    }
  }

  private final long randomSeed;
  private final List<FaultRule> rules = new ArrayList<>();
  private Random random;

  FaultInjector(long randomSeed) {
    this.randomSeed = randomSeed;
    this.random = new Random(randomSeed);
  }

  /** Replaces all rules; accepts {@code [..]} or {@code {"faults":[..]}}. */
  synchronized void replace(Object body) {
    JsonArray list = body instanceof JsonArray ? (JsonArray) body
      : body instanceof JsonObject ? ((JsonObject) body).getJsonArray("faults") : null;
    if (list == null) {
      throw ApiError.badRequest("Expected a JSON array of fault rules or {\"faults\":[…]}");
    }
    List<FaultRule> parsed = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof JsonObject)) {
        throw ApiError.badRequest("Each fault rule must be a JSON object");
      }
      parsed.add(FaultRule.parse((JsonObject) item));
    }
    rules.clear();
    rules.addAll(parsed);
    random = new Random(randomSeed);
  }

  synchronized void clear() {
    rules.clear();
    random = new Random(randomSeed);
  }

  synchronized JsonArray toJson() {
    JsonArray out = new JsonArray();
    rules.forEach(r -> out.add(r.toJson()));
    return out;
  }

  synchronized Verdict judge(String method, String operationId, String path) {
    long latency = 0;
    Integer status = null;
    boolean reset = false;
    long applyAfter = 0;
    boolean fired = false;
    boolean echo = false;
    for (FaultRule rule : rules) {
      if (!rule.matches(method, operationId, path)) {
        continue;
      }
      latency += rule.latencyMs();
      if (!fired && rule.fires(random)) {
        fired = true;
        status = rule.status();
        reset = rule.resetAfterApply();
        applyAfter = rule.applyAfterMs();
        echo = rule.echoBody();
      }
    }
    return new Verdict(latency, status, reset, applyAfter, echo);
  }
}
