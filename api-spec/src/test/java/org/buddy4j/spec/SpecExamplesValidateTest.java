package org.buddy4j.spec;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every example written in {@code openapi.yaml} (request-body and response {@code examples} and {@code example}s,
 * inline {@code value}s and {@code externalValue} files relative to the module) is accepted by the Atlassian
 * {@code OpenApiInteractionValidator} for the operation, media type and status it is attached to.
 */
class SpecExamplesValidateTest {

    /** Fewer than this many found means the walk below is broken, not that the spec has no examples. */
    private static final int AT_LEAST_REQUEST_EXAMPLES = 20;

    @TestFactory
    Stream<DynamicNode> everyExampleInTheSpecValidates() {
        OpenAPI api = ApiSpec.model();
        List<DynamicNode> operations = new ArrayList<>();
        int[] requestExamples = {0};
        api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((httpMethod, operation) -> {
            String method = httpMethod.name();
            String path = Interactions.concretePath(api, template, item, operation);
            List<DynamicTest> tests = new ArrayList<>();
            RequestBody body = resolve(api, operation.getRequestBody());
            if (body != null) {
                for (NamedExample example : examplesOf(api, body.getContent())) {
                    requestExamples[0]++;
                    tests.add(DynamicTest.dynamicTest("request " + example.name, () ->
                            Interactions.assertValid(Interactions.validateRequest(method, path, example.json.get()),
                                    "request example " + example.name + " of " + operation.getOperationId())));
                }
            }
            operation.getResponses().forEach((status, response) -> {
                ApiResponse resolved = OperationConventionsTest.resolve(api, response);
                for (NamedExample example : examplesOf(api, resolved.getContent())) {
                    tests.add(DynamicTest.dynamicTest("response " + status + " " + example.name, () ->
                            Interactions.assertValid(
                                    Interactions.validateResponse(method, path, Integer.parseInt(status), example.json.get()),
                                    "response " + status + " example " + example.name + " of " + operation.getOperationId())));
                }
            });
            if (!tests.isEmpty()) {
                operations.add(DynamicContainer.dynamicContainer(operation.getOperationId() + " (" + method + " " + template + ")", tests));
            }
        }));
        int found = requestExamples[0];
        operations.add(DynamicTest.dynamicTest("the walk found the spec's request examples", () ->
                assertTrue(found >= AT_LEAST_REQUEST_EXAMPLES, "only " + found + " request examples found")));
        return operations.stream();
    }

    private record NamedExample(String name, Supplier<String> json) {
    }

    /** The JSON examples of a content map: {@code examples} entries (value or externalValue) and {@code example}. */
    private static List<NamedExample> examplesOf(OpenAPI api, Content content) {
        List<NamedExample> result = new ArrayList<>();
        if (content == null) {
            return result;
        }
        MediaType json = content.get("application/json");
        content.keySet().stream().filter(type -> !type.equals("application/json")).forEach(type -> {
            MediaType other = content.get(type);
            assertTrue(other.getExamples() == null && other.getExample() == null,
                    () -> "examples under " + type + " are not checked by this test; add support for that media type");
        });
        if (json == null) {
            return result;
        }
        if (json.getExample() != null) {
            Object value = json.getExample();
            result.add(new NamedExample("example", () -> toJson(value)));
        }
        if (json.getExamples() != null) {
            for (Map.Entry<String, Example> entry : json.getExamples().entrySet()) {
                Example example = resolve(api, entry.getValue());
                String name = entry.getKey();
                if (example.getExternalValue() != null) {
                    String external = example.getExternalValue();
                    result.add(new NamedExample(name + " (" + external + ")", () -> readExternal(external)));
                } else {
                    Object value = example.getValue();
                    result.add(new NamedExample(name, () -> {
                        assertNotNull(value, "example " + name + " has neither value nor externalValue");
                        return toJson(value);
                    }));
                }
            }
        }
        return result;
    }

    private static String readExternal(String externalValue) {
        Path file = ApiSpec.moduleDir().resolve(externalValue).normalize();
        assertTrue(file.startsWith(ApiSpec.moduleDir()), () -> "externalValue leaves the module: " + externalValue);
        assertTrue(Files.isRegularFile(file), () -> "externalValue " + externalValue + " does not exist (looked for " + file + ")");
        return ApiSpec.read(file);
    }

    private static String toJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError("cannot write example as JSON: " + value, e);
        }
    }

    private static RequestBody resolve(OpenAPI api, RequestBody body) {
        if (body == null || body.get$ref() == null) {
            return body;
        }
        String name = body.get$ref().substring(body.get$ref().lastIndexOf('/') + 1);
        return api.getComponents().getRequestBodies().get(name);
    }

    private static Example resolve(OpenAPI api, Example example) {
        if (example.get$ref() == null) {
            return example;
        }
        String name = example.get$ref().substring(example.get$ref().lastIndexOf('/') + 1);
        Example resolved = api.getComponents().getExamples().get(name);
        assertNotNull(resolved, () -> "unresolvable example " + example.get$ref());
        return resolved;
    }
}
