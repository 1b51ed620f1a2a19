package org.buddy4j.core.integrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.IntegrationsClient;
import org.buddy4j.core.generated.integrations.Integrations;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.testing.ExampleFiles;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The eleven documented integration bodies, built with the typed builders, reach the server exactly as documented. */
class IntegrationExamplesTest {
  private static final String PATH = "/workspaces/ws/integrations";

  /** The docs' Google service-account key JSON (an opaque string value of {@code api_key}), copied verbatim. */
  private static final String GOOGLE_KEY_JSON = "{\n"
      + " \"type\": \"service_account\",\n"
      + " \"project_id\": \"buddy\",\n"
      + " \"private_key_id\": \"97c7fbe597f688c45eb5e4ef0bf7cd6f68959cad\",\n"
      + " \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDweDgPi1cbAabJ\\n/ZT9b3uIUF7CyuZSg2/l6VMy3AcQXw90XNKv6OAq9WEhgmHdTS6eUCCRR5G4HiiY\\nw02pImtl1wWWqt7qBrgZgcvUcQ0CAh0/qUCuGCPFQ/XPbLJ2J/WQRcoEM3PsoEIn\\ndP7uJf22Cm5tCJCElrlQ8OmwzGzS5+O8eXG1AhWAqWVnOVZgpfhnhAxB00XGXZpR\\nvrvTKfKPNjvMQDMBM9yU8xZ4LYO8r3CftfSC+HQRiZXCPw4cjZ6/Ebq7TNFfwjuB\\nDrvgkitbNWYW8CzNRiGDplT+I6h8ea8uE8D4dWocPAC4M3sHb2JPExarzXNnFLmq\\n7JBr7j03AgMBAAECggEAd/y0lGUFsK8RR0al2hOPg0P/FJljdZap9gGHhyAs0ils\\nr7ZFVosPl7/amHrTVDZX5Zy7s2IPvtwli5wgGx3WkvlIi5Z1Jjb2E5wlVbqXMAJY\\nD9TnNjdLWfoAJGDrZ5Om3zdDhvcZh9+rQr7pGXGReA0aboNQgSgoDdA4GvQV9OHS\\nrWDyvcY6xWCy80iJE9jYjK5rPuaFUciJyAOoCXi80pMbmNrabjoTFv0hMDslesyC\\nP5TpppSsswr0ag8m400YakyzFJyzBFIteGX7hUcumNgsP1gevikdnspSX3uNjGFK\\nnwBcV49Hg9He3KjP7wP3mLxz58px56q7gWAtv46CAQKBgQD6p/Iy4BfBKGJ9hUC1\\npTLQ53he9BFB9xqALdLyOyK8UWeJupo6XOAUlqKnd0PJsjkdcoYyJomIlJEk6Jd3\\nUOZmiv5upkqtXtGCby20wkJPK4Lm80RC0akdvRUVjfudAgFNjuWlIPn4gfQ+p/sW\\nyf66G9l87mfWBm9vzn6v9XFENwKBgQD1mK0qcMv7Xn03p8MwCbJDvcYNATZqTEzW\\nGzRZeRV3HSO8PQvJXWun212zmBgw8M7rdLbgn0lDN3S/AIjOyg5qycOFgtYRrU6O\\nmn+iTQTnM2jmbjQwpAl0+gJKSDlKcZAKALs1AtDiLQHKE1qvAOss22MGI6Zv6qA8\\n32oSORBPAQKBgQDOTDnP25ZReN6O9oRKvDt1qnzska4+f5UFGDH9AeTV3536wmU7\\nUcNvzobyk/tr3s6ZSO/gCM27ZqOLIA/BuQjYLt+iZfcid96xnrWchyGyLVqgoGl3\\nIT4yZrQauG/1SnguEEU7wkdaXALdKr5ChF+tZ0x6QXGeuk8vU2H7imP9wwKBgD8N\\nAD/qD2QsQOdd6W1Wv+5GNSc3jXnCtuMsvsbNoCYhVABKh9Eda7r/RVILFQLTf7vR\\nDfYizpM0FIPIpla4ZvUhcVHAYibNoGjZ5bSMI1sbxq2J01o9crQWTyo02ohzGTCI\\nOYeFfoziUxhG2bwd90Jf3E9CLcODr7mQ/dFJ1xcBAoGAMi5qGvMgpi5cjdAZ4pC+\\n3TIJ5ZXjoTBtC9tKwPWw7tREQK9I4VtWDicJ6psfYhGfg4vYbuW80TJ5NLukyp3O\\npylWCauLck/BPS2Q3SSyQ4Fi8fc2upsMqV0Ta3X1XEMBL8+Q5G1kuSwxN4xC+U0u\\n9gKF73devYKj9xkrSEnDF4E=\\n-----END PRIVATE KEY-----\\n\",\n"
      + " \"client_email\": \"buddy@buddy.iam.gserviceaccount.com\",\n"
      + " \"client_id\": \"105237793416275966994\",\n"
      + " \"auth_uri\": \"https://accounts.google.com/o/oauth2/auth\",\n"
      + " \"token_uri\": \"https://oauth2.googleapis.com/token\",\n"
      + " \"auth_provider_x509_cert_url\": \"https://www.googleapis.com/oauth2/v1/certs\",\n"
      + " \"client_x509_cert_url\": \"https://www.googleapis.com/robot/v1/metadata/x509/buddy%40buddy.iam.gserviceaccount.com\"\n"
      + "}\n";

