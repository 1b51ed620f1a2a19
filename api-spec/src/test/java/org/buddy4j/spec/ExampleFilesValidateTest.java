package org.buddy4j.spec;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every file in {@code api-spec/examples/} is accepted by the Atlassian {@code OpenApiInteractionValidator} for the
 * operation its prefix maps to in {@link ExampleFileOperations}: {@code .request.} files as that operation's request
 * body, {@code .response.} files as its 2xx response. One test per file; a file with an unmapped prefix fails.
 */
class ExampleFilesValidateTest {

    @Test
    void theExamplesDirectoryIsNotEmpty() {
        assertFalse(ApiSpec.exampleFiles().isEmpty(), "no example files in " + ApiSpec.examplesDir());
    }

    @Test
    void theExamplesDirectoryHoldsOnlyJsonFilesAndTheReadme() throws java.io.IOException {
        try (Stream<Path> all = java.nio.file.Files.list(ApiSpec.examplesDir())) {
            List<String> strays = all.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".json") && !n.equals("README.md")).sorted().toList();
            org.junit.jupiter.api.Assertions.assertTrue(strays.isEmpty(), () -> "files this test would not check: " + strays);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleFileValidatesAgainstItsOperation() {
        List<Path> files = ApiSpec.exampleFiles();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> validate(file)));
    }

    private static void validate(Path file) {
        String fileName = file.getFileName().toString();
        ExampleFileOperations.Target target = ExampleFileOperations.targetOf(fileName);
        boolean request = ExampleFileOperations.parse(fileName).orElseThrow().request();
        String path = Interactions.concretePath(target.method(), target.pathTemplate());
        String body = ApiSpec.readJson(file).toString();
        if (request) {
            Interactions.assertValid(Interactions.validateRequest(target.method(), path, body),
                    fileName + " as the request body of " + target.operationId());
        } else {
            Interactions.assertValid(Interactions.validateResponse(target.method(), path, target.successStatus(), body),
                    fileName + " as the " + target.successStatus() + " response of " + target.operationId());
        }
    }
}
