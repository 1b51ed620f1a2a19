package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.buddy4j.core.generated.invoker.RFC3339JavaTimeModule;
import org.buddy4j.core.generated.model.ExecutionData;
import org.junit.jupiter.api.Test;

/**
 * {@link Rfc3339Dates} reads every date as the SDK's mapper did before it (whose reader was JavaTimeModule's
 * {@code InstantDeserializer}, not the generated one): the same value, or the same error.
 */
class Rfc3339DatesTest {
  /** What BuddyJson read dates with before: the same modules (JavaTimeModule's reader wins), dates kept in their offset. */
  private static final ObjectMapper STANDARD = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new RFC3339JavaTimeModule())
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  @Test
  void bothOfTheSdksMappersReadDatesThroughIt() throws Exception {
    for (ObjectMapper mapper : List.of(BuddyJson.mapper(), BuddyJson.create(false))) {
      assertEquals("Rfc3339Dates", deserializerOf(mapper));
    }
    assertEquals("InstantDeserializer", deserializerOf(STANDARD), "the reader it falls back to");
  }

  private static String deserializerOf(ObjectMapper mapper) throws Exception {
    DeserializationContext ctxt = ((DefaultDeserializationContext) mapper.getDeserializationContext())
        .createDummyInstance(mapper.getDeserializationConfig());
    return ctxt.findRootValueDeserializer(mapper.constructType(OffsetDateTime.class)).getClass().getSimpleName();
  }

  @Test
  void everyFormTheStandardReaderReadsOrRefusesComesOutTheSame() {
    List<String> dates = List.of("2016-01-19T12:36:33Z", "2023-03-28T13:46:39.238118Z", "2023-03-28T13:46:39.1+02:00",
        "2023-03-28T13:46:39.123456789-05:30", "2023-03-28t13:46:39z", "2023-03-28 13:46:39Z", "2023-03-28T13:46Z",
        "2023-03-28T13:46:39+0000", "2023-03-28T13:46:39-00:00", "2023-03-28T13:46:60Z", "2023-02-30T13:46:39Z",
        "2023-03-28T24:00:00Z", "2023-03-28T13:46:39.1234567891Z", "+12023-03-28T13:46:39Z", "2023-03-28T13:46:39",
        "2023-03-28", "", " ", "not a date", "2023-03-28T13:46:39.Z", "2016-01-19T12:36:33+14:00", "2016-01-19T12:36:33+18:01");
    for (String date : dates) {
      String json = "{\"start_date\":\"" + date + "\"}";
      assertEquals(read(STANDARD, json), read(BuddyJson.mapper(), json), date);
    }
    assertEquals(read(STANDARD, "{\"start_date\":null}"), read(BuddyJson.mapper(), "{\"start_date\":null}"));
    assertEquals(read(STANDARD, "{\"start_date\":1453207000}"), read(BuddyJson.mapper(), "{\"start_date\":1453207000}"));
  }

  @Test
  void randomDatesInAnyOffsetWith0To9FractionalDigitsComeOutTheSame() {
    Random random = new Random(20261203);
    for (int i = 0; i < 5_000; i++) {
      OffsetDateTime t = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), 0)
          .atOffset(ZoneOffset.ofTotalSeconds((random.nextInt(26 * 4 + 1) - 13 * 4) * 15 * 60));
      int digits = random.nextInt(10);
      String fraction = digits == 0 ? "" : "." + String.format("%09d", random.nextInt(1_000_000_000)).substring(0, digits);
      String offset = t.getOffset().getTotalSeconds() == 0 && random.nextBoolean() ? "Z" : t.getOffset().getId().replace("Z", "+00:00");
      String date = t.toLocalDateTime().withNano(0) + (t.getSecond() == 0 ? ":00" : "") + fraction + offset;
      String json = "{\"start_date\":\"" + date + "\"}";
      assertEquals(read(STANDARD, json), read(BuddyJson.mapper(), json), date);
    }
  }

  @Test
  void aMapperThatAdjustsDatesToItsTimeZoneStillDoes() {
    String json = "{\"start_date\":\"2023-03-28T13:46:39.5+02:00\"}";
    String adjusted = read(STANDARD.copy().enable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE), json);
    assertEquals("2023-03-28T11:46:39.500Z", adjusted);
    assertEquals(adjusted, read(BuddyJson.create(false).enable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE), json));
  }

  /** The date as read (its {@code toString}, offset included), or the error's class and message. */
  private static String read(ObjectMapper mapper, String json) {
    try {
      return String.valueOf(mapper.readValue(json, ExecutionData.class).getStartDate());
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
