package org.buddy4j.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.buddy4j.core.Redactor;
import org.buddy4j.core.testing.SpecDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The redaction list is the spec's: every property it marks secret, read here from openapi.yaml itself, is
 * one the redactor masks, and a JSON body's secrets are masked field by field in their object.
 */
class SpecSecretFieldsTest {
  private static final String SENTINEL = "FAKE-SECRET-spec-fields-5e1d";

  @Test
  void everySecretTheSpecMarksIsInTheRedactionList() {
    TreeSet<String> marked = new TreeSet<>();
    SpecDocument.root().path("components").path("schemas").forEach(schema ->
        SpecDocument.eachObject(schema, (where, object) -> {
          Iterator<Map.Entry<String, JsonNode>> props = object.get("properties").fields();
          while (props.hasNext()) {
            Map.Entry<String, JsonNode> p = props.next();
            if (SpecDocument.isSecret(p.getValue())) {
              marked.add(p.getKey());
            }
          }
        }));
    SpecDocument.root().path("x-buddy-integration-catalog").path("secretFields").forEach(f -> marked.add(f.asText()));

    assertTrue(marked.containsAll(List.of("token", "password", "web_identity_token", "encryption_salt", "value")), marked.toString());
    Redactor redactor = Redactor.standard();
    List<String> missing = new ArrayList<>();
    for (String name : marked) {
      if (!redactor.isSecretField(name)) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing, "fields the spec marks secret that the redactor does not know");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "webhook secret_key | {\"target_url\":\"https://x.example\",\"secret_key\":\"S\"}",
      "variable password | {\"key\":\"SSH\",\"type\":\"SSH_KEY\",\"password\":\"S\"}",
      "variable passphrase | {\"key\":\"GPG\",\"type\":\"GPG_KEY\",\"passphrase\":\"S\"}",
      "sandbox tls private_key | {\"terminate_at\":\"REGION\",\"private_key\":\"S\",\"certificate\":\"public\"}",
      "workspace encryption_salt | {\"domain\":\"acme\",\"encryption_salt\":\"S\"}",
      "sso client_secret | {\"type\":\"OIDC\",\"client_id\":\"c\",\"client_secret\":\"S\"}",
      "sso certificate | {\"type\":\"SAML\",\"sso_url\":\"https://idp\",\"certificate\":\"S\"}",
      "oauth client_secret | {\"grant_type\":\"client_credentials\",\"client_secret\":\"S\"}",
      "oidc web_identity_token | {\"provider_id\":\"p\",\"web_identity_token\":\"S\"}",
      "oidc answer token | {\"token\":\"S\"}",
      "oidc answer access_token | {\"access_token\":\"S\"}",
      "oidc answer buddy_token | {\"buddy_token\":\"S\"}",
      "access token value | {\"id\":\"t1\",\"name\":\"ci\",\"token\":\"S\",\"scopes\":[\"WORKSPACE\"]}",
      "target auth key | {\"name\":\"prod\",\"auth\":{\"method\":\"SSH_KEY\",\"username\":\"u\",\"key\":\"S\"}}",
      "integration email | {\"type\":\"CLOUDFLARE\",\"email\":\"S\",\"api_key\":\"S\"}",
      "encrypted variable value | {\"key\":\"DB_PASSWORD\",\"value\":\"S\",\"encrypted\":true}",
      "encrypted run variable | {\"variables\":[{\"key\":\"K\",\"value\":\"S\",\"encrypted\":true}]}",
      "nested in a list | {\"variables\":[{\"id\":1,\"key\":\"K\",\"password\":\"S\"}]}"})
  void aJsonBodyHasItsSecretsMasked(String what, String body) {
    String json = body.replace("\"S\"", "\"" + SENTINEL + "\"");

    String shown = Redactor.standard().redactJson(json);

    assertFalse(shown.contains(SENTINEL), what + ": " + shown);
    assertTrue(shown.contains(Redactor.MASK), what + ": " + shown);
  }

  @ParameterizedTest(name = "{0} stays readable")
  @CsvSource(delimiter = '|', value = {
      "variable key | {\"key\":\"VISIBLE\",\"value\":\"x\",\"encrypted\":false} | VISIBLE",
      "plain variable value | {\"key\":\"K\",\"value\":\"VISIBLE\",\"encrypted\":false} | VISIBLE",
      "run variable key | {\"variables\":[{\"key\":\"VISIBLE\",\"value\":\"x\"}]} | VISIBLE",
      "member email | {\"id\":7,\"email\":\"VISIBLE@example.com\",\"admin\":false} | VISIBLE@example.com",
      "sandbox certificate | {\"terminate_at\":\"AGENT\",\"certificate\":\"VISIBLE\"} | VISIBLE"})
  void aFieldPlainInItsObjectIsNotMasked(String what, String body, String visible) {
    String shown = Redactor.standard().redactJson(body);

    assertTrue(shown.contains(visible), what + ": " + shown);
  }
}