  /** Each documented example, as a user would write it with the typed API. */
  private static final Map<String, Supplier<IntegrationBuilder<?>>> EXAMPLES = new LinkedHashMap<>();

  static {
    EXAMPLES.put("github", () -> Integrations.gitHub()
        .identifier("my-github-integration").name("GitHub Integration")
        .token("ghp_xxxxxxxxxxxxxxxxxxxx").projectScope("my-project").allPipelinesAllowed(true));
    EXAMPLES.put("github-username", () -> Integrations.gitHub()
        .identifier("my_identifier").name("my_name").workspaceScope()
        .username("Buddy").token("12bd78f43e3dcad41afd13f69429a00a0c8a18dcf2"));
    EXAMPLES.put("gitlab", () -> Integrations.gitLab()
        .identifier("my-gitlab-integration").name("GitLab Integration")
        .token("glpat-xxxxxxxxxxxxxxxxxxxx").workspaceScope().allPipelinesAllowed(true));
    // The docs spell these keys access_key_id / secret_access_key; the SDK sends access_key / secret_key.
    EXAMPLES.put("aws-access-keys", () -> Integrations.amazon()
        .identifier("aws-token-integration").name("Amazon Web Services (Token)")
        .accessKey("AKIAIOSFODNN7EXAMPLE").secretKey("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        .projectScope("my-project").allPipelinesAllowed(true));
    EXAMPLES.put("aws-role-assumptions", () -> Integrations.amazon()
        .name("Buddy AWS integration").projectScope("company-website")
        .accessKey("AKIAVASPKE3ZWWV7V5BI").secretKey("Pd7TefPBRjF3CfevJaXdyYMZmiC9V+aSnYLvY+GC")
        .identifier("my_aws_integration")
        .roleAssumption("arn:aws:iam::123457465779:role/TESTS", "ext_id", 9000)
        .allPipelinesAllowed(false)
        .permissions("MANAGE", "DENIED").userAccess(1, "USE_ONLY").groupAccess(1, "USE_ONLY")
        .allowedPipelines(1));
    EXAMPLES.put("aws-oidc", () -> Integrations.amazon()
        .name("Buddy (OIDC)").workspaceScope()
        .roleAssumption("arn:aws:iam::344897465719:role/my-oidc-role", null, 1234)
        .authType("OIDC").audience("tests"));
    EXAMPLES.put("azure", () -> Integrations.azure()
        .identifier("azure-integration").name("Microsoft Azure")
        .tenantId("12345678-1234-1234-1234-123456789012").subscriptionId("87654321-4321-4321-4321-210987654321")
        .appId("app-id-example").password("app-password-example").workspaceScope().allPipelinesAllowed(true));
    EXAMPLES.put("docker-hub", () -> Integrations.dockerHub()
        .identifier("dockerhub-integration").name("Docker Hub")
        .username("my-docker-user").password("docker-hub-token-or-password")
        .projectScope("my-project").allPipelinesAllowed(false).allowedPipelines(123, 456));
    EXAMPLES.put("digital-ocean", () -> Integrations.digitalOcean()
        .identifier("my_digital_ocean").name("digitalocean").workspaceScope()
        .token("dop_v1_e5b1c199475559a23a4c148f5ef7264f4456ceed6fa2a9e19b506ab34ba83740"));
    EXAMPLES.put("google-service-account", () -> Integrations.googleServiceAccount()
        .identifier("qljfpaaipt").name("slskopytko").workspaceScope()
        .apiKey(GOOGLE_KEY_JSON).authType("DEFAULT"));
    EXAMPLES.put("new-relic", () -> Integrations.newRelic()
        .name("buddy").workspaceScope().token("NRAK-F9LDREIBQN0NUI56NJYRB1DHR3Z").region("US"));
  }

  private LoopbackServer server;
  private IntegrationsClient integrations;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    server.always("POST", PATH, Answer.json(201, ExampleFiles.text("integrations-create.response.json")));
    integrations = BuddyClient.builder().token("FAKE-token-examples-0000").endpoint(server.url()).build()
        .workspace("ws").integrations();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> examples() {
    return EXAMPLES.keySet().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void typedBuilderSendsTheDocumentedBody(String variant) {
    JsonNode documented = ExampleFiles.tree("integrations-create.request." + variant + ".json");

    Integration created = integrations.create(EXAMPLES.get(variant).get());

    assertNotNull(created.getHashId(), "the documented response decoded");
    List<LoopbackServer.Recorded> sent = server.requests("POST", PATH);
    assertEquals(1, sent.size());
    assertEquals(canonicalAwsNames(documented), ExampleFiles.parse(sent.get(0).body()), variant);
  }

  @Test
  void everyDocumentedIntegrationExampleHasATypedBuilderHere() {
    TreeSet<String> documented = new TreeSet<>();
    for (String name : ExampleFiles.names()) {
      if (name.startsWith("integrations-create.request.")) {
        documented.add(name.substring("integrations-create.request.".length(), name.length() - ".json".length()));
      }
    }
    assertEquals(11, documented.size(), "the docs show eleven create examples");
    assertEquals(documented, new TreeSet<>(EXAMPLES.keySet()));
  }

  @Test
  void rawIntegrationWithTheDocumentedAliasesIsSentWithTheCanonicalNames() throws Exception {
    String file = "integrations-create.request.aws-access-keys.json";
    Integration raw = BuddyJson.mapper().readValue(ExampleFiles.text(file), Integration.class);
    assertEquals("AKIAIOSFODNN7EXAMPLE", raw.getAccessKeyId(), "the alias is kept as read");

    integrations.create(raw);

    JsonNode sent = ExampleFiles.parse(server.requests("POST", PATH).get(0).body());
    assertFalse(sent.has("access_key_id"), sent.toString());
    assertFalse(sent.has("secret_access_key"), sent.toString());
    assertEquals("AKIAIOSFODNN7EXAMPLE", sent.path("access_key").asText());
    assertEquals("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", sent.path("secret_key").asText());
    assertEquals(canonicalAwsNames(ExampleFiles.tree(file)), sent);
  }

  /** The documented body with the AWS aliases renamed to the names the SDK sends (README, "A note on the AWS access-key field names"). */
  private static JsonNode canonicalAwsNames(JsonNode documented) {
    ObjectNode copy = documented.deepCopy();
    rename(copy, "access_key_id", "access_key");
    rename(copy, "secret_access_key", "secret_key");
    return copy;
  }

  private static void rename(ObjectNode node, String from, String to) {
    JsonNode value = node.remove(from);
    if (value != null) {
      node.set(to, value);
    }
  }
}
