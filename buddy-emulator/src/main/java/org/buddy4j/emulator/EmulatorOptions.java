package org.buddy4j.emulator;

import java.nio.file.Path;

/**
 * How {@link BuddyEmulator#start(EmulatorOptions)} starts the emulated Buddy API. Everything is optional:
 * by default it listens on 127.0.0.1 on a free port with the built-in seed (workspace {@code buddy},
 * project {@code company-website}, pipeline 2 "dev", token {@link BuddyEmulator#DEFAULT_TOKEN}).
 * A value set here overrides the seed's {@code settings}.
 */
public final class EmulatorOptions {
  private String host = "127.0.0.1";
  private int port;
  private Path seedFile;
  private String seedText;
  private Double clockSpeed;
  private Long randomSeed;
  private Integer rateLimit;
  private Integer rateLimitWindowSeconds;
  private Long tokenExpiresIn;
  private String htmlBaseUrl = "https://app.buddy.works";
  private int requestLogCapacity = 10_000;
  private int runHistoryCapacity = 10_000;

  public static EmulatorOptions defaults() {
    return new EmulatorOptions();
  }

  /** Interface to bind; 127.0.0.1 unless set. */
  public EmulatorOptions host(String host) {
    this.host = host;
    return this;
  }

  /** Port to bind; 0 (the default) picks a free one, see {@link BuddyEmulator#port()}. */
  public EmulatorOptions port(int port) {
    this.port = port;
    return this;
  }

  /** A seed file (JSON or YAML) instead of the built-in seed. */
  public EmulatorOptions seedFile(Path seedFile) {
    this.seedFile = seedFile;
    return this;
  }

  /** A seed given as JSON or YAML text instead of the built-in seed. */
  public EmulatorOptions seed(String jsonOrYaml) {
    this.seedText = jsonOrYaml;
    return this;
  }

  /** Simulated seconds per real second; 0 freezes the clock (only {@code POST /__emulator/clock/advance} moves it). */
  public EmulatorOptions clockSpeed(double clockSpeed) {
    this.clockSpeed = clockSpeed;
    return this;
  }

  /** Seed of every random choice (ids, fault rates), for repeatable runs. */
  public EmulatorOptions randomSeed(long randomSeed) {
    this.randomSeed = randomSeed;
    return this;
  }

  /** Requests per token per window, and the window length in seconds. */
  public EmulatorOptions rateLimit(int limit, int windowSeconds) {
    this.rateLimit = limit;
    this.rateLimitWindowSeconds = windowSeconds;
    return this;
  }

  /** Lifetime in simulated seconds of the OAuth access tokens the emulator issues. */
  public EmulatorOptions tokenExpiresIn(long seconds) {
    this.tokenExpiresIn = seconds;
    return this;
  }

  /** Base of the {@code html_url} links (Buddy's web app). */
  public EmulatorOptions htmlBaseUrl(String htmlBaseUrl) {
    this.htmlBaseUrl = htmlBaseUrl;
    return this;
  }

  /** How many requests {@code GET /__emulator/requests} keeps, the newest (default 10,000; 0 keeps none). */
  public EmulatorOptions requestLogCapacity(int requestLogCapacity) {
    if (requestLogCapacity < 0) {
      throw new IllegalArgumentException("requestLogCapacity must be 0 or more, got " + requestLogCapacity);
    }
    this.requestLogCapacity = requestLogCapacity;
    return this;
  }

  /**
   * How many runs each pipeline keeps (default 10,000): past that, starting a run drops the oldest
   * finished ones, which then answer 404 and leave the list. A run still going is never dropped.
   */
  public EmulatorOptions runHistoryCapacity(int runHistoryCapacity) {
    if (runHistoryCapacity < 1) {
      throw new IllegalArgumentException("runHistoryCapacity must be at least 1, got " + runHistoryCapacity);
    }
    this.runHistoryCapacity = runHistoryCapacity;
    return this;
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  Path seedFile() {
    return seedFile;
  }

  String seedText() {
    return seedText;
  }

  Double clockSpeed() {
    return clockSpeed;
  }

  Long randomSeed() {
    return randomSeed;
  }

  Integer rateLimit() {
    return rateLimit;
  }

  Integer rateLimitWindowSeconds() {
    return rateLimitWindowSeconds;
  }

  Long tokenExpiresIn() {
    return tokenExpiresIn;
  }

  String htmlBaseUrl() {
    return htmlBaseUrl;
  }

  int requestLogCapacity() {
    return requestLogCapacity;
  }

  int runHistoryCapacity() {
    return runHistoryCapacity;
  }
}
