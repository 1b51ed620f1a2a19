package org.buddy4j.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the module's {@code openapi.yaml} and {@code examples/} live, and the spec loaded once: as swagger-parser's
 * model (for structural checks) and as an Atlassian {@link OpenApiInteractionValidator} (for every body check).
 *
 * <p>The module directory comes from the {@code buddy4j.apiSpecDir} system property that the pom sets to
 * {@code ${project.basedir}}; without it (an IDE run from the module) the working directory is used.
 */
final class ApiSpec {

    /** A bearer token no server would accept, so a leaked request can't do harm. */
    static final String FAKE_BEARER = "Bearer FAKE-buddy4j-api-spec-test-token-not-a-secret";

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Path MODULE_DIR = Path.of(System.getProperty("buddy4j.apiSpecDir", ".")).toAbsolutePath().normalize();

    private static SwaggerParseResult parseResult;
    private static OpenApiInteractionValidator validator;

    private ApiSpec() {
    }

    static Path moduleDir() {
        return MODULE_DIR;
    }

    static Path specFile() {
        Path spec = MODULE_DIR.resolve("openapi.yaml");
        assertTrue(Files.isRegularFile(spec), () -> "no openapi.yaml in " + MODULE_DIR);
        return spec;
    }

    static Path examplesDir() {
        return MODULE_DIR.resolve("examples");
    }

    /** Every {@code examples/*.json}, sorted by name. */
    static List<Path> exampleFiles() {
        try (Stream<Path> files = Files.list(examplesDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec parsed with local {@code $ref}s kept (so "this is the Errors schema" stays visible). */
    static synchronized SwaggerParseResult parse() {
        if (parseResult == null) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            parseResult = new OpenAPIV3Parser().readLocation(specFile().toUri().toString(), null, options);
        }
        return parseResult;
    }

    static OpenAPI model() {
        OpenAPI api = parse().getOpenAPI();
        assertTrue(api != null, () -> "openapi.yaml did not parse: " + parse().getMessages());
        return api;
    }

    /**
     * The Atlassian validator over the spec file, with its default levels (every problem is an ERROR).
     *
     * <p>One option differs from the library's defaults: the spec is parsed with {@code resolveFully} off (the
     * validator resolves {@code $ref}s itself). With it on, swagger-parser 2.1.22's full resolver turns a property
     * without {@code type} inside a schema that says {@code additionalProperties: true} into {@code type: object},
     * so {@code IdRef.id}, which the docs show both as {@code 1} and as {@code "1"}, would reject both.
     * {@link InvalidBodiesAreRejectedTest} shows the validator still rejects bad bodies in {@code $ref}'d schemas
     * and responses with this option.
     */
    static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            options.setResolveFully(false);
            validator = OpenApiInteractionValidator.createForSpecificationUrl(specFile().toUri().toString())
                    .withParseOptions(options)
                    .build();
        }
        return validator;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + file, e);
        }
    }
}
