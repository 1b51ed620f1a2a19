package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.buddy4j.core.Execution;
import org.buddy4j.core.RunOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code pipeline.executions()} walks 250 seeded runs newest first, lazily, with the fewest list requests. */
class ExecutionPagingE2eTest extends E2eTestBase {
  private static final int RUNS = 250;

  @BeforeEach
  void seedHistory() {
    JsonObject seed = DefaultSeed.load();
    DefaultSeed.pipeline(seed, 2).put("history", RUNS);
    admin.seed(seed);
    admin.clearRequests();
  }

  @Test
  void everyRunComesOnceNewestFirstInFivePagesOfFifty() {
    List<Integer> ids = pipeline(2).executions().map(Execution::id).collect(Collectors.toList());
    assertEquals(IntStream.iterate(RUNS, i -> i - 1).limit(RUNS).boxed().collect(Collectors.toList()), ids,
      "250..1, newest first, none missing or repeated");
    List<String> queries = listQueries();
    assertEquals(List.of(1, 2, 3, 4, 5), pages(queries), "5 requests: the last page is known from total_page_count");
    queries.forEach(q -> assertEquals(true, q.contains("per_page=50"), q));
  }

  @Test
  void aLargerPageSizeNeedsFewerRequests() {
    assertEquals(RUNS, pipeline(2).executions(100).count());
    assertEquals(List.of(1, 2, 3), pages(listQueries()), "100 + 100 + a short page of 50");
  }

  @Test
  void pagesAreFetchedOnlyWhenReached() {
    List<Integer> newest = pipeline(2).executions().limit(10).map(Execution::id).collect(Collectors.toList());
    assertEquals(List.of(250, 249, 248, 247, 246, 245, 244, 243, 242, 241), newest);
    assertEquals(List.of(1), pages(listQueries()), "one request for the first ten");
  }

  @Test
  void aNewRunIsFirstInTheNextWalk() {
    Execution run = pipeline(2).run(RunOptions.onBranch("master").comment("e2e newest"));
    assertEquals(RUNS + 1, run.id());
    List<Execution> all = pipeline(2).executions().collect(Collectors.toList());
    assertEquals(RUNS + 1, all.size());
    assertEquals("e2e newest", all.get(0).data().getComment());
    assertEquals(List.of(1, 2, 3, 4, 5, 6), pages(listQueries()));
  }

  private static List<String> listQueries() {
    return admin.requests("getExecutions").stream().map(r -> r.getString("query")).collect(Collectors.toList());
  }

  private static List<Integer> pages(List<String> queries) {
    return queries.stream().map(q -> {
      for (String pair : q.split("&")) {
        if (pair.startsWith("page=")) {
          return Integer.parseInt(pair.substring(5));
        }
      }
      throw new AssertionError("no page in " + q);
    }).collect(Collectors.toList());
  }
}
