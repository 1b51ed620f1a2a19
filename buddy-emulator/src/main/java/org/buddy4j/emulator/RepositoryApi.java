package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Emulates a project's repository ({@link RepositoryRecord}): branches (list, get, create from a revision,
 * delete), tags, commits (filtered by revision, path, author and dates), the comparison of two revisions,
 * and contents by path ({@code …/contents/dir/sub/file.txt}; adding, changing or deleting a file commits on a
 * branch, the default one unless {@code branch} is given).
 */
final class RepositoryApi {
  private final Emulation emulation;

  RepositoryApi(Emulation emulation) {
    this.emulation = emulation;
  }

  void register(OperationRegistry registry) {
    registry.on("getBranches", this::branches)
      .on("getBranch", req -> Replies.json(req.rc, 200, branchJson(project(req), branch(req))))
      .on("createBranch", this::createBranch)
      .on("deleteBranch", this::deleteBranch)
      .on("getTags", this::tags)
      .on("getTag", this::tag)
      .on("createTag", this::createTag)
      .on("getCommits", this::commits)
      .on("getCommit", req -> Replies.json(req.rc, 200,
        commitJson(project(req), repo(req).resolveOrThrow(req.path("revision")))))
      .on("compareRevisions", this::compare)
      .on("getRepositoryContents", req -> contents(req, ""))
      .on("getRepositoryContentsAtPath", req -> contents(req, req.path("path")))
      .on("createRepositoryFile", req -> writeFile(req, req.body().getString("path"), true))
      .on("updateRepositoryFile", req -> writeFile(req, req.path("path"), false))
      .on("deleteRepositoryFile", this::deleteFile);
  }

  private ProjectRecord project(ApiRequest req) {
    return emulation.state().project(req.workspace(), req.project());
  }

  private RepositoryRecord repo(ApiRequest req) {
    return repo(project(req));
  }

  private RepositoryRecord repo(ProjectRecord project) {
    if (project.repository == null) {
      String readme = "# " + project.displayName + "\n\nServed by buddy4j's emulator.\n";
      project.repository = new RepositoryRecord(project, project.createDate, userId(),
        Base64.getEncoder().encodeToString(readme.getBytes(StandardCharsets.UTF_8)));
    }
    return project.repository;
  }

  private int userId() {
    return emulation.state().user.getInteger("id", 1);
  }

  private String branch(ApiRequest req) {
    String name = req.path("branch_name");
    if (!project(req).branches.contains(name)) {
      throw ApiError.notFound("Branch '" + name + "' not found in project '" + req.project() + "'");
    }
    return name;
  }

  private JsonObject listLinks(ProjectRecord project, String what) {
    JsonObject links = emulation.links.project(project.workspace, project.name);
    return new JsonObject().put("url", links.getString("url") + "/repository/" + what)
      .put("html_url", links.getString("html_url") + "/repository/" + what);
  }

  // ── branches and tags ──

  private JsonObject branchJson(ProjectRecord project, String branch) {
    RepositoryRecord repo = repo(project);
    return project.branchJson(emulation.links, branch).put("commit", commitJson(project, repo.commits.get(repo.heads.get(branch))));
  }

  private void branches(ApiRequest req) {
    ProjectRecord project = project(req);
    Paging<String> page = Paging.of(project.branches, req.queryInt("page", 1), req.queryInt("per_page", 20));
    JsonArray items = new JsonArray();
    page.items.forEach(b -> items.add(branchJson(project, b)));
    Replies.json(req.rc, 200, listLinks(project, "branches").put("branches", items));
  }

  private void createBranch(ApiRequest req) {
    ProjectRecord project = project(req);
    JsonObject body = req.body();
    String name = body.getString("name");
    if (project.branches.contains(name)) {
      throw ApiError.unprocessable("Branch '" + name + "' already exists in project '" + project.name + "'");
    }
    JsonObject from = body.getJsonObject("commit");
    RepositoryRecord repo = repo(project);
    RepositoryRecord.Commit commit = repo.resolveOrThrow(from == null ? null : from.getString("revision"));
    project.branches.add(name);
    repo.heads.put(name, commit.revision);
    Replies.json(req.rc, 201, branchJson(project, name).put("description", body.getString("description")));
  }

