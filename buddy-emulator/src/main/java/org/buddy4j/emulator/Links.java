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

  /** An object's two addresses, for a renderer that writes them without a JsonObject (see ExecutionViews). */
  record Link(String url, String htmlUrl) {
    JsonObject json() {
      return new JsonObject().put("url", url).put("html_url", htmlUrl);
    }
  }

  Link link(String apiPath, String htmlPath) {
    return new Link(api + apiPath, html + htmlPath);
  }

  JsonObject of(String apiPath, String htmlPath) {
    return link(apiPath, htmlPath).json();
  }

  JsonObject workspace(String ws) {
    return of("/workspaces/" + ws, "/" + ws);
  }

  JsonObject project(String ws, String project) {
    return of(projectPath(ws, project), "/" + ws + "/" + project);
  }

  JsonObject pipeline(String ws, String project, int pipelineId) {
    return pipelineLink(ws, project, pipelineId).json();
  }

  Link pipelineLink(String ws, String project, int pipelineId) {
    return link(pipelinePath(ws, project, pipelineId), "/" + ws + "/" + project + "/pipelines/pipeline/" + pipelineId);
  }

  JsonObject action(String ws, String project, int pipelineId, int actionId) {
    return of(pipelinePath(ws, project, pipelineId) + "/actions/" + actionId,
      "/" + ws + "/" + project + "/pipelines/action/" + actionId + "/edit");
  }

  Link executionLink(String ws, String project, int pipelineId, int executionId) {
    return link(pipelinePath(ws, project, pipelineId) + "/executions/" + executionId,
      "/" + ws + "/" + project + "/pipelines/pipeline/" + pipelineId + "/execution/" + executionId);
  }

  JsonObject actionExecution(String ws, String project, int pipelineId, int executionId, String actionExecutionId) {
    return actionExecutionLink(ws, project, pipelineId, executionId, actionExecutionId).json();
  }

  Link actionExecutionLink(String ws, String project, int pipelineId, int executionId, String actionExecutionId) {
    return link(pipelinePath(ws, project, pipelineId) + "/executions/" + executionId + "/action_executions/" + actionExecutionId,
      "/" + ws + "/" + project + "/pipelines/pipeline/" + pipelineId + "/execution/" + executionId
        + "/action/" + actionExecutionId);
  }

  JsonObject branch(String ws, String project, String branch) {
    return of(projectPath(ws, project) + "/repository/branches/" + enc(branch),
      "/" + ws + "/" + project + "/repository/branch/" + enc(branch));
  }

  JsonObject commit(String ws, String project, String revision) {
    return commitLink(ws, project, revision).json();
  }

  Link commitLink(String ws, String project, String revision) {
    return link(projectPath(ws, project) + "/repository/commits/" + enc(revision),
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
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
      }
    }
    return s; // what URLEncoder leaves as it is (a revision: 40 hex digits), without its copies
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
