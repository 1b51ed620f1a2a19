package org.buddy4j.spec;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * The explicit table from an example file's prefix ({@code <operation>.<request|response>.<variant>.json}) to the
 * operation it documents: method, path template, {@code operationId} and the 2xx status its response file shows.
 * A file whose prefix is not here has no operation, and its test fails.
 */
final class ExampleFileOperations {

    /** One documented operation; {@code successStatus} is the 2xx the spec declares for its response body. */
    record Target(String method, String pathTemplate, String operationId, int successStatus) {
    }

    /** A parsed example file name. */
    record ExampleName(String prefix, boolean request, String variant) {
    }

    private static final String WS = "/workspaces/{workspace}";
    private static final String PROJECT = WS + "/projects/{project_name}";
    private static final String PIPELINE = PROJECT + "/pipelines/{pipeline_id}";

    static final Map<String, Target> BY_PREFIX = Map.ofEntries(
            entry("actions-get", new Target("GET", PIPELINE + "/actions/{action_id}", "getPipelineAction", 200)),
            entry("executions-operation", new Target("PATCH", PIPELINE + "/executions/{execution_id}", "updateExecution", 200)),
            // The run docs show 200 OK (201 is accepted too).
            entry("executions-run", new Target("POST", PIPELINE + "/executions", "runExecution", 200)),
            entry("integrations-create", new Target("POST", WS + "/integrations", "createIntegration", 201)),
            entry("members-add", new Target("POST", WS + "/members", "addWorkspaceMember", 201)),
            entry("members-list", new Target("GET", WS + "/members", "getWorkspaceMembers", 200)),
            entry("members-projects", new Target("GET", WS + "/members/{member_id}/projects", "getMemberProjects", 200)),
            entry("members-update", new Target("PATCH", WS + "/members/{member_id}", "updateWorkspaceMember", 200)),
            entry("oauth-register", new Target("POST", "/oauth2/register", "registerOAuthClient", 201)),
            entry("oauth-token", new Target("POST", "/oauth2/token", "requestOAuthToken", 200)),
            entry("permissions-create", new Target("POST", WS + "/permissions", "createPermissionSet", 201)),
            // The clear-cache page shows 201.
            entry("pipelines-clear-cache", new Target("PATCH", PIPELINE, "updatePipeline", 201)),
            entry("pipelines-create", new Target("POST", PROJECT + "/pipelines", "createPipeline", 201)),
            entry("project-members-add", new Target("POST", PROJECT + "/members", "addProjectMember", 201)),
            entry("project-members-list", new Target("GET", PROJECT + "/members", "getProjectMembers", 200)),
            entry("project-members-update", new Target("PATCH", PROJECT + "/members/{member_id}", "updateProjectMember", 200)),
            entry("projects-create", new Target("POST", WS + "/projects", "createProject", 201)),
            entry("projects-list", new Target("GET", WS + "/projects", "getProjects", 200)),
            entry("repository-contents", new Target("GET", PROJECT + "/repository/contents", "getRepositoryContents", 200)),
            entry("tags-create", new Target("POST", PROJECT + "/repository/tags", "createTag", 201)),
            entry("tokens-create", new Target("POST", "/user/tokens", "createToken", 201)),
            entry("user-get", new Target("GET", "/user", "getAuthenticatedUser", 200)),
            entry("variables-list", new Target("GET", WS + "/variables", "getVariables", 200)),
            entry("webhooks-create", new Target("POST", WS + "/webhooks", "createWebhook", 201)),
            entry("webhooks-update", new Target("PATCH", WS + "/webhooks/{webhook_id}", "updateWebhook", 200)),
            entry("workspaces-list", new Target("GET", "/workspaces", "getWorkspaces", 200)));

    private static final Pattern FILE_NAME = Pattern.compile("([a-z0-9-]+)\\.(request|response)(?:\\.([A-Za-z0-9.-]+))?\\.json");

    private ExampleFileOperations() {
    }

    /** The parts of a file name, or empty when it does not follow {@code <operation>.<request|response>[.<variant>].json}. */
    static Optional<ExampleName> parse(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ExampleName(m.group(1), m.group(2).equals("request"), m.group(3)));
    }

    /** The operation a file documents; throws an {@link AssertionError} naming the file when there is none. */
    static Target targetOf(String fileName) {
        ExampleName name = parse(fileName).orElseThrow(() -> new AssertionError(
                fileName + " does not follow <operation>.<request|response>.<variant>.json"));
        Target target = BY_PREFIX.get(name.prefix());
        if (target == null) {
            throw new AssertionError(fileName + ": prefix '" + name.prefix() + "' is not in ExampleFileOperations.BY_PREFIX;"
                    + " add the operation it documents (known: " + new java.util.TreeSet<>(BY_PREFIX.keySet()) + ")");
        }
        return target;
    }
}
