package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pipeline.executions() walks Buddy's pages lazily and stops at the last, short or empty page. */
class ExecutionPagingTest {
  private static final String RUNS = "/workspaces/acme/projects/web/pipelines/2/executions";

  private LoopbackServer server;
  private PipelineClient pipeline;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    pipeline = FastClients.against(server, "FAKE-token-paging-0007").build().workspace("acme").project("web").pipeline(2);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Page {@code page} of {@code size}: executions numbered from {@code first} down, with Buddy's envelope. */
  private static Answer page(int page, int pageSize, int first, int count, Integer totalPages, Integer total) {
    String items = IntStream.range(0, count)
        .mapToObj(i -> "{\"id\": " + (first - i) + ", \"status\": \"SUCCESSFUL\"}")
        .collect(Collectors.joining(","));
    StringBuilder json = new StringBuilder("{\"page\": " + page + ", \"page_size\": " + pageSize
        + ", \"element_count\": " + count);
    if (totalPages != null) {
      json.append(", \"total_page_count\": ").append(totalPages);
    }
    if (total != null) {
      json.append(", \"total_element_count\": ").append(total);
    }
    return Answer.json(200, json.append(", \"executions\": [").append(items).append("]}").toString());
  }

  private List<String> queries() {
    return server.requests("GET", RUNS).stream().map(LoopbackServer.Recorded::query).toList();
  }

  @Test
  void walksEveryPageOnceAndStopsAtTheLastOneTheEnvelopeAnnounces() {
    for (int p = 1; p <= 5; p++) {
      server.enqueue("GET", RUNS, page(p, 50, 250 - (p - 1) * 50, 50, 5, 250));
    }
    server.always("GET", RUNS, page(6, 50, 0, 50, 5, 250)); // never asked for

    List<Integer> ids = pipeline.executions().map(Execution::id).toList();

    assertEquals(250, ids.size());
    assertEquals(IntStream.iterate(250, i -> i - 1).limit(250).boxed().toList(), ids, "in order, none twice");
    assertEquals(List.of("page=1&per_page=50", "page=2&per_page=50", "page=3&per_page=50", "page=4&per_page=50",
        "page=5&per_page=50"), queries());
  }

  @Test
  void isLazyAPrefixFetchesOnlyTheFirstPage() {
    for (int p = 1; p <= 5; p++) {
      server.enqueue("GET", RUNS, page(p, 50, 250 - (p - 1) * 50, 50, 5, 250));
    }

    List<Integer> ids = pipeline.executions().limit(10).map(Execution::id).toList();

    assertEquals(10, ids.size());
    assertEquals(List.of("page=1&per_page=50"), queries());
  }

  @Test
  void aShortPageEndsTheWalkWithoutAnEnvelope() {
    server.enqueue("GET", RUNS, page(1, 50, 70, 50, null, null), page(2, 50, 20, 20, null, null));
    server.always("GET", RUNS, page(3, 50, 999, 50, null, null));

    assertEquals(70, pipeline.executions().count());
    assertEquals(List.of("page=1&per_page=50", "page=2&per_page=50"), queries());
  }

  @Test
  void anEmptyPageEndsTheWalk() {
    server.enqueue("GET", RUNS, page(1, 50, 100, 50, null, null), page(2, 50, 0, 0, null, null));
    server.always("GET", RUNS, page(3, 50, 999, 50, null, null));

    assertEquals(50, pipeline.executions().count());
    assertEquals(List.of("page=1&per_page=50", "page=2&per_page=50"), queries());
  }

  @Test
  void perPageIsSentAsAsked() {
    server.enqueue("GET", RUNS, page(1, 20, 30, 20, 2, 30), page(2, 20, 10, 10, 2, 30));

    assertEquals(30, pipeline.executions(20).count());
    assertEquals(List.of("page=1&per_page=20", "page=2&per_page=20"), queries());
  }
}
