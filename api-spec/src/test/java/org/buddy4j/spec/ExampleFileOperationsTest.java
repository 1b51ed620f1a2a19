package org.buddy4j.spec;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prefix table of {@link ExampleFileOperations} agrees with the spec (each method and path has that
 * {@code operationId} and declares that 2xx status with a JSON body), every entry is used by a file, and a file
 * whose prefix or name shape is unknown fails instead of being skipped.
 */
class ExampleFileOperationsTest {

    @TestFactory
    Stream<DynamicTest> everyTableEntryMatchesTheSpec() {
        return ExampleFileOperations.BY_PREFIX.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    ExampleFileOperations.Target target = e.getValue();
                    PathItem item = ApiSpec.model().getPaths().get(target.pathTemplate());
                    assertNotNull(item, "no path " + target.pathTemplate());
                    Operation operation = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(target.method()));
                    assertNotNull(operation, "no " + target.method() + " " + target.pathTemplate());
                    assertEquals(target.operationId(), operation.getOperationId());
                    ApiResponse response = operation.getResponses().get(String.valueOf(target.successStatus()));
                    assertNotNull(response, target.operationId() + " declares no " + target.successStatus());
                    MediaType json = OperationConventionsTest.resolve(ApiSpec.model(), response).getContent() == null ? null
                            : OperationConventionsTest.resolve(ApiSpec.model(), response).getContent().get("application/json");
                    assertNotNull(json, target.operationId() + " " + target.successStatus() + " has no JSON body");
                }));
    }

    @Test
    void everyTableEntryHasAnExampleFile() {
        Set<String> used = ApiSpec.exampleFiles().stream()
                .map(p -> ExampleFileOperations.parse(p.getFileName().toString()))
                .flatMap(java.util.Optional::stream)
                .map(ExampleFileOperations.ExampleName::prefix)
                .collect(Collectors.toSet());
        Set<String> unused = new TreeSet<>(ExampleFileOperations.BY_PREFIX.keySet());
        unused.removeAll(used);
        assertTrue(unused.isEmpty(), () -> "table entries without an example file: " + unused);
    }

    @Test
    void aFileWithAnUnknownPrefixFails() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ExampleFileOperations.targetOf("pipelines-explode.request.json"));
        assertTrue(error.getMessage().contains("pipelines-explode"), error.getMessage());
    }

    @Test
    void aFileNamedWithoutRequestOrResponseFails() {
        assertThrows(AssertionError.class, () -> ExampleFileOperations.targetOf("executions-run.json"));
        assertThrows(AssertionError.class, () -> ExampleFileOperations.targetOf("executions-run.reply.json"));
    }

    @Test
    void fileNamesAreParsed() {
        assertEquals(new ExampleFileOperations.ExampleName("executions-run", true, "branch.legacy"),
                ExampleFileOperations.parse("executions-run.request.branch.legacy.json").orElseThrow());
        assertEquals(new ExampleFileOperations.ExampleName("tags-create", true, null),
                ExampleFileOperations.parse("tags-create.request.json").orElseThrow());
        assertEquals(new ExampleFileOperations.ExampleName("user-get", false, "legacy"),
                ExampleFileOperations.parse("user-get.response.legacy.json").orElseThrow());
    }
}
