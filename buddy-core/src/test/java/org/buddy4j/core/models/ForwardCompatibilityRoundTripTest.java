package org.buddy4j.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.IntegrationsClient;
import org.buddy4j.core.PipelineClient;
import org.buddy4j.core.RunOptions;
import org.buddy4j.core.generated.model.ExecutionData;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.generated.model.Priority;
import org.buddy4j.core.testing.ExampleFiles;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a newer Buddy sends (unknown types, fields, enum values, statuses, date precisions) survives a read and re-send. */
class ForwardCompatibilityRoundTripTest {
  /** An integration of a type this library has never heard of, with fields and nested objects it does not declare. */
  private static final String QUANTUM = """
      {
        "url": "https://api.buddy.works/workspaces/ws/integrations/qv1",
        "hash_id": "qv1",
        "name": "Quantum vault",
        "type": "QUANTUM_VAULT",
        "auth_type": "ENTANGLED",
        "scope": "GALAXY",
        "vault_url": "https://vault.example.invalid/v1",
        "shards": 7,
        "ratio": 0.25,
        "big": 9007199254740993,
        "enabled": false,
        "tuning": {"qubits": 64, "modes": ["a", "b"], "nested": {"deep": true, "none": null}},
        "replicas": [{"region": "mars-1", "weight": 2}, {"region": "moon-2", "weight": 1}],
        "permissions": {"admins": "MANAGE", "others": "DENIED", "future_level": "OBSERVE"}
      }
      """;

  @Test
  void unknownIntegrationTypeKeepsItsTypeAndEveryExtraField() throws Exception {
    Integration it = BuddyJson.mapper().readValue(QUANTUM, Integration.class);

    assertEquals("QUANTUM_VAULT", it.getType());
    assertEquals("ENTANGLED", it.getAuthType());
    assertEquals("GALAXY", it.getScope());
    assertEquals("https://vault.example.invalid/v1", it.getAdditionalProperty("vault_url"));
    Map<?, ?> tuning = assertInstanceOf(Map.class, it.getAdditionalProperty("tuning"));
    assertEquals(List.of("a", "b"), tuning.get("modes"));
    assertInstanceOf(List.class, it.getAdditionalProperty("replicas"));
    assertEquals("OBSERVE", it.getPermissions().getAdditionalProperty("future_level"));
    JsonNode reencoded = ExampleFiles.parse(BuddyJson.mapper().writeValueAsString(it));
    // buddy4j never writes nulls (BuddyJson: a PATCH must not wipe fields), nested ones included, so the
    // nested "none": null is the one key that does not come back.
    assertEquals(ExampleFiles.withoutNulls(ExampleFiles.parse(QUANTUM)), reencoded);
  }

  @Test
  void readThenUpdateSendsEveryFieldOfAnUnknownTypeUnchanged() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.enqueue("GET", "/workspaces/ws/integrations/qv1", Answer.json(200, QUANTUM));
      server.enqueue("PATCH", "/workspaces/ws/integrations/qv1", Answer.json(200, QUANTUM));
      server.enqueue("POST", "/workspaces/ws/integrations", Answer.json(201, QUANTUM));
      IntegrationsClient integrations = client(server).workspace("ws").integrations();

      Integration read = integrations.get("qv1");
      Integration updated = integrations.update("qv1", read);
      integrations.create(read);

