package org.buddy4j.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every operation follows the spec's conventions (read from the parsed model): an {@code operationId}, a tag, an
 * {@code x-buddy-scopes} list, the error responses 400/401/403/404/422/429/500/503 with the {@code Errors} body, and
 * the three {@code X-Rate-Limit-*} headers on every response.
 */
class OperationConventionsTest {

    static final List<String> ERROR_STATUSES = List.of("400", "401", "403", "404", "422", "429", "500", "503");
    static final List<String> RATE_LIMIT_HEADERS = List.of("X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Rate-Limit-Reset");
    private static final String ERRORS_REF = "#/components/schemas/Errors";

    @TestFactory
    Stream<DynamicTest> everyOperationFollowsTheConventions() {
        OpenAPI api = ApiSpec.model();
        List<DynamicTest> tests = new ArrayList<>();
        api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) ->
                tests.add(DynamicTest.dynamicTest(method + " " + template, () -> check(api, operation)))));
        return tests.stream();
    }

    @Test
    void operationIdsAreUnique() {
        Set<String> seen = new HashSet<>();
        ApiSpec.model().getPaths().values().forEach(item -> item.readOperations().forEach(op ->
                assertTrue(op.getOperationId() == null || seen.add(op.getOperationId()), "duplicate operationId " + op.getOperationId())));
    }

    private static void check(OpenAPI api, Operation operation) {
        List<String> problems = new ArrayList<>();
        if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
            problems.add("no operationId");
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            problems.add("no tag");
        }
        Object scopes = operation.getExtensions() == null ? null : operation.getExtensions().get("x-buddy-scopes");
        if (!(scopes instanceof List<?> list) || !list.stream().allMatch(s -> s instanceof String)) {
            problems.add("x-buddy-scopes is not a list of strings: " + scopes);
        }
        Map<String, ApiResponse> responses = operation.getResponses();
        assertNotNull(responses, "no responses");
        for (String status : ERROR_STATUSES) {
            ApiResponse response = responses.get(status);
            if (response == null) {
                problems.add("no " + status + " response");
                continue;
            }
            MediaType json = resolve(api, response).getContent() == null ? null : resolve(api, response).getContent().get("application/json");
            if (json == null || json.getSchema() == null || !ERRORS_REF.equals(json.getSchema().get$ref())) {
                problems.add(status + " does not have the application/json Errors body");
            }
        }
        if (responses.keySet().stream().noneMatch(s -> s.startsWith("2"))) {
            problems.add("no 2xx response");
        }
        responses.forEach((status, response) -> {
            Map<String, ?> headers = resolve(api, response).getHeaders();
            for (String header : RATE_LIMIT_HEADERS) {
                if (headers == null || !headers.containsKey(header)) {
                    problems.add(status + " does not declare " + header);
                }
            }
        });
        if (!problems.isEmpty()) {
            fail(operation.getOperationId() + ":\n  " + String.join("\n  ", problems));
        }
    }

    /** The response itself, or the {@code components.responses} entry it refers to. */
    static ApiResponse resolve(OpenAPI api, ApiResponse response) {
        if (response.get$ref() == null) {
            return response;
        }
        String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
        ApiResponse resolved = api.getComponents().getResponses().get(name);
        assertNotNull(resolved, () -> "unresolvable response " + response.get$ref());
        assertEquals(null, resolved.get$ref(), "nested response $ref");
        return resolved;
    }
}
