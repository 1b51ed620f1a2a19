package org.buddy4j.emulator;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * The emulator's own control API under {@code /__emulator/…} (no token, not rate limited, never in the
 * request log; the prefix cannot collide with Buddy's paths): reset, seed, faults, rate limit, clock,
 * retention (the request log's and run history's caps) and the request log. Documented in buddy-emulator/README.md.
 */
final class AdminApi {
  private final Emulation emulation;

  AdminApi(Emulation emulation) {
    this.emulation = emulation;
  }

  void mount(Router router) {
    String p = ApiGateway.ADMIN_PREFIX;
    route(router, HttpMethod.POST, p + "/reset", rc -> {
      // ?initial=true goes back to the seed the emulator started with, undoing POST /__emulator/seed.
      if ("true".equals(rc.request().getParam("initial"))) {
        emulation.resetToInitialSeed();
      } else {
        emulation.reset();
      }
      Replies.json(rc, 200, status());
    });
    route(router, HttpMethod.POST, p + "/seed", rc -> {
      String text = rc.body() == null ? null : rc.body().asString();
      if (text == null || text.isBlank()) {
        throw ApiError.badRequest("Send the seed (JSON or YAML) as the request body");
      }
      JsonObject seed;
      try {
        seed = YamlJson.parseObject(text);
      } catch (RuntimeException e) {
        throw ApiError.badRequest("Cannot parse the seed: " + e.getMessage());
      }
      emulation.loadSeed(seed);
      Replies.json(rc, 200, status());
    });
    route(router, HttpMethod.GET, p + "/faults", rc -> Replies.json(rc, 200, new JsonObject()
      .put("faults", emulation.faults().toJson())));
    route(router, HttpMethod.PUT, p + "/faults", rc -> {
      emulation.faults().replace(json(rc));
      Replies.json(rc, 200, new JsonObject().put("faults", emulation.faults().toJson()));
    });
    route(router, HttpMethod.DELETE, p + "/faults", rc -> {
      emulation.faults().clear();
      Replies.noContent(rc);
    });
    route(router, HttpMethod.GET, p + "/rate-limit", rc -> Replies.json(rc, 200, rateLimit()));
    route(router, HttpMethod.PUT, p + "/rate-limit", rc -> {
      JsonObject body = object(rc);
      RateLimiter limiter = emulation.rateLimiter();
      limiter.configure(body.getInteger("limit", limiter.limit()), body.getInteger("windowSeconds", limiter.windowSeconds()));
      Replies.json(rc, 200, rateLimit());
    });
    route(router, HttpMethod.GET, p + "/clock", rc -> Replies.json(rc, 200, clock()));
    route(router, HttpMethod.PUT, p + "/clock", rc -> {
      Double speed = object(rc).getDouble("speed");
      if (speed == null) {
        throw ApiError.badRequest("Field 'speed' is required");
      }
      emulation.clock().setSpeed(speed);
      Replies.json(rc, 200, clock());
    });
    route(router, HttpMethod.POST, p + "/clock/advance", rc -> {
      Double seconds = object(rc).getDouble("seconds");
      if (seconds == null) {
        throw ApiError.badRequest("Field 'seconds' is required");
      }
      emulation.clock().advance(Duration.ofMillis((long) (seconds * 1000)));
      Replies.json(rc, 200, clock());
    });
    route(router, HttpMethod.GET, p + "/retention", rc -> Replies.json(rc, 200, emulation.retention()));
    route(router, HttpMethod.PUT, p + "/retention", rc -> {
      JsonObject body = object(rc);
      emulation.retention(body.getInteger("requestLog"), body.getInteger("runHistory"));
      Replies.json(rc, 200, emulation.retention());
    });
    route(router, HttpMethod.GET, p + "/requests", rc -> Replies.json(rc, 200, new JsonObject()
      .put("requests", emulation.requestLog.snapshot())));
    route(router, HttpMethod.DELETE, p + "/requests", rc -> {
      emulation.requestLog.clear();
      Replies.noContent(rc);
    });
    router.route(p + "/*").handler(rc -> Replies.error(rc, 404, "Unknown admin endpoint: " + rc.request().method()
      + " " + rc.request().path()));
  }

  private JsonObject status() {
    return new JsonObject().put("token", emulation.token()).put("clock", clock()).put("rateLimit", rateLimit());
  }

  private JsonObject clock() {
    return new JsonObject().put("now", emulation.clock().now().toString()).put("speed", emulation.clock().speed());
  }

  private JsonObject rateLimit() {
    return new JsonObject().put("limit", emulation.rateLimiter().limit())
      .put("windowSeconds", emulation.rateLimiter().windowSeconds());
  }

  private static void route(Router router, HttpMethod method, String path, Handler<RoutingContext> handler) {
    router.route(method, path).handler(rc -> {
      try {
        handler.handle(rc);
      } catch (ApiError e) {
        Replies.error(rc, e.status(), e.getMessage());
      } catch (ClassCastException e) {
        Replies.error(rc, 400, "Wrong JSON type in the request body: " + e.getMessage());
      }
    });
  }

  private static Object json(RoutingContext rc) {
    try {
      return rc.body() == null || rc.body().length() == 0 ? null : Json.decodeValue(rc.body().buffer());
    } catch (DecodeException e) {
      throw ApiError.badRequest("The body is not JSON: " + e.getMessage());
    }
  }

  private static JsonObject object(RoutingContext rc) {
    Object value = json(rc);
    if (!(value instanceof JsonObject)) {
      throw ApiError.badRequest("Expected a JSON object body");
    }
    return (JsonObject) value;
  }
}
