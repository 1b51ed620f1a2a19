package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROJECT;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.util.Map;
import org.buddy4j.core.generated.api.SandboxesApi;
import org.buddy4j.core.generated.model.Sandbox;
import org.buddy4j.core.generated.model.SandboxList;
import org.buddy4j.core.generated.model.SandboxRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sandboxes: list, create, get, update, delete, start and stop. Their IDs are the provider's, so the
 * provider states hand them over ({@code sandboxId}).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class SandboxConsumerPactTest {
  private static final String SANDBOXES = "/workspaces/" + WS + "/sandboxes";
  /** A sandbox ID as Buddy shows it; the provider injects a real one. */
  private static final String SANDBOX_ID = "sb-contracts-1";
  private static final String SANDBOX_STATUS = "STARTING|RUNNING|STOPPING|STOPPED|RESTORING|FAILED";

  private static SandboxesApi sandboxes(MockServer server) {
    return Contract.client(server).api(SandboxesApi.class);
  }

  private static String sandboxPath(String tail) {
    return SANDBOXES + "/${sandboxId}" + tail;
  }

  private static String examplePath(String tail) {
    return SANDBOXES + "/" + SANDBOX_ID + tail;
  }

  /** A sandbox as every answer shows it. */
  private static void sandbox(LambdaDslObject s, String name, String status) {
    links(s);
    s.stringType("id", SANDBOX_ID);
    s.stringType("identifier", "contracts");
    s.stringType("name", name);
    s.stringMatcher("status", SANDBOX_STATUS, status);
    s.stringType("os", "ubuntu:24.04");
    s.stringType("resources", "2x4");
    s.object("project", p -> {
      links(p);
      p.stringValue("name", PROJECT);
    });
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getSandboxes(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("sandbox contracts exists in project company-website")
            .uponReceiving("getSandboxes: list the sandboxes of project company-website")
            .method("GET").path(SANDBOXES).query("project_name=" + PROJECT))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("sandboxes", 1, s -> sandbox(s, "Contracts", "RUNNING"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getSandboxes")
  void listsSandboxes(MockServer server) {
    SandboxList list = sandboxes(server).getSandboxes(WS, PROJECT);
    assertEquals("contracts", list.getSandboxes().get(0).getIdentifier());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createSandbox(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project company-website exists in workspace buddy")
            .uponReceiving("createSandbox: create sandbox contracts in project company-website")
            .method("POST").path(SANDBOXES).query("project_name=" + PROJECT)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "Contracts");
              b.stringValue("identifier", "contracts");
              b.stringValue("os", "ubuntu:24.04");
              b.stringValue("resources", "2x4");
              b.stringValue("first_boot_commands", "apt-get update");
              b.array("tags", t -> t.stringValue("contracts"));
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(s -> {
          sandbox(s, "Contracts", "STARTING");
          s.stringValue("name", "Contracts");
          s.stringValue("identifier", "contracts");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createSandbox")
  void createsSandbox(MockServer server) {
    Sandbox created = sandboxes(server).createSandbox(WS, PROJECT, new SandboxRequest().name("Contracts")
        .identifier("contracts").os("ubuntu:24.04").resources("2x4").firstBootCommands("apt-get update")
        .addTagsItem("contracts"));
    assertEquals("contracts", created.getIdentifier());
    assertEquals(PROJECT, created.getProject().getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getSandbox(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("sandbox contracts exists in project company-website")
            .uponReceiving("getSandbox: get sandbox contracts")
            .method("GET").pathFromProviderState(sandboxPath(""), examplePath("")))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(s -> sandbox(s, "Contracts", "RUNNING")).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getSandbox")
  void getsSandbox(MockServer server) {
    Sandbox sandbox = sandboxes(server).getSandbox(WS, SANDBOX_ID);
    assertEquals(SANDBOX_ID, sandbox.getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateSandbox(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("sandbox contracts exists in project company-website")
            .uponReceiving("updateSandbox: rename sandbox contracts")
            .method("PATCH").pathFromProviderState(sandboxPath(""), examplePath(""))
            .headers("Content-Type", "application/json")
            .body(LambdaDsl.newJsonBody(b -> b.stringValue("name", "Contracts (renamed)")).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(s -> {
          sandbox(s, "Contracts (renamed)", "RUNNING");
          s.stringValue("name", "Contracts (renamed)");
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateSandbox")
  void renamesSandbox(MockServer server) {
    Sandbox sandbox = sandboxes(server).updateSandbox(WS, SANDBOX_ID, new SandboxRequest().name("Contracts (renamed)"));
    assertEquals("Contracts (renamed)", sandbox.getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteSandbox(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("sandbox contracts exists in project company-website")
            .uponReceiving("deleteSandbox: delete sandbox contracts")
            .method("DELETE").pathFromProviderState(sandboxPath(""), examplePath("")))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteSandbox")
  void deletesSandbox(MockServer server) {
    sandboxes(server).deleteSandbox(WS, SANDBOX_ID);
  }

  /** Buddy's Go SDK posts an empty object to start and to stop. */
  @Pact(consumer = Contract.CONSUMER)
  V4Pact startSandbox(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("sandbox contracts is stopped")
            .uponReceiving("startSandbox: start the stopped sandbox contracts")
            .method("POST").pathFromProviderState(sandboxPath("/start"), examplePath("/start"))
            .headers("Content-Type", "application/json").body("{}"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(s -> sandbox(s, "Contracts", "STARTING")).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "startSandbox")
  void startsSandbox(MockServer server) {
    Sandbox sandbox = sandboxes(server).startSandbox(WS, SANDBOX_ID, Map.of());
    assertEquals("STARTING", sandbox.getStatus());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact stopSandbox(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("sandbox contracts is running")
            .uponReceiving("stopSandbox: stop the running sandbox contracts")
            .method("POST").pathFromProviderState(sandboxPath("/stop"), examplePath("/stop"))
            .headers("Content-Type", "application/json").body("{}"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(s -> sandbox(s, "Contracts", "STOPPING")).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "stopSandbox")
  void stopsSandbox(MockServer server) {
    Sandbox sandbox = sandboxes(server).stopSandbox(WS, SANDBOX_ID, Map.of());
    assertEquals("STOPPING", sandbox.getStatus());
  }
}
