package org.buddy4j.insights.unified;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.generated.model.ExecutionList;

/**
 * A read-only unified CI/CD view of Buddy (the model developer portals share across CI tools):
 * Workspaces ({@code GET /workspaces}), Repos (projects, {@code GET …/projects}), Workflows (pipelines,
 * {@code GET …/pipelines}), Jobs (executions, {@code GET …/pipelines/{id}/executions}), Branches
 * ({@code GET …/repository/branches}) and PullRequests (seen on executions; see {@link PullRequest}).
 *
 * <p>Lists page with an opaque cursor: call with {@code cursor == null} (and a page size) for the first
 * page and pass {@link Page#nextCursor()} back for the next. The cursor encodes Buddy's {@code page},
 * {@code per_page} and the list it belongs to, signed with this view's key; an altered cursor, or one
 * of another list, is an {@link IllegalArgumentException}. A page can come back empty at the very end
 * when Buddy's list does not say how many pages it has.
 */
public final class UnifiedCiCd {
  /** The page size when none is given (Buddy's own default). */
  public static final int DEFAULT_PAGE_SIZE = 20;

  private final BuddyClient client;
  private final byte[] cursorKey;

  private UnifiedCiCd(BuddyClient client, byte[] cursorKey) {
    this.client = Objects.requireNonNull(client, "client");
    this.cursorKey = cursorKey.clone();
  }

