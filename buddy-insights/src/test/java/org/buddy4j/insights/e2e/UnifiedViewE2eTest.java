package org.buddy4j.insights.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.core.RunOptions;
import org.buddy4j.insights.unified.Branch;
import org.buddy4j.insights.unified.Job;
import org.buddy4j.insights.unified.JobConclusion;
import org.buddy4j.insights.unified.JobStatus;
import org.buddy4j.insights.unified.Page;
import org.buddy4j.insights.unified.PullRequest;
import org.buddy4j.insights.unified.UnifiedCiCd;
import org.buddy4j.insights.unified.Workflow;
import org.junit.jupiter.api.Test;

/** The unified CI/CD view over the seeded emulator: resources, status vs conclusion, cursor paging. */
class UnifiedViewE2eTest extends HistoryTestBase {

  @Test
  void workspacesReposWorkflowsAndBranches() {
    UnifiedCiCd view = UnifiedCiCd.of(buddy);
    assertEquals(List.of("acme"), view.workspaces(null).items().stream().map(w -> w.handle()).collect(Collectors.toList()));
    assertEquals(List.of("shop", "empty-project"),
        view.repos(WS, 20).items().stream().map(r -> r.name()).collect(Collectors.toList()));
    List<Workflow> workflows = view.workflows(WS, PROJECT, 20).items();
    assertEquals(List.of("deploy-prod", "tests"), workflows.stream().map(Workflow::name).collect(Collectors.toList()));
    assertEquals("SUCCESSFUL", workflows.get(0).lastStatus());
    List<Branch> branches = view.branches(WS, PROJECT, 20).items();
    assertEquals(List.of("master", "develop", "feature/login"), branches.stream().map(Branch::name).collect(Collectors.toList()));
    assertTrue(branches.get(0).isDefault());
  }

  @Test
  void jobsPageWithAnOpaqueCursorThatCannotBeTamperedWith() {
    UnifiedCiCd view = UnifiedCiCd.of(buddy);
    List<Integer> ids = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    Page<Job> page = view.jobs(WS, PROJECT, 1, 4);
    String second = page.nextCursor();
    while (true) {
      page.items().forEach(j -> ids.add(j.id()));
      pageSizes.add(page.items().size());
      if (!page.hasNext()) {
        break;
      }
      page = view.jobs(WS, PROJECT, 1, page.nextCursor());
    }
    assertEquals(List.of(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1), ids);  // 11 runs, newest first
    assertEquals(List.of(4, 4, 3), pageSizes);                         // per_page 4: pages of 4, 4, 3
    assertEquals(11, view.jobs(WS, PROJECT, 1, 4).totalItems());

    char[] c = second.toCharArray();
    c[3] = c[3] == 'A' ? 'B' : 'A';
    assertThrows(IllegalArgumentException.class, () -> view.jobs(WS, PROJECT, 1, new String(c)));
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> view.jobs(WS, PROJECT, 2, second));
    assertTrue(other.getMessage().contains("another list"), other.getMessage());
    assertThrows(IllegalArgumentException.class, () -> UnifiedCiCd.of(buddy).jobs(WS, PROJECT, 1, second),
        "a cursor from a view with another key");
    assertEquals(List.of(7, 6, 5, 4), view.jobs(WS, PROJECT, 1, second).items().stream().map(Job::id)
        .collect(Collectors.toList()));
  }

  @Test
  void statusAndConclusionAreKeptApart() {
    UnifiedCiCd view = UnifiedCiCd.of(buddy);
    Job failed = view.job(WS, PROJECT, 1, 3);
    assertEquals(JobStatus.COMPLETED, failed.status());
    assertEquals(JobConclusion.FAILED, failed.conclusion());
    assertEquals("FAILED", failed.raw().getStatus());
    assertEquals(JobConclusion.CANCELLED, view.job(WS, PROJECT, 1, 4).conclusion());
    assertEquals(JobConclusion.PASSED, view.job(WS, PROJECT, 1, 2).conclusion());

    int id = pipeline(2).run(RunOptions.onBranch("develop")).id();
    Job queued = view.job(WS, PROJECT, 2, id);
    assertEquals(JobStatus.QUEUED, queued.status());
    assertNull(queued.conclusion());
    admin("POST", "/__emulator/clock/advance", "{\"seconds\": 3}"); // out of the queue, into action 1
    Job running = view.job(WS, PROJECT, 2, id);
    assertEquals(JobStatus.IN_PROGRESS, running.status());
    assertNull(running.conclusion());
  }

  @Test
  void pullRequestsComeFromTheRunsThatCarryOne() {
    UnifiedCiCd view = UnifiedCiCd.of(buddy);
    List<PullRequest> prs = view.pullRequests(WS, PROJECT, 1).collect(Collectors.toList());
    assertEquals(1, prs.size());
    assertEquals("pull/7", prs.get(0).name());
    assertEquals(7, prs.get(0).number());
    assertEquals(9, prs.get(0).latestJob().id());
    assertEquals(JobConclusion.PASSED, prs.get(0).latestJob().conclusion());
    // paged, 4 runs a page: page 1 holds runs 11, 10, 9, 8 and so pull/7; page 2 (7..4) has none
    Page<PullRequest> first = view.pullRequests(WS, PROJECT, 1, null, 4);
    assertEquals(1, first.items().size());
    Page<PullRequest> second = view.pullRequests(WS, PROJECT, 1, first.nextCursor(), 4);
    assertTrue(second.items().isEmpty());
    assertSame(null, view.pullRequests(WS, PROJECT, 2, null, 20).nextCursor());
  }
}