  private void deleteBranch(ApiRequest req) {
    ProjectRecord project = project(req);
    String name = branch(req);
    if (name.equals(project.defaultBranch)) {
      throw ApiError.unprocessable("The default branch '" + name + "' cannot be deleted");
    }
    project.branches.remove(name);
    repo(project).heads.remove(name);
    Replies.noContent(req.rc);
  }

  private JsonObject tagJson(ProjectRecord project, String name, RepositoryRecord.Tag tag) {
    return emulation.links.of(Links.projectPath(project.workspace, project.name) + "/repository/tags/" + name,
        "/" + project.workspace + "/" + project.name + "/repository/tag/" + name)
      .put("name", name).put("message", tag.message)
      .put("commit", commitJson(project, repo(project).commits.get(tag.revision)));
  }

  private void tags(ApiRequest req) {
    ProjectRecord project = project(req);
    JsonArray items = new JsonArray();
    repo(project).tags.forEach((name, tag) -> items.add(tagJson(project, name, tag)));
    Replies.json(req.rc, 200, listLinks(project, "tags").put("tags", items));
  }

  private void tag(ApiRequest req) {
    ProjectRecord project = project(req);
    String name = req.path("tag_name");
    RepositoryRecord.Tag tag = repo(project).tags.get(name);
    if (tag == null) {
      throw ApiError.notFound("Tag '" + name + "' not found in project '" + project.name + "'");
    }
    Replies.json(req.rc, 200, tagJson(project, name, tag));
  }

  private void createTag(ApiRequest req) {
    ProjectRecord project = project(req);
    JsonObject body = req.body();
    String name = body.getString("name");
    RepositoryRecord repo = repo(project);
    if (repo.tags.containsKey(name)) {
      throw ApiError.unprocessable("Tag '" + name + "' already exists in project '" + project.name + "'");
    }
    RepositoryRecord.Commit commit = repo.resolveOrThrow(body.getJsonObject("commit").getString("revision"));
    RepositoryRecord.Tag tag = new RepositoryRecord.Tag(commit.revision, body.getString("message"));
    repo.tags.put(name, tag);
    Replies.json(req.rc, 201, tagJson(project, name, tag));
  }

  // ── commits ──

  private JsonObject commitJson(ProjectRecord project, RepositoryRecord.Commit c) {
    JsonObject author = new ExecutionViews(emulation.links, emulation.state()).member(project.workspace, c.authorId);
    return emulation.links.commit(project.workspace, project.name, c.revision)
      .put("revision", c.revision)
      .put("author_date", c.date.toString())
      .put("commit_date", c.date.toString())
      .put("message", c.message)
      .put("committer", author)
      .put("author", author);
  }

  private void commits(ApiRequest req) {
    ProjectRecord project = project(req);
    RepositoryRecord repo = repo(project);
    List<RepositoryRecord.Commit> all = new ArrayList<>(repo.history(repo.resolveOrThrow(req.queryString("revision"))));
    String path = req.queryString("path");
    String author = req.queryString("author");
    String since = req.queryString("since");
    String until = req.queryString("until");
    all.removeIf(c -> (path != null && !touches(repo, c, path))
      || (author != null && !author.equals(emulation.state().member(c.authorId).getString("email")))
      || (since != null && c.date.isBefore(Instant.parse(since)))
      || (until != null && c.date.isAfter(Instant.parse(until))));
    Replies.json(req.rc, 200, listLinks(project, "commits").put("commits", page(req, project, all)));
  }

  /** Whether the commit changed {@code path} (or something under it) from its parent. */
  private static boolean touches(RepositoryRecord repo, RepositoryRecord.Commit c, String path) {
    Map<String, String> before = c.parent == null ? Map.of() : repo.commits.get(c.parent).files;
    for (String file : union(before, c.files)) {
      if ((file.equals(path) || file.startsWith(path + "/"))
        && !java.util.Objects.equals(before.get(file), c.files.get(file))) {
        return true;
      }
    }
    return false;
  }

  private static java.util.Set<String> union(Map<String, String> a, Map<String, String> b) {
    java.util.Set<String> out = new java.util.TreeSet<>(a.keySet());
    out.addAll(b.keySet());
    return out;
  }

  private JsonArray page(ApiRequest req, ProjectRecord project, List<RepositoryRecord.Commit> commits) {
    JsonArray items = new JsonArray();
    Paging.of(commits, req.queryInt("page", 1), req.queryInt("per_page", 20)).items
      .forEach(c -> items.add(commitJson(project, c)));
    return items;
  }