  /** A view whose cursors are signed with a random key: valid only for this instance. */
  public static UnifiedCiCd of(BuddyClient client) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new UnifiedCiCd(client, key);
  }

  /** A view whose cursors are signed with {@code cursorKey} (at least 16 bytes): share it across instances. */
  public static UnifiedCiCd of(BuddyClient client, byte[] cursorKey) {
    if (cursorKey == null || cursorKey.length < 16) {
      throw new IllegalArgumentException("cursorKey must have at least 16 bytes");
    }
    return new UnifiedCiCd(client, cursorKey);
  }

  /** {@code GET /workspaces} (one page: Buddy does not page this list). */
  public Page<Workspace> workspaces(String cursor) {
    PageCursor at = cursor(cursor, "workspaces", DEFAULT_PAGE_SIZE);
    if (at.page() > 1) {
      return new Page<>(List.of(), null, null);
    }
    List<Workspace> items = map(client.workspaces().list().toList(), Workspace::of);
    return new Page<>(items, null, items.size());
  }

  /** {@code GET /workspaces/{workspace}/projects}: the first page. */
  public Page<Repo> repos(String workspace, int pageSize) {
    return repos(workspace, null, pageSize);
  }

  /** {@code GET /workspaces/{workspace}/projects}: the page {@code cursor} points at. */
  public Page<Repo> repos(String workspace, String cursor) {
    return repos(workspace, cursor, DEFAULT_PAGE_SIZE);
  }

  private Page<Repo> repos(String workspace, String cursor, int pageSize) {
    PageCursor at = cursor(cursor, "repos:" + workspace, pageSize);
    var list = client.workspace(workspace).projects().page(at.page(), at.perPage());
    return page(at, map(list, p -> Repo.of(workspace, p)), null, null);
  }

  /** {@code GET …/projects/{repo}/pipelines}: the first page. */
  public Page<Workflow> workflows(String workspace, String repo, int pageSize) {
    return workflows(workspace, repo, null, pageSize);
  }

  /** {@code GET …/projects/{repo}/pipelines}: the page {@code cursor} points at. */
  public Page<Workflow> workflows(String workspace, String repo, String cursor) {
    return workflows(workspace, repo, cursor, DEFAULT_PAGE_SIZE);
  }

  private Page<Workflow> workflows(String workspace, String repo, String cursor, int pageSize) {
    PageCursor at = cursor(cursor, "workflows:" + workspace + "/" + repo, pageSize);
    var list = client.workspace(workspace).project(repo).pipelines().page(at.page(), at.perPage());
    return page(at, map(list, p -> Workflow.of(workspace, repo, p)), null, null);
  }

  /** {@code GET …/pipelines/{workflowId}/executions}, newest first: the first page. */
  public Page<Job> jobs(String workspace, String repo, int workflowId, int pageSize) {
    return jobs(workspace, repo, workflowId, null, pageSize);
  }

  /** {@code GET …/pipelines/{workflowId}/executions}, newest first: the page {@code cursor} points at. */
  public Page<Job> jobs(String workspace, String repo, int workflowId, String cursor) {
    return jobs(workspace, repo, workflowId, cursor, DEFAULT_PAGE_SIZE);
  }

  private Page<Job> jobs(String workspace, String repo, int workflowId, String cursor, int pageSize) {
    PageCursor at = cursor(cursor, "jobs:" + workspace + "/" + repo + "/" + workflowId, pageSize);
    ExecutionList list = executions(workspace, repo, workflowId, at);
    return page(at, map(list.getExecutions(), e -> Job.of(workspace, repo, workflowId, null, e)),
        list.getTotalPageCount(), list.getTotalElementCount());
  }

  /** {@code GET …/executions/{jobId}}. */
  public Job job(String workspace, String repo, int workflowId, int jobId) {
    return Job.of(workspace, repo, workflowId, null,
        client.workspace(workspace).project(repo).pipeline(workflowId).execution(jobId).data());
  }

  /** {@code GET …/projects/{repo}/repository/branches}: the first page. */
  public Page<Branch> branches(String workspace, String repo, int pageSize) {
    return branches(workspace, repo, null, pageSize);
  }

  /** {@code GET …/projects/{repo}/repository/branches}: the page {@code cursor} points at. */
  public Page<Branch> branches(String workspace, String repo, String cursor) {
    return branches(workspace, repo, cursor, DEFAULT_PAGE_SIZE);
  }

  private Page<Branch> branches(String workspace, String repo, String cursor, int pageSize) {
    PageCursor at = cursor(cursor, "branches:" + workspace + "/" + repo, pageSize);
    var list = client.workspace(workspace).project(repo).branchesPage(at.page(), at.perPage()).getBranches();
    return page(at, map(list, b -> Branch.of(workspace, repo, b)), null, null);
  }

  /**
   * Pull requests seen on one page of a workflow's runs ({@code pageSize} runs, newest first): one
   * entry per pull-request name on that page, with its newest run there. A pull request that ran on
   * several pages appears once per page; {@link #pullRequests(String, String, int)} lists each once.
   */
  public Page<PullRequest> pullRequests(String workspace, String repo, int workflowId, String cursor, int pageSize) {
    PageCursor at = cursor(cursor, "pull-requests:" + workspace + "/" + repo + "/" + workflowId, pageSize);
    ExecutionList list = executions(workspace, repo, workflowId, at);
    Map<String, PullRequest> byName = new LinkedHashMap<>();
    for (var e : list.getExecutions() == null ? List.<org.buddy4j.core.generated.model.ExecutionData>of() : list.getExecutions()) {
      if (e.getPullRequest() != null && e.getPullRequest().getName() != null) {
        byName.putIfAbsent(e.getPullRequest().getName(), PullRequest.of(Job.of(workspace, repo, workflowId, null, e)));
      }
    }
    int fetched = list.getExecutions() == null ? 0 : list.getExecutions().size();
    String next = hasNext(at, fetched, list.getTotalPageCount()) ? at.next().encode(cursorKey) : null;
    return new Page<>(new ArrayList<>(byName.values()), next, null);
  }

  /** Every pull request a workflow ran on, each once with its newest run, lazily over the run history. */
  public Stream<PullRequest> pullRequests(String workspace, String repo, int workflowId) {
    Set<String> seen = new HashSet<>();
    return client.workspace(workspace).project(repo).pipeline(workflowId).executions()
        .map(Job::of)
        .filter(j -> j.pullRequest() != null && seen.add(j.pullRequest()))
        .map(PullRequest::of);
  }

  private ExecutionList executions(String workspace, String repo, int workflowId, PageCursor at) {
    return client.workspace(workspace).project(repo).pipeline(workflowId).executionsPage(at.page(), at.perPage());
  }

  private PageCursor cursor(String cursor, String scope, int pageSize) {
    return cursor == null ? PageCursor.of(scope, 1, pageSize) : PageCursor.decode(cursor, scope, cursorKey);
  }

  private <T> Page<T> page(PageCursor at, List<T> items, Integer totalPages, Integer totalItems) {
    String next = hasNext(at, items.size(), totalPages) ? at.next().encode(cursorKey) : null;
    return new Page<>(items, next, totalItems);
  }

  private static boolean hasNext(PageCursor at, int fetched, Integer totalPages) {
    return fetched >= at.perPage() && (totalPages == null || at.page() < totalPages);
  }

  private static <A, B> List<B> map(List<A> items, Function<A, B> f) {
    List<B> out = new ArrayList<>();
    if (items != null) {
      items.forEach(i -> out.add(f.apply(i)));
    }
    return out;
  }
}
