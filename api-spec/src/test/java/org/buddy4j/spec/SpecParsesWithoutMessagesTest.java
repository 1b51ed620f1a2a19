package org.buddy4j.spec;

import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code openapi.yaml} is a valid OpenAPI 3.0.3 document: swagger-parser's {@code OpenAPIV3Parser} reads it with no
 * error and no warning, and both the parser and the Atlassian validator can be built from it.
 */
class SpecParsesWithoutMessagesTest {

    @Test
    void parserReportsNoErrorsOrWarnings() {
        List<String> messages = ApiSpec.parse().getMessages();
        assertTrue(messages == null || messages.isEmpty(),
                () -> "OpenAPIV3Parser reported:\n  " + String.join("\n  ", messages));
    }

    @Test
    void isOpenApi303With138Operations() {
        OpenAPI api = ApiSpec.model();
        assertEquals("3.0.3", api.getOpenapi());
        long operations = api.getPaths().values().stream().mapToLong(p -> p.readOperations().size()).sum();
        // The 132 operations Buddy's clients call and 6 more (ClientOperationsCoverageTest names them).
        assertEquals(138, operations, "operations in openapi.yaml");
    }

    @Test
    void validatorLoadsTheSpec() {
        assertNotNull(ApiSpec.validator());
    }
}
