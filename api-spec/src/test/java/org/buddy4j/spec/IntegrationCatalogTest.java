package org.buddy4j.spec;

import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code x-buddy-integration-catalog} is well-formed: 53 types (the same set as {@code Integration.type}'s known
 * values); every field, required field, common field and secret field names a property of
 * {@code components.schemas.Integration} (or an alias the type declares); each type has exactly one default auth mode.
 */
class IntegrationCatalogTest {

    private static final IntegrationCatalog CATALOG = IntegrationCatalog.fromSpec();

    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> integrationProperties() {
        Schema<?> integration = ApiSpec.model().getComponents().getSchemas().get("Integration");
        assertNotNull(integration, "no components.schemas.Integration");
        return integration.getProperties();
    }

    @Test
    void has53Types() {
        assertEquals(53, CATALOG.types().size(), () -> "catalog types: " + CATALOG.types().keySet());
    }

    @Test
    void typesAreTheKnownValuesOfIntegrationType() {
        Object known = integrationProperties().get("type").getExtensions().get("x-extensible-enum");
        assertTrue(known instanceof List<?>, "Integration.type has no x-extensible-enum list");
        Set<Object> enumValues = new TreeSet<>((List<?>) known);
        assertEquals(enumValues, new TreeSet<>(CATALOG.types().keySet()));
    }

    @Test
    void commonFieldsAreIntegrationProperties() {
        List<String> unknown = CATALOG.commonFields().stream().filter(f -> !integrationProperties().containsKey(f)).toList();
        assertTrue(unknown.isEmpty(), () -> "commonFields not in Integration: " + unknown);
    }

    @Test
    void returnedFieldsAreIntegrationProperties() {
        Object returned = ((java.util.Map<?, ?>) ApiSpec.model().getExtensions().get("x-buddy-integration-catalog")).get("returnedFields");
        assertTrue(returned instanceof List<?>, "x-buddy-integration-catalog has no returnedFields list");
        List<?> unknown = ((List<?>) returned).stream().filter(f -> !integrationProperties().containsKey(f)).toList();
        assertTrue(unknown.isEmpty(), () -> "returnedFields not in Integration: " + unknown);
    }

    @Test
    void secretFieldsAreWriteOnlyIntegrationProperties() {
        List<String> problems = new ArrayList<>();
        for (String secret : CATALOG.secretFields()) {
            Schema<?> property = integrationProperties().get(secret);
            if (property == null) {
                problems.add(secret + " is not an Integration property");
            } else if (!Boolean.TRUE.equals(property.getWriteOnly())) {
                problems.add(secret + " is not writeOnly in Integration");
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        assertEquals(CATALOG.secretFields().size(), new HashSet<>(CATALOG.secretFields()).size(), "duplicate secretFields");
    }

    @TestFactory
    Stream<DynamicTest> everyTypeIsWellFormed() {
        return CATALOG.types().values().stream().map(entry -> DynamicTest.dynamicTest(entry.type(), () -> check(entry)));
    }

    private static void check(IntegrationCatalog.TypeEntry entry) {
        Set<String> properties = integrationProperties().keySet();
        List<String> problems = new ArrayList<>();
        for (String field : entry.fields()) {
            if (!properties.contains(field) && !entry.aliases().containsKey(field)) {
                problems.add("field " + field + " is not an Integration property or alias");
            }
        }
        if (new LinkedHashSet<>(entry.fields()).size() != entry.fields().size()) {
            problems.add("duplicate fields " + entry.fields());
        }
        entry.aliases().forEach((alias, canonical) -> {
            // An alias may be declared (so generated code masks it as a secret), but only as a
            // deprecated, write-only property: clients must send the canonical name.
            Schema<?> declared = integrationProperties().get(alias);
            if (declared != null && !(Boolean.TRUE.equals(declared.getDeprecated()) && Boolean.TRUE.equals(declared.getWriteOnly()))) {
                problems.add("alias " + alias + " is declared as an Integration property but not as deprecated and writeOnly");
            }
            if (!properties.contains(canonical)) {
                problems.add("alias " + alias + " maps to " + canonical + ", not an Integration property");
            }
            if (!entry.fields().contains(canonical)) {
                problems.add("alias " + alias + " maps to " + canonical + ", not one of the type's fields");
            }
        });
        List<IntegrationCatalog.AuthMode> defaults = entry.defaultModes();
        if (defaults.size() != 1) {
            problems.add(defaults.size() + " auth modes have default: true (exactly one must)");
        }
        Set<String> authTypes = new HashSet<>();
        for (IntegrationCatalog.AuthMode mode : entry.authModes()) {
            if (!authTypes.add(mode.authType())) {
                problems.add("auth mode " + mode.authType() + " appears twice");
            }
            for (String required : mode.required()) {
                String canonical = entry.aliases().getOrDefault(required, required);
                if (!properties.contains(required) && !entry.aliases().containsKey(required)) {
                    problems.add(mode.authType() + " requires " + required + ", not an Integration property or alias");
                } else if (!entry.fields().contains(canonical) && !CATALOG.commonFields().contains(canonical)) {
                    problems.add(mode.authType() + " requires " + required + ", which the type does not take");
                }
            }
        }
        if (!entry.creatable() && entry.authModes().stream().anyMatch(m -> !m.required().isEmpty())) {
            problems.add("creatable: false, but an auth mode requires fields (the catalog's convention is required: [])");
        }
        if (!problems.isEmpty()) {
            fail(entry.type() + ":\n  " + String.join("\n  ", problems));
        }
    }
}
