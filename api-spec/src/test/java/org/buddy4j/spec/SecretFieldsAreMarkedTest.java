package org.buddy4j.spec;

import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Secrets are marked in the spec, so redaction and generated {@code toString} can derive them from it: every
 * property named like a secret, wherever it appears, is {@code format: password}; a {@code value} beside an
 * {@code encrypted} flag is {@code x-buddy-secret-when: encrypted}; and the secrets whose names are ordinary
 * words elsewhere (a target's private {@code key}) are marked too.
 */
class SecretFieldsAreMarkedTest {

    /** Names that hold a secret wherever they appear in a schema. */
    static final Set<String> SECRET_NAMES = Set.of(
            "password", "passphrase", "secret_key", "client_secret", "private_key", "encryption_salt",
            "web_identity_token", "custom_repo_pass", "token", "access_token", "refresh_token", "api_key",
            "access_key", "partner_token", "client_token", "server_token", "application_key", "code_verifier",
            "registration_access_token", "access_key_id", "secret_access_key");

    /** Secrets whose names are ordinary elsewhere: schema and property. */
    static final Map<String, String> SECRET_BY_SCHEMA = Map.of(
            "TargetAuth", "key",
            "SsoUpdateRequest", "certificate",
            "Sso", "certificate");

    @Test
    void everySecretPropertyIsFormatPassword() {
        List<String> unmarked = new ArrayList<>();
        ApiSpec.model().getComponents().getSchemas().forEach((name, schema) -> walk(name, schema, unmarked));
        assertEquals(List.of(), unmarked, "secret properties without format: password");
    }

    @Test
    void theOrdinaryNamedSecretsAreMarked() {
        Map<String, Schema> schemas = ApiSpec.model().getComponents().getSchemas();
        SECRET_BY_SCHEMA.forEach((schema, property) -> {
            Schema<?> p = (Schema<?>) schemas.get(schema).getProperties().get(property);
            assertNotNull(p, schema + "." + property);
            assertEquals("password", p.getFormat(), schema + "." + property + " is a secret");
        });
    }

    @Test
    void aValueBesideAnEncryptedFlagIsSecretWhenEncrypted() {
        List<String> found = new ArrayList<>();
        ApiSpec.model().getComponents().getSchemas().forEach((name, schema) -> {
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null && properties.containsKey("value") && properties.containsKey("encrypted")) {
                Object when = properties.get("value").getExtensions() == null ? null
                        : properties.get("value").getExtensions().get("x-buddy-secret-when");
                assertEquals("encrypted", when, name + ".value");
                found.add(name);
            }
        });
        assertEquals(List.of("PassVariable", "Variable"), found.stream().sorted().toList());
    }

    private static void walk(String where, Schema<?> schema, List<String> unmarked) {
        if (schema == null) {
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((property, p) -> {
                if (SECRET_NAMES.contains(property) && !"password".equals(p.getFormat())) {
                    unmarked.add(where + "." + property);
                }
                walk(where + "." + property, p, unmarked);
            });
        }
        walk(where + "[]", schema.getItems(), unmarked);
    }
}
