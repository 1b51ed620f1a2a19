package org.buddy4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The bytes the benchmarks read and write: the docs' examples from api-spec
 * ({@code buddy4j/examples/*.json}), compacted (a server sends no indentation; whitespace is not what
 * is measured), plus a 100-execution list page built from the run response and a 30-project list page.
 */
public final class Payloads {
  /** Used only to load and reshape payloads, never measured. */
  private static final ObjectMapper TREE = new ObjectMapper();

  /** The integration create bodies, one per authentication style, keyed by the JMH parameter value. */
  public static final Map<String, String> INTEGRATION_EXAMPLES = Map.of(
      "accessKeys", "integrations-create.request.aws-access-keys.json",
      "roleAssumptions", "integrations-create.request.aws-role-assumptions.json",
      "oidc", "integrations-create.request.aws-oidc.json",
      "token", "integrations-create.request.github.json",
      "usernamePassword", "integrations-create.request.docker-hub.json",
      "apiKey", "integrations-create.request.google-service-account.json");

  /** Executions on the list page. */
  public static final int LIST_PAGE_SIZE = 100;

  private Payloads() {}

  /** {@code executions-run.response.json}: the run response of the docs' seed 002. */
  public static byte[] runResponse() {
    return example("executions-run.response.json");
  }

  /** {@code executions-run.request.variables-actions.json}: a run request with every kind of field. */
  public static byte[] runRequest() {
    return example("executions-run.request.variables-actions.json");
  }

  /** An integration create body; {@code style} is a key of {@link #INTEGRATION_EXAMPLES}. */
  public static byte[] integrationCreate(String style) {
    String file = INTEGRATION_EXAMPLES.get(style);
    if (file == null) {
      throw new IllegalArgumentException("no integration example for auth style " + style);
    }
    return example(file);
  }

  /**
   * {@code GET …/executions?per_page=100}: page 1 of 100 runs, each the seed-002 run response with its
   * own id and URLs (newest first), in the list envelope.
   */
  public static byte[] executionListPage() {
    try {
      ObjectNode run = (ObjectNode) TREE.readTree(runResponse());
      String pipelineUrl = "https://api.buddy.works/workspaces/buddy/projects/company-website/pipelines/2";
      ArrayNode executions = TREE.createArrayNode();
      for (int id = LIST_PAGE_SIZE; id >= 1; id--) {
        ObjectNode e = run.deepCopy();
        e.put("id", id);
        e.put("url", pipelineUrl + "/executions/" + id);
        e.put("html_url", "https://app.buddy.works/buddy/company-website/pipelines/pipeline/2/execution/" + id);
        e.put("status", id == LIST_PAGE_SIZE ? "INPROGRESS" : "SUCCESSFUL");
        executions.add(e);
      }
      ObjectNode page = TREE.createObjectNode();
      page.put("url", pipelineUrl + "/executions");
      page.put("html_url", "https://app.buddy.works/buddy/company-website/pipelines/pipeline/2");
      page.put("page", 1);
      page.put("page_size", LIST_PAGE_SIZE);
      page.put("total_page_count", 3);
      page.put("element_count", LIST_PAGE_SIZE);
      page.put("total_element_count", 250);
      page.set("executions", executions);
      return TREE.writeValueAsBytes(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Projects on the project list page. */
  public static final int PROJECT_PAGE_SIZE = 30;

  /**
   * {@code GET /workspaces/buddy/projects?per_page=30}: 30 projects as Buddy lists them (the shape of
   * {@code projects-list.response.json}'s item, each with its own name and URLs), in the list envelope.
   */
  public static byte[] projectListPage() {
    try {
      ObjectNode list = (ObjectNode) TREE.readTree(example("projects-list.response.json"));
      ObjectNode project = (ObjectNode) list.get("projects").get(0);
      ArrayNode projects = TREE.createArrayNode();
      for (int i = 1; i <= PROJECT_PAGE_SIZE; i++) {
        ObjectNode p = project.deepCopy();
        String name = "service-" + i;
        p.put("url", "https://api.buddy.works/workspaces/buddy/projects/" + name);
        p.put("html_url", "https://app.buddy.works/buddy/" + name);
        p.put("name", name);
        p.put("display_name", "Service " + i);
        projects.add(p);
      }
      list.set("projects", projects);
      return TREE.writeValueAsBytes(list);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One example file, compacted. */
  public static byte[] example(String file) {
    String resource = "buddy4j/examples/" + file;
    try (InputStream in = Payloads.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath (api-spec jar)");
      }
      JsonNode tree = TREE.readTree(in);
      return TREE.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
