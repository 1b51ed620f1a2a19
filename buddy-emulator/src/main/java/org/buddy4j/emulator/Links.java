package org.buddy4j.emulator;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the {@code url} (this emulator's API address) and {@code html_url} (Buddy's web app address)
 * that every object in Buddy's answers carries. The API base is only known once the server listens.
 */
final class Links {
  private volatile String api = "http://127.0.0.1";
  private final String html;

  Links(String htmlBase) {
    this.html = stripSlash(htmlBase);
  }

  void apiBase(String base) {
    api = stripSlash(base);
  }

  String api() {
    return api;
  }

  JsonObject of(String apiPath, String htmlPath) {
    return new JsonObject().put("url", api + apiPath).put("html_url", html + htmlPath);
  }

  JsonObject workspace(String ws) {
    return of("/workspaces/" + ws, "/" + ws);
  }

  JsonObject project(String ws, String project) {
    return of(projectPath(ws, project), "/" + ws + "/" + project);
  }

  JsonObject pipeline(String ws, String project, int pipelineId) {
    return of(pipelinePath(ws, project, pipelineId), "/" + ws + "/" + project + "/pipelines/pipeline/" + pipelineId);
  }

  JsonObject action(String ws, String project, int pipelineId, int actionId) {
    return of(pipelinePath(ws, project, pipelineId) + "/actions/" + actionId,
      "/" + ws + "/" + project + "/pipelines/action/" + actionId + "/edit");
  }

  JsonObject execution(String ws, String project, int pipelineId, int executionId) {
    return of(pipelinePath(ws, project, pipelineId) + "/executions/" + executionId,
      "/" + ws + "/" + project + "/pipelines/pipeline/" + pipelineId + "/execution/" + executionId);
  }

  JsonObject actionExecution(String ws, String project, int pipelineId, int executionId, String actionExecutionId) {
    return of(pipelinePath(ws, project, pipelineId) + "/executions/" + executionId + "/action_executions/" + actionExecutionId,
      "/" + ws + "/" + project + "/pipelines/pipeline/" + pipelineId + "/execution/" + executionId
        + "/action/" + actionExecutionId);
  }

  JsonObject branch(String ws, String project, String branch) {
    return of(projectPath(ws, project) + "/repository/branches/" + enc(branch),
      "/" + ws + "/" + project + "/repository/branch/" + enc(branch));
  }

  JsonObject commit(String ws, String project, String revision) {
    return of(projectPath(ws, project) + "/repository/commits/" + enc(revision),
      "/" + ws + "/" + project + "/repository/commit/" + enc(revision));
  }

  JsonObject member(String ws, int id) {
    return of("/workspaces/" + ws + "/member/" + id, "/" + ws + "/profile/" + id);
  }

  JsonObject integration(String ws, String hashId) {
    return of("/workspaces/" + ws + "/integrations/" + hashId, "/" + ws + "/integrations/" + hashId);
  }

  static String projectPath(String ws, String project) {
    return "/workspaces/" + ws + "/projects/" + project;
  }

  static String pipelinePath(String ws, String project, int pipelineId) {
    return projectPath(ws, project) + "/pipelines/" + pipelineId;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
