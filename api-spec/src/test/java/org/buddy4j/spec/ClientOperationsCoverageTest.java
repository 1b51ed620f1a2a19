package org.buddy4j.spec;

import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spec has every operation that Buddy's own clients and other clients written against the live API call
 * ({@code client-operations.txt}, the coverage page's appendix): same method, same path once every parameter is
 * written {@code {}}. The operations beyond those are named, so the total cannot drift unnoticed.
 */
class ClientOperationsCoverageTest {

    /** In the spec but called by no client: documented only, or a second form of a client's path. */
    static final Set<String> BEYOND_THE_CLIENTS = Set.of(
            // docs only
            "POST /workspaces/{}/projects/{}/repository/tags",
            "GET /workspaces/{}/projects/{}/pipelines/{}/executions/{}/action_executions/{}",
            "GET /workspaces/{}/projects/{}/pipelines/{}/executions/{}/action_executions/{}/logs",
            "POST /oauth2/register",
            // the root directory, which the clients reach as contents/ with an empty path
            "GET /workspaces/{}/projects/{}/repository/contents",
            // the plural form of the legacy action route a community CLI calls (the docs show the singular)
            "GET /workspaces/{}/projects/{}/pipelines/{}/executions/{}/actions/{}");

    @Test
    void everyClientOperationIsInTheSpec() {
        Set<String> spec = specOperations();
        List<String> missing = new ArrayList<>();
        for (String operation : clientOperations()) {
            if (!spec.contains(operation)) {
                missing.add(operation);
            }
        }
        assertEquals(List.of(), missing, "operations Buddy's clients call that the spec lacks");
    }

    @Test
    void theSpecHasTheClientOperationsAndTheNamedOthers() {
        Set<String> spec = specOperations();
        Set<String> expected = new TreeSet<>(clientOperations());
        assertEquals(132, expected.size(), "client-operations.txt");
        expected.addAll(BEYOND_THE_CLIENTS);
        assertEquals(expected, spec);
        assertEquals(138, spec.size(), "operations in openapi.yaml: 132 from the clients + 6 named above");
    }

    /** Every operation of the spec as {@code METHOD /path/{}}. */
    static Set<String> specOperations() {
        OpenAPI api = ApiSpec.model();
        Set<String> out = new TreeSet<>();
        api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, op) -> {
            boolean added = out.add(method.name() + " " + template.replaceAll("\\{[^}]+}", "{}"));
            assertTrue(added, () -> "two operations read the same: " + method + " " + template);
        }));
        return out;
    }

    static List<String> clientOperations() {
        try (InputStream in = ClientOperationsCoverageTest.class.getResourceAsStream("/client-operations.txt")) {
            assertTrue(in != null, "no client-operations.txt on the test classpath");
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                out.add(parts[0] + " " + parts[1]);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
