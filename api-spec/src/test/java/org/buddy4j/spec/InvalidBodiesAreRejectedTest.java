package org.buddy4j.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.buddy4j.spec.Interactions.assertRejected;
import static org.buddy4j.spec.Interactions.assertValid;
import static org.buddy4j.spec.Interactions.validateRequest;
import static org.buddy4j.spec.Interactions.validateResponse;

/**
 * Negative controls: the same validator and spec that accept the docs' examples reject bodies that break them (a wrong
 * enum value, a wrong type, a missing required field), so the example tests can fail. Each mutation starts from a body
 * that is first shown to pass.
 */
class InvalidBodiesAreRejectedTest {

    private static final String RUN = "/workspaces/{workspace}/projects/{project_name}/pipelines/{pipeline_id}/executions";
    private static final String EXECUTION = RUN + "/{execution_id}";
    private static final String TAGS = "/workspaces/{workspace}/projects/{project_name}/repository/tags";

    private static final String ENUM = "validation.request.body.schema.enum";
    private static final String TYPE = "validation.request.body.schema.type";
    private static final String REQUIRED = "validation.request.body.schema.required";

    private static ObjectNode runBody() {
        ObjectNode body = (ObjectNode) ApiSpec.readJson(ApiSpec.examplesDir().resolve("executions-run.request.variables-actions.json"));
        assertValid(validateRequest("POST", runPath(), body.toString()), "the unmutated run body");
        return body;
    }

    private static String runPath() {
        return Interactions.concretePath("POST", RUN);
    }

    private static String executionPath() {
        return Interactions.concretePath("PATCH", EXECUTION);
    }

    @Test
    void runWithAnUnknownPriorityIsRejected() {
        ObjectNode body = runBody().put("priority", "URGENT");
        assertRejected(validateRequest("POST", runPath(), body.toString()), "run with priority URGENT", ENUM);
    }

    @Test
    void runWithAStringClearCacheIsRejected() {
        ObjectNode body = runBody().put("clear_cache", "yes");
        assertRejected(validateRequest("POST", runPath(), body.toString()), "run with clear_cache \"yes\"", TYPE);
    }

    @Test
    void runWithNonNumericActionIdsIsRejected() {
        ObjectNode body = runBody();
        body.putArray("actions_to_run").add("a");
        assertRejected(validateRequest("POST", runPath(), body.toString()), "run with actions_to_run [\"a\"]", TYPE);
    }

    @Test
    void runWithAVariableWithoutKeyIsRejected() {
        ObjectNode body = runBody();
        ((ObjectNode) body.withArray("variables").get(0)).remove("key");
        assertRejected(validateRequest("POST", runPath(), body.toString()), "run with a variable without key", REQUIRED);
    }

    @Test
    void runWithAMalformedDelayIsRejected() {
        ObjectNode body = runBody().put("delay_until", "tomorrow at noon");
        assertRejected(validateRequest("POST", runPath(), body.toString()), "run with delay_until \"tomorrow at noon\"",
                "validation.request.body.schema.format.date-time");
    }

    @Test
    void executionOperationWithoutOperationIsRejected() {
        assertValid(validateRequest("PATCH", executionPath(), "{\"operation\":\"CANCEL\"}"), "the unmutated operation");
        assertRejected(validateRequest("PATCH", executionPath(), "{\"variables\":[]}"), "execution PATCH without operation", REQUIRED);
    }

    @Test
    void executionOperationPauseIsRejected() {
        assertRejected(validateRequest("PATCH", executionPath(), "{\"operation\":\"PAUSE\"}"), "operation PAUSE", ENUM);
    }

    @Test
    void tagWithoutCommitIsRejected() {
        ObjectNode body = (ObjectNode) ApiSpec.readJson(ApiSpec.examplesDir().resolve("tags-create.request.json"));
        String path = Interactions.concretePath("POST", TAGS);
        assertValid(validateRequest("POST", path, body.toString()), "the unmutated tag body");
        body.remove("commit");
        assertRejected(validateRequest("POST", path, body.toString()), "tag create without commit", REQUIRED);
    }

    @Test
    void projectMemberWithAnObjectIdIsRejected() {
        String path = Interactions.concretePath("PATCH", "/workspaces/{workspace}/projects/{project_name}/members/{member_id}");
        assertValid(validateRequest("PATCH", path, "{\"permission_set\":{\"id\":1}}"), "permission_set.id 1");
        assertValid(validateRequest("PATCH", path, "{\"permission_set\":{\"id\":\"1\"}}"), "permission_set.id \"1\"");
        assertRejected(validateRequest("PATCH", path, "{\"permission_set\":{}}"), "permission_set without id", REQUIRED);
    }

    @Test
    void errorResponseWithAStringErrorsIsRejected() {
        assertValid(validateResponse("PATCH", executionPath(), 404, "{\"errors\":[{\"message\":\"Pipeline not found\"}]}"),
                "the unmutated 404 body");
        assertRejected(validateResponse("PATCH", executionPath(), 404, "{\"errors\":\"Pipeline not found\"}"),
                "a 404 whose errors is a string", "validation.response.body.schema.type");
    }

    @Test
    void executionResponseWithANonNumericIdIsRejected() {
        String body = ApiSpec.readJson(ApiSpec.examplesDir().resolve("executions-run.response.json")).toString();
        assertValid(validateResponse("POST", runPath(), 200, body), "the unmutated run response");
        String broken = ((ObjectNode) ApiSpec.readJson(ApiSpec.examplesDir().resolve("executions-run.response.json")))
                .put("id", "three").toString();
        assertRejected(validateResponse("POST", runPath(), 200, broken), "run response with id \"three\"",
                "validation.response.body.schema.type");
    }

    @Test
    void responseWithAnUndeclaredStatusIsRejected() {
        assertRejected(validateResponse("PATCH", executionPath(), 418, "{}"), "a 418 response",
                "validation.response.status.unknown");
    }
}
