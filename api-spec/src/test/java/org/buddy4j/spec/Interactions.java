package org.buddy4j.spec;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Builds the requests and responses the tests hand to the Atlassian validator, and asserts on its reports.
 * Nothing here judges a body itself: every verdict comes from {@code OpenApiInteractionValidator}.
 */
final class Interactions {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private Interactions() {
    }

    /** A JSON request to the concrete path, with a fake bearer token. */
    static Request jsonRequest(String method, String concretePath, String body) {
        return new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), concretePath)
                .withContentType("application/json")
                .withAccept("application/json")
                .withAuthorization(ApiSpec.FAKE_BEARER)
                .withBody(body)
                .build();
    }

    /** A JSON response with the rate-limit headers every Buddy response carries. */
    static SimpleResponse jsonResponse(int status, String body) {
        return SimpleResponse.Builder.status(status)
                .withContentType("application/json")
                .withHeader("X-Rate-Limit-Limit", "100")
                .withHeader("X-Rate-Limit-Remaining", "99")
                .withHeader("X-Rate-Limit-Reset", "1795000000")
                .withBody(body)
                .build();
    }

    static Request.Method method(String method) {
        return Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
    }

    static ValidationReport validateRequest(String method, String concretePath, String body) {
        return ApiSpec.validator().validateRequest(jsonRequest(method, concretePath, body));
    }

    static ValidationReport validateResponse(String method, String concretePath, int status, String body) {
        return ApiSpec.validator().validateResponse(concretePath, method(method), jsonResponse(status, body));
    }

    /** Fails, printing every message of the report, unless the validator found nothing at all. */
    static void assertValid(ValidationReport report, String what) {
        if (!report.getMessages().isEmpty()) {
            fail(what + " was not accepted by the OpenAPI validator:\n" + describe(report));
        }
    }

    /** Fails unless the validator reports an error with one of the given keys (the messages are printed). */
    static void assertRejected(ValidationReport report, String what, String expectedKey) {
        assertTrue(report.hasErrors(), () -> what + " should have been rejected, but the validator said:\n" + describe(report));
        List<String> keys = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .flatMap(m -> keysOf(m).stream())
                .toList();
        assertTrue(keys.contains(expectedKey),
                () -> what + " was rejected, but not with " + expectedKey + ":\n" + describe(report));
    }

    private static List<String> keysOf(ValidationReport.Message message) {
        List<String> keys = new ArrayList<>();
        keys.add(message.getKey());
        message.getNestedMessages().forEach(nested -> keys.addAll(keysOf(nested)));
        return keys;
    }

    static String describe(ValidationReport report) {
        if (report.getMessages().isEmpty()) {
            return "  (no messages)";
        }
        return report.getMessages().stream()
                .map(m -> "  [" + m.getLevel() + "] " + m.getKey() + ": " + m.getMessage()
                        + (m.getAdditionalInfo().isEmpty() ? "" : " " + m.getAdditionalInfo()))
                .collect(Collectors.joining("\n"));
    }

    /**
     * The path template with every {@code {param}} replaced by a made-up value that fits the parameter's schema
     * (path-level and operation-level parameters, {@code $ref}s resolved).
     */
    static String concretePath(OpenAPI api, String template, PathItem pathItem, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (pathItem.getParameters() != null) {
            parameters.addAll(pathItem.getParameters());
        }
        if (operation != null && operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        Matcher matcher = TEMPLATE_VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Parameter parameter = parameters.stream()
                    .map(p -> resolve(api, p))
                    .filter(p -> "path".equals(p.getIn()) && name.equals(p.getName()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(template + " declares no path parameter " + name));
            matcher.appendReplacement(path, Matcher.quoteReplacement(sampleValue(name, parameter.getSchema())));
        }
        matcher.appendTail(path);
        assertFalse(path.toString().contains("{"), () -> "unreplaced template variable in " + path);
        return path.toString();
    }

    /** The concrete path for a template, looked up in the spec (the operation's own parameters included). */
    static String concretePath(String method, String template) {
        OpenAPI api = ApiSpec.model();
        PathItem item = api.getPaths().get(template);
        assertNotNull(item, () -> "the spec has no path " + template);
        Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
        assertNotNull(operation, () -> "the spec has no " + method + " " + template);
        return concretePath(api, template, item, operation);
    }

    static Parameter resolve(OpenAPI api, Parameter parameter) {
        if (parameter.get$ref() == null) {
            return parameter;
        }
        String name = parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1);
        Parameter resolved = api.getComponents().getParameters().get(name);
        assertNotNull(resolved, () -> "unresolvable parameter " + parameter.get$ref());
        return resolved;
    }

    private static String sampleValue(String name, Schema<?> schema) {
        assertNotNull(schema, () -> "path parameter " + name + " has no schema");
        String type = schema.getType();
        String value;
        if ("integer".equals(type)) {
            value = "2";
        } else if ("number".equals(type)) {
            value = "2.5";
        } else if ("string".equals(type) || type == null) {
            value = name.endsWith("_id") ? "5ddb7c180fb38be67bd78a88a" : "company-website";
        } else {
            throw new AssertionError("no sample value for path parameter " + name + " of type " + type);
        }
        if (schema.getPattern() != null) {
            String sample = value;
            assertTrue(Pattern.compile(schema.getPattern()).matcher(sample).find(),
                    () -> "sample " + sample + " does not match the pattern of path parameter " + name);
        }
        return value;
    }
}
