package org.buddy4j.core;

import com.ethlo.time.ITU;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;

/**
 * How {@link BuddyJson} reads the {@code OffsetDateTime}s of every Buddy answer ({@code start_date},
 * {@code finish_date}, commit dates…): ethlo's ITU parser first, about 50 ns a date where java.time's ISO
 * formatter takes about 1 µs — 40% of decoding a 100-run page went to those (async-profiler on buddy-bench's
 * {@code ExecutionListDecode}).
 * ITU reads RFC 3339 proper; anything else (no seconds, {@code -00:00}, a bad date, a number) goes to the
 * deserializer the mapper would use without this one, which it wraps: the same values, the same errors.
 * So does every date of a property with its own {@code @JsonFormat} and of a mapper that adjusts dates to
 * its context's time zone.
 */
final class Rfc3339Dates extends StdScalarDeserializer<OffsetDateTime> implements ContextualDeserializer {
  private static final long serialVersionUID = 1L;

  private final JsonDeserializer<OffsetDateTime> standard;

  private Rfc3339Dates(JsonDeserializer<OffsetDateTime> standard) {
    super(OffsetDateTime.class);
    this.standard = standard;
  }

  /** The module: wraps whatever deserializer the other modules give {@code OffsetDateTime}. */
  static SimpleModule module() {
    return new SimpleModule("buddy4j-rfc3339-dates").setDeserializerModifier(new BeanDeserializerModifier() {
      @Override
      @SuppressWarnings("unchecked")
      public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
                                                    JsonDeserializer<?> deserializer) {
        return beanDesc.getBeanClass() == OffsetDateTime.class && !(deserializer instanceof Rfc3339Dates)
            ? new Rfc3339Dates((JsonDeserializer<OffsetDateTime>) deserializer) : deserializer;
      }
    });
  }

  @Override
  @SuppressWarnings("unchecked")
  public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) throws JsonMappingException {
    if (!(standard instanceof ContextualDeserializer contextual)) {
      return this;
    }
    JsonDeserializer<?> forProperty = contextual.createContextual(ctxt, property);
    // A property's own format (a pattern, a time zone) is the standard deserializer's alone to read.
    return forProperty == standard ? this : forProperty;
  }

  @Override
  public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.hasToken(JsonToken.VALUE_STRING) && !ctxt.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
      String text = p.getText();
      // ITU also takes a space for the 'T', which java.time's ISO formatter refuses: not read here.
      if (text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == 't')) {
        try {
          return ITU.parseDateTime(text);
        } catch (DateTimeException notRfc3339) {
          // The standard deserializer decides: it reads more forms, and words the error when none fits.
        }
      }
    }
    return standard.deserialize(p, ctxt);
  }
}