      JsonNode patched = ExampleFiles.parse(server.requests("PATCH", "/workspaces/ws/integrations/qv1").get(0).body());
      JsonNode expected = ExampleFiles.withoutNulls(ExampleFiles.parse(QUANTUM));
      assertEquals(expected, patched, "PATCH body");
      JsonNode posted = ExampleFiles.parse(server.requests("POST", "/workspaces/ws/integrations").get(0).body());
      assertEquals(expected, posted, "POST body (an unknown type is passed through unchecked)");
      assertEquals(read, updated);
    }
  }

  @Test
  void unknownEnumValueAndUnknownStatusDecodeWithoutFailure() throws Exception {
    String json = """
        {"id": 9, "status": "WAITING_FOR_QUANTUM_DECOHERENCE", "priority": "URGENT", "mode": "TELEPORT",
         "action_executions": [{"status": "SUPERPOSED", "action": {"id": 1, "trigger_time": "ON_FULL_MOON"}}]}
        """;
    ExecutionData e = BuddyJson.mapper().readValue(json, ExecutionData.class);

    assertEquals("URGENT", e.getPriority(), "an unknown priority is kept verbatim");
    assertEquals("URGENT", BuddyJson.mapper().readTree(BuddyJson.mapper().writeValueAsString(e)).get("priority").asText(),
        "and re-sent unchanged");
    assertEquals("WAITING_FOR_QUANTUM_DECOHERENCE", e.getStatus());
    assertEquals("TELEPORT", e.getMode());
    assertEquals("SUPERPOSED", e.getActionExecutions().get(0).getStatus());
    assertEquals("ON_FULL_MOON", e.getActionExecutions().get(0).getAction().getTriggerTime());
  }

  @Test
  void unknownStatusIsKeptVerbatimThroughTheClient() throws Exception {
    String runs = "/workspaces/ws/projects/p/pipelines/2/executions";
    try (LoopbackServer server = new LoopbackServer()) {
      server.enqueue("POST", runs, Answer.json(200, "{\"id\": 4, \"status\": \"QUEUED_ON_MARS\", \"priority\": \"URGENT\"}"));
      PipelineClient pipeline = client(server).workspace("ws").project("p").pipeline(2);

      org.buddy4j.core.Execution run = pipeline.run(RunOptions.defaults());

      assertEquals(4, run.id());
      assertEquals("QUEUED_ON_MARS", run.status());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "2023-01-15T10:30:00Z,           0",
      "2023-01-15T10:30:00.1Z,         100000000",
      "2023-01-15T10:30:00.123Z,       123000000",
      "2023-01-15T10:30:00.123456Z,    123456000",
      "2023-01-15T10:30:00.123456789Z, 123456789",
      "2023-01-15T10:30:00+00:00,      0",
      "2023-01-15T10:30:00.1+00:00,    100000000",
      "2023-01-15T10:30:00.123+00:00,  123000000",
      "2023-01-15T10:30:00.123456+00:00, 123456000",
      "2023-01-15T10:30:00.123456789+00:00, 123456789",
      "2023-01-15T12:30:00.123456789+02:00, 123456789",
  })
  void datesWithAnyFractionAndOffsetParse(String date, int nanos) throws Exception {
    Instant expected = LocalDateTime.of(2023, 1, 15, 10, 30).toInstant(ZoneOffset.UTC).plusNanos(nanos);

    ExecutionData e = BuddyJson.mapper().readValue("{\"id\": 1, \"start_date\": \"" + date + "\"}", ExecutionData.class);

    assertEquals(expected, e.getStartDate().toInstant(), date);
    ExecutionData again = BuddyJson.mapper().readValue(BuddyJson.mapper().writeValueAsString(e), ExecutionData.class);
    assertEquals(expected, again.getStartDate().toInstant(), "re-encoded " + date);
  }

  @Test
  void aDateWrittenByTheMapperIsRfc3339() throws Exception {
    ExecutionData e = new ExecutionData().id(1)
        .startDate(OffsetDateTime.of(2023, 1, 15, 10, 30, 0, 123456789, ZoneOffset.UTC));
    JsonNode json = ExampleFiles.parse(BuddyJson.mapper().writeValueAsString(e));
    assertTrue(json.path("start_date").asText().startsWith("2023-01-15T10:30:00.123456789"), json.toString());
  }

  private static BuddyClient client(LoopbackServer server) {
    return BuddyClient.builder().token("FAKE-token-forward-compat-0000").endpoint(server.url()).build();
  }
}
