package org.buddy4j.emulator;

import io.vertx.core.Vertx;
import io.vertx.openapi.contract.Operation;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starting, closing and seeding embedded emulators; every spec operation has a handler. */
class EmbeddingTest {

  @Test
  void startsOnAFreePortAndClosesCleanly() throws IOException {
    int port;
    try (BuddyEmulator a = BuddyEmulator.start(EmulatorOptions.defaults());
         BuddyEmulator b = BuddyEmulator.start(EmulatorOptions.defaults())) {
      assertTrue(a.port() > 0 && a.port() != b.port());
      assertEquals("http://127.0.0.1:" + a.port(), a.baseUrl());
      assertEquals(BuddyEmulator.DEFAULT_TOKEN, a.token());
      assertEquals(200, new ApiClient(a).get("/workspaces").status);
      port = a.port();
    }
    try (ServerSocket socket = new ServerSocket(port)) {
      assertEquals(port, socket.getLocalPort(), "the port is free again after close()");
    }
  }

  @Test
  void startsFromAYamlSeedFile(@TempDir Path dir) throws IOException {
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(seed, "settings: {clockSpeed: 0}\ntokens: [yaml-token]\n"
      + "workspaces: [{id: 3, name: Acme, domain: acme, projects: [{name: web, display_name: Web}]}]\n");
    try (BuddyEmulator emulator = BuddyEmulator.start(EmulatorOptions.defaults().seedFile(seed))) {
      assertEquals("yaml-token", emulator.token());
      assertEquals("Web", new ApiClient(emulator).get("/workspaces/acme/projects/web").json().getString("display_name"));
    }
  }

  @Test
  void theCommandLineIsParsedByHand(@TempDir Path dir) throws IOException {
    Path seed = Files.writeString(dir.resolve("s.json"), "{}");
    EmulatorOptions options = Main.parse(new String[] {"--port", "9090", "--seed", seed.toString(), "--clock-speed", "0"});
    assertEquals(9090, options.port());
    assertEquals(seed, options.seedFile());
    assertEquals(0.0, options.clockSpeed());
    assertEquals(8080, Main.parse(new String[0]).port());
    assertEquals(null, Main.parse(new String[] {"--help"}));
    assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port", "http"}));
    assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port"}));
    assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--seed", dir.resolve("none").toString()}));
    assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--verbose"}));
    assertTrue(Main.usage().contains("--port"));
  }

  @Test
  void everySpecOperationIsRoutedAndHasLogic() {
    Vertx vertx = Vertx.vertx();
    try {
      SpecContract spec = SpecContract.load(vertx).await();
      OperationRegistry registry = BuddyEmulator.registry(new Emulation(spec, EmulatorOptions.defaults()));
      List<String> inSpec = new ArrayList<>();
      List<String> withLogic = new ArrayList<>();
      for (var path : spec.contract().getPaths()) {
        for (Operation op : path.getOperations()) {
          inSpec.add(op.getOperationId());
          if (registry.has(op.getOperationId())) {
            withLogic.add(op.getOperationId());
          }
        }
      }
      assertEquals(138, spec.contract().operations().size());
      assertEquals(138, inSpec.size(), "every operation of the spec has a route");
      // Every operation has logic (the generic store answers the resource families; see UnimplementedOperationsTest).
      assertEquals(138, withLogic.size(), () -> "operations with emulator logic: " + withLogic);
      List<String> stale = registry.operationIds().stream().filter(id -> !inSpec.contains(id)).toList();
      assertEquals(List.of(), stale, "handlers for operations the spec does not have");
    } finally {
      vertx.close().await();
    }
  }
}