  private void compare(ApiRequest req) {
    ProjectRecord project = project(req);
    RepositoryRecord repo = repo(project);
    String joined = req.path("base_head");
    int dots = joined.indexOf("...");
    if (dots < 0) {
      throw ApiError.badRequest("Compare two revisions as 'base...head', got '" + joined + "'");
    }
    RepositoryRecord.Commit base = repo.resolveOrThrow(joined.substring(0, dots));
    RepositoryRecord.Commit head = repo.resolveOrThrow(joined.substring(dots + 3));
    Replies.json(req.rc, 200, listLinks(project, "comparison/" + joined)
      .put("base_commit", commitJson(project, base))
      .put("commits", page(req, project, repo.between(base, head))));
  }

  // ── contents ──

  private JsonObject entry(ProjectRecord project, String path, String content) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    JsonObject out = emulation.links.of(Links.projectPath(project.workspace, project.name) + "/repository/contents/" + path,
        "/" + project.workspace + "/" + project.name + "/repository/" + (content == null ? "dir/" : "file/") + path)
      .put("content_type", content == null ? "DIR" : "FILE").put("name", name).put("path", path);
    if (content != null) {
      out.put("encoding", "base64").put("size", (long) decodedSize(content)).put("content", content);
    }
    return out;
  }

  private static int decodedSize(String base64) {
    try {
      return Base64.getDecoder().decode(base64).length;
    } catch (IllegalArgumentException e) {
      return base64.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  private void contents(ApiRequest req, String path) {
    ProjectRecord project = project(req);
    RepositoryRecord.Commit commit = repo(project).resolveOrThrow(req.queryString("revision"));
    String file = commit.files.get(path);
    if (file != null) {
      Replies.json(req.rc, 200, entry(project, path, file));
      return;
    }
    String prefix = path.isEmpty() ? "" : path + "/";
    Map<String, String> children = new TreeMap<>();
    commit.files.forEach((p, content) -> {
      if (p.startsWith(prefix)) {
        String rest = p.substring(prefix.length());
        int slash = rest.indexOf('/');
        children.putIfAbsent(prefix + (slash < 0 ? rest : rest.substring(0, slash)), slash < 0 ? content : null);
      }
    });
    if (children.isEmpty() && !path.isEmpty()) {
      throw ApiError.notFound("Path '" + path + "' not found at revision " + commit.revision);
    }
    JsonArray items = new JsonArray();
    children.forEach((p, content) -> items.add(entry(project, p, content)));
    JsonObject out = path.isEmpty() ? listLinks(project, "contents") : entry(project, path, null);
    Replies.json(req.rc, 200, out.put("contents", items));
  }

  private void writeFile(ApiRequest req, String path, boolean create) {
    ProjectRecord project = project(req);
    RepositoryRecord repo = repo(project);
    JsonObject body = req.body();
    if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      throw ApiError.badRequest("Field 'path' must be a file path such as 'src/app.js'");
    }
    String branch = body.getString("branch", project.defaultBranch);
    RepositoryRecord.Commit head = repo.resolveOrThrow(branch);
    boolean exists = head.files.containsKey(path);
    if (create && exists) {
      throw ApiError.unprocessable("File '" + path + "' already exists on branch '" + branch + "'");
    }
    if (!create && !exists) {
      throw ApiError.notFound("File '" + path + "' not found on branch '" + branch + "'");
    }
    String content = body.getString("content", "");
    RepositoryRecord.Commit commit = repo.change(branch, path, content,
      body.getString("message", (create ? "Add " : "Update ") + path), emulation.state().now(), userId());
    Replies.json(req.rc, create ? 201 : 200, new JsonObject()
      .put("content", entry(project, path, content)).put("commit", commitJson(project, commit)));
  }

  private void deleteFile(ApiRequest req) {
    ProjectRecord project = project(req);
    RepositoryRecord repo = repo(project);
    String path = req.path("path");
    String branch = req.body().getString("branch", project.defaultBranch);
    if (!repo.resolveOrThrow(branch).files.containsKey(path)) {
      throw ApiError.notFound("File '" + path + "' not found on branch '" + branch + "'");
    }
    repo.change(branch, path, null, req.body().getString("message", "Delete " + path), emulation.state().now(), userId());
    Replies.noContent(req.rc);
  }
}
