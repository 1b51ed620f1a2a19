package org.buddy4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the spec has emulator logic: none is left to the emulator's 501 ("does not implement …
 * yet"), which stays only as the answer to an operation a newer spec adds before the emulator models it. The
 * gateway still comes first for every operation (authentication, validation of the request).
 */
class UnimplementedOperationsTest extends EmulatorTestBase {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

  @Test
  void everyOperationOfTheSpecHasAHandler() {
    JsonObject spec = YamlJson.parseObject(SpecContract.readResource(SpecContract.SPEC_RESOURCE));
    Set<String> withLogic = withLogic();
    List<String> without = new ArrayList<>();
    JsonObject paths = spec.getJsonObject("paths");
    for (String template : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(template);
      for (String method : item.fieldNames()) {
        if (METHODS.contains(method) && !withLogic.contains(item.getJsonObject(method).getString("operationId"))) {
          without.add(method.toUpperCase() + " " + template);
        }
      }
    }
    assertEquals(List.of(), without, "operations without emulator logic");
  }

  @Test
  void anOperationStillNeedsAToken() {
    ApiClient.Reply reply = api.withToken("FAKE-unknown-token").get("/workspaces/buddy/sandboxes");
    api.withToken(emulator.token());
    assertEquals(401, reply.status, reply::toString);
  }

  @Test
  void anOperationStillValidatesItsBody() {
    ApiClient.Reply reply = api.post("/workspaces/buddy/domains", new JsonObject().put("type", "PRIVATE"));
    assertEquals(400, reply.status, reply::toString);
    assertTrue(reply.errorMessage().contains("name"), reply::toString);
  }

  private static Set<String> withLogic() {
    Vertx vertx = Vertx.vertx();
    try {
      SpecContract contract = SpecContract.load(vertx).await();
      return Set.copyOf(BuddyEmulator.registry(new Emulation(contract, EmulatorOptions.defaults())).operationIds());
    } finally {
      vertx.close().await();
    }
  }
}
