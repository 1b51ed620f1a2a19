package org.buddy4j.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.buddy4j.core.generated.invoker.RFC3339JavaTimeModule;

/**
 * The one Jackson configuration buddy4j reads and writes Buddy's JSON with.
 *
 * <p>Forward compatible: unknown fields and unknown enum values never fail a decode (unknown fields
 * land in each model's additional properties, so a read and re-send loses nothing). Dates are RFC 3339
 * with 0 to 9 fractional digits, read by {@link Rfc3339Dates}. Nulls are not sent: a fresh request model would otherwise send
 * {@code "field": null} for everything and wipe data on a PATCH.
 *
 * <p>Jackson's Blackbird module is on by default: it binds properties through generated accessors
 * instead of reflection, faster on every payload buddy-bench's perf report measures, at a one-off cost
 * of tens of milliseconds the first time each model is bound. A process that binds a few answers once
 * and ends (the {@code buddy} launcher's short commands) switches it off with
 * {@code -Dbuddy4j.json.blackbird=false} (the shared mapper reads it once, when this class is first used).
 */
public final class BuddyJson {
  /** The system property that switches Blackbird off when {@code false}. */
  public static final String BLACKBIRD_PROPERTY = "buddy4j.json.blackbird";

  private static final ObjectMapper MAPPER = create();

  private BuddyJson() {}

  /** The shared, fully configured mapper (thread-safe; configure copies, never this instance). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * A new mapper with buddy4j's settings, for callers who want to add their own modules; with Blackbird
   * unless {@value #BLACKBIRD_PROPERTY} is {@code false}.
   */
  public static ObjectMapper create() {
    return create(!"false".equalsIgnoreCase(System.getProperty(BLACKBIRD_PROPERTY, "true").trim()));
  }

  /** A new mapper with buddy4j's settings, with or without Blackbird's generated accessors. */
  public static ObjectMapper create(boolean blackbird) {
    JsonMapper.Builder builder = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new RFC3339JavaTimeModule())
        .addModule(Rfc3339Dates.module())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    if (blackbird) {
      builder.addModule(Blackbird.module());
    }
    return builder.build();
  }

  /** Its own class, so that verifying {@code BuddyJson} never loads Blackbird for a JVM that leaves it off. */
  private static final class Blackbird {
    static Module module() {
      return new BlackbirdModule();
    }
  }
}
