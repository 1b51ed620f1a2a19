package org.buddy4j.batch.engine;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.function.Consumer;
import org.buddy4j.core.errors.BuddyRateLimitException;
import org.buddy4j.core.generated.model.ExecutionData;
import org.buddy4j.core.generated.model.ExecutionList;

/**
 * Walks {@code GET …/pipelines/{pipeline_id}/executions?page=N&per_page=100} newest first, one paced
 * call per page (so each page waits its turn in the observe budget), down to a known execution ID.
 * One page refreshes up to 100 runs; this is how the runner polls and reconciles in few calls.
 * (The facade's {@code pipeline.executions()} stream pages by itself inside one blocking call;
 * {@code executionsPage(page, perPage)} lets every page be paced separately.)
 */
final class ExecutionPages {
  static final int PER_PAGE = 100;

  private ExecutionPages() {}

  /**
   * Calls {@code each} for every execution from the newest down to (and including) the first page that
   * reaches {@code downTo} or the end of the list. Fails on the first error other than a 429 (after
   * a 429 the same page is asked again once the limiter allows).
   */
  static Future<Integer> walk(ApiCalls calls, PipelineState p, int downTo, Consumer<ExecutionData> each) {
    Promise<Integer> done = Promise.promise();
    page(calls, p, downTo, each, 1, done);
    return done.future();
  }

  private static void page(ApiCalls calls, PipelineState p, int downTo, Consumer<ExecutionData> each, int n,
                           Promise<Integer> done) {
    calls.call(Lane.OBSERVE, () -> calls.client().workspace(p.ref.workspace()).project(p.ref.project())
            .pipeline(p.ref.pipeline()).executionsPage(n, PER_PAGE))
        .onSuccess(list -> {
          List<ExecutionData> items = list.getExecutions() == null ? List.of() : list.getExecutions();
          int lowest = Integer.MAX_VALUE;
          for (ExecutionData e : items) {
            if (e.getId() != null) {
              p.saw(e.getId());
              lowest = Math.min(lowest, e.getId());
              each.accept(e);
            }
          }
          if (items.size() < PER_PAGE || lowest <= downTo || isLast(list, n)) {
            done.complete(n);
          } else {
            page(calls, p, downTo, each, n + 1, done);
          }
        })
        .onFailure(err -> {
          if (err instanceof BuddyRateLimitException) {
            page(calls, p, downTo, each, n, done);
          } else {
            done.fail(err);
          }
        });
  }

  private static boolean isLast(ExecutionList list, int n) {
    return list.getTotalPageCount() != null && n >= list.getTotalPageCount();
  }

  /** The newest execution ID of the pipeline (0 when it has none): one call with per_page=1. */
  static Future<Integer> newestId(ApiCalls calls, PipelineState p) {
    return calls.call(Lane.OBSERVE, () -> calls.client().workspace(p.ref.workspace()).project(p.ref.project())
            .pipeline(p.ref.pipeline()).executionsPage(1, 1))
        .map(list -> list.getExecutions() == null || list.getExecutions().isEmpty()
            || list.getExecutions().get(0).getId() == null ? 0 : list.getExecutions().get(0).getId());
  }
}
