package org.buddy4j.spec;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code examples/integrations-create.request.*.json} satisfies its type's catalog entry: only common fields,
 * the type's fields or its aliases; the required fields of the mode named by {@code auth_type} (else the default
 * mode) present, aliases counted as their canonical names; and {@code type}, {@code name}, {@code scope} (plus
 * {@code project_name} for PROJECT scope) as the create operation requires. Negative controls show the check fails.
 */
class IntegrationExamplesMatchCatalogTest {

    private static final IntegrationCatalog CATALOG = IntegrationCatalog.fromSpec();

    private static List<Path> createExamples() {
        return ApiSpec.exampleFiles().stream()
                .filter(p -> p.getFileName().toString().startsWith("integrations-create.request."))
                .toList();
    }

    @Test
    void theElevenDocsExamplesAreThere() {
        assertEquals(11, createExamples().size(), () -> "integration create examples: " + createExamples());
    }

    @TestFactory
    Stream<DynamicTest> everyCreateExampleSatisfiesItsType() {
        return createExamples().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> {
            JsonNode body = ApiSpec.readJson(file);
            List<String> problems = new ArrayList<>(CATALOG.violations(body));
            for (String field : List.of("type", "name", "scope")) {
                if (!body.hasNonNull(field)) {
                    problems.add("no '" + field + "'");
                }
            }
            if ("PROJECT".equals(body.path("scope").asText()) && !body.hasNonNull("project_name")) {
                problems.add("scope PROJECT without project_name");
            }
            assertTrue(problems.isEmpty(), () -> file.getFileName() + ":\n  " + String.join("\n  ", problems));
        }));
    }

    @Test
    void aliasesCountAsTheirCanonicalFields() {
        assertEquals(List.of(), CATALOG.violations(json(
                "{\"type\":\"AMAZON\",\"name\":\"a\",\"scope\":\"WORKSPACE\",\"access_key_id\":\"x\",\"secret_access_key\":\"y\"}")));
    }

    @Test
    void aMissingRequiredFieldOfTheDefaultModeIsReported() {
        assertViolation("{\"type\":\"GIT_HUB\",\"name\":\"g\",\"scope\":\"WORKSPACE\"}", "requires 'token'");
    }

    @Test
    void aMissingRequiredFieldOfTheNamedModeIsReported() {
        assertViolation("{\"type\":\"AMAZON\",\"name\":\"a\",\"scope\":\"WORKSPACE\",\"auth_type\":\"OIDC\","
                + "\"role_assumptions\":[{\"arn\":\"arn:aws:iam::1:role/r\"}]}", "requires 'audience'");
    }

    @Test
    void aFieldOfAnotherTypeIsReported() {
        assertViolation("{\"type\":\"DOCKER_HUB\",\"name\":\"d\",\"scope\":\"WORKSPACE\",\"username\":\"u\",\"password\":\"p\","
                + "\"shop\":\"s\"}", "does not take field 'shop'");
    }

    @Test
    void anAliasOfAnotherTypeIsReported() {
        assertViolation("{\"type\":\"DO_SPACES\",\"name\":\"d\",\"scope\":\"WORKSPACE\",\"access_key_id\":\"x\",\"secret_key\":\"y\"}",
                "does not take field 'access_key_id'");
    }

    @Test
    void anUnknownAuthTypeIsReported() {
        assertViolation("{\"type\":\"GIT_LAB\",\"name\":\"g\",\"scope\":\"WORKSPACE\",\"auth_type\":\"OIDC\",\"token\":\"t\"}",
                "has no auth mode OIDC");
    }

    @Test
    void anUnknownTypeIsReported() {
        assertViolation("{\"type\":\"NOT_A_SERVICE\",\"name\":\"n\",\"scope\":\"WORKSPACE\"}", "not in the catalog");
    }

    private static void assertViolation(String body, String expected) {
        List<String> violations = CATALOG.violations(json(body));
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                () -> "expected a violation containing \"" + expected + "\", got " + violations);
    }

    private static JsonNode json(String text) {
        try {
            return ApiSpec.JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
