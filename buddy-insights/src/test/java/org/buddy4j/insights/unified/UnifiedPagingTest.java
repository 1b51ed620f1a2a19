package org.buddy4j.insights.unified;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.Test;

/** The cursor becomes Buddy's page/per_page on the wire, and the envelope decides when paging ends. */
class UnifiedPagingTest {
  private static final String PATH = "/workspaces/acme/projects/web/pipelines/2/executions";

  private static String page(int page, int perPage, int totalPages, int... ids) {
    String items = java.util.Arrays.stream(ids).mapToObj(id -> "{\"id\":" + id + ",\"status\":\"SUCCESSFUL\","
        + "\"start_date\":\"2026-01-01T00:00:00Z\",\"finish_date\":\"2026-01-01T00:01:00Z\"}").collect(Collectors.joining(","));
    return "{\"page\":" + page + ",\"page_size\":" + perPage + ",\"total_page_count\":" + totalPages
        + ",\"total_element_count\":5,\"executions\":[" + items + "]}";
  }

  @Test
  void pagesFollowTheCursor() throws Exception {
    try (LoopbackServer server = new LoopbackServer()) {
      server.enqueue("GET", PATH, Answer.json(200, page(1, 2, 3, 5, 4)), Answer.json(200, page(2, 2, 3, 3, 2)),
          Answer.json(200, page(3, 2, 3, 1)));
      BuddyClient client = FastClients.against(server, "t0ken").build();
      UnifiedCiCd view = UnifiedCiCd.of(client);
      Page<Job> p1 = view.jobs("acme", "web", 2, 2);
      Page<Job> p2 = view.jobs("acme", "web", 2, p1.nextCursor());
      Page<Job> p3 = view.jobs("acme", "web", 2, p2.nextCursor());
      assertEquals(List.of(5, 4, 3, 2, 1), java.util.stream.Stream.of(p1, p2, p3)
          .flatMap(p -> p.items().stream()).map(Job::id).collect(Collectors.toList()));
      assertNull(p3.nextCursor());
      assertEquals(5, p1.totalItems());
      assertEquals(List.of("page=1&per_page=2", "page=2&per_page=2", "page=3&per_page=2"),
          server.requests("GET", PATH).stream().map(r -> sorted(r.query())).collect(Collectors.toList()));
    }
  }

  private static String sorted(String query) {
    return java.util.Arrays.stream(query.split("&")).sorted().collect(Collectors.joining("&"));
  }
}
