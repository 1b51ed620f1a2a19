package org.buddy4j.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.buddy4j.core.generated.api.RepositoryApi;
import org.buddy4j.core.generated.model.Branch;
import org.buddy4j.core.generated.model.BranchCreateRequest;
import org.buddy4j.core.generated.model.Commit;
import org.buddy4j.core.generated.model.RepositoryContents;
import org.buddy4j.core.generated.model.RevisionComparison;
import org.buddy4j.core.generated.model.Tag;
import org.buddy4j.core.generated.model.TagCreateRequest;

/**
 * A project's repository, {@code /workspaces/{workspace}/projects/{project_name}/repository}: branches, tags,
 * commits, comparisons and contents. Branch, tag and revision names are sent as one encoded URL segment each
 * ({@code feature/x} included); a file's path keeps its {@code /} ({@link #file(String)}).
 */
public final class RepositoryClient {
  private static final int COMMITS_PER_PAGE = 30;

  private final ClientContext context;
  private final String workspace;
  private final String project;

  RepositoryClient(ClientContext context, String workspace, String project) {
    this.context = context;
    this.workspace = workspace;
    this.project = project;
  }

  /**
   * The branches, {@code …/repository/branches} (paged, 20 a request), by name: list, get, create
   * ({@code name} and the {@code commit} to start at), delete. Buddy has no edit of a branch.
   */
  public Resources<Branch, String, BranchCreateRequest, Void> branches() {
    RepositoryApi api = api();
    return Resources.<Branch, String, BranchCreateRequest, Void>at(base() + "/branches")
        .paged((page, perPage) -> new Pages.Page<>(api.getBranches(workspace, project, page, perPage).getBranches(), null), 20)
        .get(name -> api.getBranch(workspace, project, name))
        .create(body -> api.createBranch(workspace, project, body))
        .delete(name -> api.deleteBranch(workspace, project, name, (Boolean) null))
        .build();
  }

  /** {@code DELETE …/repository/branches/{branch_name}?force=}: {@code force} deletes a branch that is not merged. */
  public void deleteBranch(String name, boolean force) {
    api().deleteBranch(workspace, project, Objects.requireNonNull(name, "name"), force);
  }

  /** The tags, {@code …/repository/tags} (answered whole), by name: list, get, create. Buddy has no edit or delete of a tag. */
  public Resources<Tag, String, TagCreateRequest, Void> tags() {
    RepositoryApi api = api();
    return Resources.<Tag, String, TagCreateRequest, Void>at(base() + "/tags")
        .whole(() -> orEmpty(api.getTags(workspace, project).getTags()))
        .get(name -> api.getTag(workspace, project, name))
        .create(body -> api.createTag(workspace, project, body))
        .build();
  }

  /** The commits of the default branch, newest first, {@code …/repository/commits} (paged, 30 a request); get by revision. */
  public Resources<Commit, String, Void, Void> commits() {
    return commits(null);
  }

  /**
   * The commits reachable from {@code revision} (a branch, tag or commit; the default branch when null),
   * newest first: {@code …/repository/commits?revision=} (paged, 30 a request); get by revision.
   */
  public Resources<Commit, String, Void, Void> commits(String revision) {
    RepositoryApi api = api();
    return Resources.<Commit, String, Void, Void>at(base() + "/commits" + (revision == null ? "" : "?revision=" + revision))
        .paged((page, perPage) -> new Pages.Page<>(
            api.getCommits(workspace, project, null, null, revision, null, null, page, perPage).getCommits(), null),
            COMMITS_PER_PAGE)
        .get(this::commit)
        .build();
  }

  /** {@code GET …/repository/commits/{revision}}: one commit (a full hash, a branch or a tag names one). */
  public Commit commit(String revision) {
    return api().getCommit(workspace, project, Objects.requireNonNull(revision, "revision"));
  }

  /**
   * {@code GET …/repository/comparison/{base}...{head}}: what {@code head} has that {@code base} lacks — the base
   * commit and every commit between, all pages read (30 a request).
   */
  public RevisionComparison compare(String base, String head) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    RevisionComparison[] first = {null};
    List<Commit> commits = new ArrayList<>();
    Pages.stream((page, perPage) -> {
      RevisionComparison one = api().compareRevisions(workspace, project, base, head, page, perPage);
      if (first[0] == null) {
        first[0] = one;
      }
      return new Pages.Page<>(one.getCommits(), null);
    }, COMMITS_PER_PAGE).forEach(commits::add);
    return first[0].commits(commits);
  }

  /** {@code GET …/repository/contents}: the root directory of the default branch ({@code contents[]}). */
  public RepositoryContents contents() {
    return api().getRepositoryContents(workspace, project, (String) null);
  }

  /** {@code GET …/repository/contents?revision=}: the root directory at a branch, tag or commit. */
  public RepositoryContents contents(String revision) {
    return api().getRepositoryContents(workspace, project, Objects.requireNonNull(revision, "revision"));
  }

  /**
   * The file or directory at {@code path} ({@code dir/sub/app.js}: relative, {@code /} between segments, no
   * {@code .} or {@code ..}), on the default branch; nothing is fetched yet.
   */
  public RepositoryFileClient file(String path) {
    return new RepositoryFileClient(context, workspace, project, path, null);
  }

  private String base() {
    return "/workspaces/" + workspace + "/projects/" + project + "/repository";
  }

  private RepositoryApi api() {
    return context.api(RepositoryApi.class);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  @Override
  public String toString() {
    return "Repository[" + workspace + "/" + project + "]";
  }
}
