package org.buddy4j.emulator;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * One fault-injection rule, as sent to {@code PUT /__emulator/faults}:
 * <pre>{"method":"POST","operationId":"runExecution","pathRegex":"…/executions$",
 *  "latencyMs":200,"status":503,"rate":0.5,"times":2,"resetAfterApply":true,"applyAfterMs":30000,"echoBody":false}</pre>
 * A rule matches by method (optional) and operationId or path regex (both optional). When it matches it
 * adds its latency; it "fires" (answers {@code status}, or applies the request and then drops the
 * connection; with {@code echoBody} its error message quotes the request body) with probability {@code rate} (default 1, drawn from the seeded random) and at most
 * {@code times} times (default unlimited). A rule with {@code applyAfterMs} that fires holds the request
 * and applies it only once that many milliseconds of the emulator's simulated clock have passed (a
 * frozen clock holds it until {@code POST /__emulator/clock/advance}), whether or not the client is
 * still waiting: Buddy being slow to apply a POST, deterministically.
 */
final class FaultRule {
  private final String method;
  private final String operationId;
  private final Pattern pathRegex;
  private final long latencyMs;
  private final Integer status;
  private final double rate;
  private final boolean resetAfterApply;
  private final long applyAfterMs;
  private final boolean echoBody;
  private Integer timesLeft;
  private final JsonObject source;

  private FaultRule(JsonObject json) {
    source = json.copy();
    method = json.getString("method") == null ? null : json.getString("method").toUpperCase(Locale.ROOT);
    operationId = json.getString("operationId");
    String regex = json.getString("pathRegex");
    pathRegex = regex == null ? null : Pattern.compile(regex);
    latencyMs = json.getLong("latencyMs", 0L);
    status = json.getInteger("status");
    rate = json.getDouble("rate", 1.0);
    resetAfterApply = json.getBoolean("resetAfterApply", false);
    applyAfterMs = json.getLong("applyAfterMs", 0L);
    echoBody = json.getBoolean("echoBody", false);
    timesLeft = json.getInteger("times");
    if (latencyMs < 0 || rate < 0 || rate > 1 || (timesLeft != null && timesLeft < 0)
      || (status != null && (status < 400 || status > 599))) {
      throw ApiError.badRequest("Fault rule needs latencyMs >= 0, 0 <= rate <= 1, times >= 0, 400 <= status <= 599: " + json.encode());
    }
    if (applyAfterMs < 0 || (applyAfterMs > 0 && status != null)) {
      throw ApiError.badRequest("A fault rule's 'applyAfterMs' must be >= 0, and it delays applying, so it cannot answer 'status': "
        + json.encode());
    }
    if (status != null && resetAfterApply) {
      throw ApiError.badRequest("A fault rule either answers 'status' or sets 'resetAfterApply', not both");
    }
    if (echoBody && status == null) {
      throw ApiError.badRequest("A fault rule with 'echoBody' needs a 'status' to answer with");
    }
  }

  static FaultRule parse(JsonObject json) {
    try {
      return new FaultRule(json);
    } catch (ClassCastException | IllegalArgumentException e) {
      throw ApiError.badRequest("Invalid fault rule " + json.encode() + ": " + e.getMessage());
    }
  }

  boolean matches(String requestMethod, String requestOperationId, String path) {
    if (method != null && !method.equals(requestMethod)) {
      return false;
    }
    if (operationId != null && !operationId.equals(requestOperationId)) {
      return false;
    }
    return pathRegex == null || pathRegex.matcher(path).find();
  }

  long latencyMs() {
    return latencyMs;
  }

  boolean hasEffect() {
    return status != null || resetAfterApply || applyAfterMs > 0;
  }

  Integer status() {
    return status;
  }

  boolean resetAfterApply() {
    return resetAfterApply;
  }

  /** Simulated milliseconds to hold the request before applying it (0: apply at once). */
  long applyAfterMs() {
    return applyAfterMs;
  }

  /** Whether its error message quotes the request body back, as some servers' validation errors do. */
  boolean echoBody() {
    return echoBody;
  }

  /** Decides whether this matching request is hit, consuming one of {@code times}. */
  boolean fires(Random random) {
    if (!hasEffect() || (timesLeft != null && timesLeft == 0)) {
      return false;
    }
    // Draw even when rate is 1, so adding a rule never shifts another rule's random sequence unexpectedly.
    boolean hit = random.nextDouble() < rate;
    if (hit && timesLeft != null) {
      timesLeft--;
    }
    return hit;
  }

  JsonObject toJson() {
    JsonObject out = source.copy();
    if (timesLeft != null) {
      out.put("timesLeft", timesLeft);
    }
    return out;
  }
}
