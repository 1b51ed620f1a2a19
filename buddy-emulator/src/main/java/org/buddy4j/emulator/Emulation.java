package org.buddy4j.emulator;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;

/**
 * What every handler shares: the spec and its integration catalog, the current state built from the
 * loaded seed, and the knobs the admin API turns (clock, rate limit, faults, request log, retention).
 * {@link #reset()} and {@link #loadSeed(JsonObject)} rebuild the state in place.
 */
final class Emulation {
  static final String DEFAULT_SEED = "buddy4j/emulator/default-seed.json";

  final SpecContract spec;
  final IntegrationCatalog catalog;
  final ResourceCatalog resources;
  final SecretRedactor redactor;
  final Links links;
  final RequestLog requestLog;
  private final EmulatorOptions options;
  private final JsonObject initialSeed;
  private JsonObject seed;
  private EmulatorState state;
  private RateLimiter rateLimiter;
  private FaultInjector faults;

  Emulation(SpecContract spec, EmulatorOptions options) {
    this.spec = spec;
    this.options = options;
    this.catalog = new IntegrationCatalog(spec.raw());
    this.resources = new ResourceCatalog(spec.raw());
    java.util.Set<String> secrets = new java.util.TreeSet<>(SecretMask.secretPropertyNames(spec.raw()));
    catalog.secretFieldsWithAliases().forEach(secrets::add);
    this.redactor = new SecretRedactor(secrets);
    this.links = new Links(options.htmlBaseUrl());
    this.requestLog = new RequestLog(options.requestLogCapacity(), redactor);
    this.initialSeed = initialSeed(options);
    loadSeed(initialSeed);
  }

  /** Back to the seed the emulator started with, which becomes the loaded seed again. */
  void resetToInitialSeed() {
    loadSeed(initialSeed);
  }

  EmulatorState state() {
    return state;
  }

  RateLimiter rateLimiter() {
    return rateLimiter;
  }

  FaultInjector faults() {
    return faults;
  }

  SimulatedClock clock() {
    return state.clock;
  }

  /** The first accepted static token of the loaded seed. */
  String token() {
    return state.staticTokens.isEmpty() ? null : state.staticTokens.iterator().next();
  }

  /** Back to the loaded seed: state, clock, rate-limit counters, faults and the request log. */
  void reset() {
    loadSeed(seed);
  }

  /** Makes {@code newSeed} the loaded seed and rebuilds everything from it. */
  void loadSeed(JsonObject newSeed) {
    JsonObject settings = newSeed.getJsonObject("settings", new JsonObject());
    double speed = options.clockSpeed() != null ? options.clockSpeed() : settings.getDouble("clockSpeed", 1.0);
    long randomSeed = options.randomSeed() != null ? options.randomSeed() : settings.getLong("randomSeed", 42L);
    long expiresIn = options.tokenExpiresIn() != null ? options.tokenExpiresIn()
      : settings.getLong("tokenExpiresIn", 3600L);
    JsonObject rl = settings.getJsonObject("rateLimit", new JsonObject());
    int limit = options.rateLimit() != null ? options.rateLimit() : rl.getInteger("limit", 1000);
    int window = options.rateLimitWindowSeconds() != null ? options.rateLimitWindowSeconds()
      : rl.getInteger("windowSeconds", 60);
    SimulatedClock clock = new SimulatedClock(Instant.now(), speed);
    EmulatorState built;
    try {
      built = SeedLoader.build(newSeed, clock, randomSeed, expiresIn, options.runHistoryCapacity(), resources);
    } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
      throw ApiError.badRequest("Invalid seed: " + e);
    }
    seed = newSeed.copy();
    state = built;
    rateLimiter = new RateLimiter(limit, window);
    faults = new FaultInjector(randomSeed);
    requestLog.clear();
    requestLog.capacity(options.requestLogCapacity());
  }

  /** The caps that keep memory bounded: {@code {"requestLog": n, "runHistory": n}}. */
  JsonObject retention() {
    return new JsonObject().put("requestLog", requestLog.capacity()).put("runHistory", state.runHistory);
  }

  /** Changes the caps (until the next reset); a smaller cap applies at once to the log, at the next run to a pipeline. */
  void retention(Integer requestLogCapacity, Integer runHistory) {
    if (runHistory != null && runHistory < 1) {
      throw ApiError.badRequest("Field 'runHistory' must be at least 1");
    }
    if (requestLogCapacity != null) {
      requestLog.capacity(requestLogCapacity);
    }
    if (runHistory != null) {
      state.runHistory = runHistory;
    }
  }

  private static JsonObject initialSeed(EmulatorOptions options) {
    if (options.seedText() != null) {
      return YamlJson.parseObject(options.seedText());
    }
    if (options.seedFile() != null) {
      try {
        return YamlJson.parseObject(Files.readString(options.seedFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read seed file " + options.seedFile(), e);
      }
    }
    return YamlJson.parseObject(SpecContract.readResource(DEFAULT_SEED));
  }
}
