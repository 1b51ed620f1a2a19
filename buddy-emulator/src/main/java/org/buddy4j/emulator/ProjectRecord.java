package org.buddy4j.emulator;

import com.fasterxml.jackson.core.io.SerializedString;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A project in memory: branches and pipelines ({@code /workspaces/{w}/projects/{project_name}}). */
final class ProjectRecord {
  final String workspace;
  String name;
  String displayName;
  String status = "ACTIVE";
  final Instant createDate;
  final List<String> branches = new ArrayList<>();
  String defaultBranch;
  final Map<Integer, PipelineRecord> pipelines = new LinkedHashMap<>();
  /** Repository settings given on create (access, fetch_submodules…); never the repository password. */
  final JsonObject settings = new JsonObject();
  /** Commits, branch heads, tags and files; made on first use by {@link RepositoryApi}. */
  RepositoryRecord repository;
  /** The last branch written into a run's answer (one: a pipeline's runs are mostly of one branch). */
  private final EncodedJson encodedBranch = new EncodedJson();

  ProjectRecord(String workspace, String name, String displayName, Instant createDate) {
    this.workspace = workspace;
    this.name = name;
    this.displayName = displayName;
    this.createDate = createDate;
  }

  /** The short form used in lists and inside pipelines. */
  JsonObject toShortJson(Links links) {
    return links.project(workspace, name)
      .put("name", name)
      .put("display_name", displayName)
      .put("status", status);
  }

  JsonObject toJson(Links links, JsonObject creator) {
    return toShortJson(links)
      .put("create_date", createDate.toString())
      .put("created_by", creator)
      .put("http_repository", "https://app.buddy.works/" + workspace + "/" + name)
      .put("ssh_repository", "ssh://app.buddy.works/" + workspace + "/" + name)
      .put("default_branch", defaultBranch)
      .put("access", settings.getString("access", "PRIVATE"))
      .put("fetch_submodules", settings.getBoolean("fetch_submodules", false))
      .put("fetch_submodules_env_key", settings.getString("fetch_submodules_env_key"))
      .put("allow_pull_requests", settings.getBoolean("allow_pull_requests", false));
  }

  /** {@link #branchJson}'s bytes, made again when anything it shows changes. */
  SerializedString encodedBranchJson(Links links, String branch) {
    return encodedBranch.of(() -> branchJson(links, branch), links.api(), workspace, name, branch, defaultBranch);
  }

  JsonObject branchJson(Links links, String branch) {
    return links.branch(workspace, name, branch).put("name", branch).put("default", branch.equals(defaultBranch));
  }
}
