package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.buddy4j.core.testing.FastClients;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** logs() pages an action's log by offset/limit up to its total; followLogs() keeps polling while the action runs. */
class LogReadingTest {
  private static final String EXECUTION = "/workspaces/acme/projects/web/pipelines/2/executions/7";
  private static final String ACTION = EXECUTION + "/action_executions/68e49e0e0875a8847e0980da";
  private static final String LOGS = ACTION + "/logs";
  private static final Pattern OFFSET = Pattern.compile("(?:^|&)offset=(\\d+)");

  private LoopbackServer server;
  private Execution execution;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    server.enqueue("GET", EXECUTION, Answer.json(200, "{\"id\": 7, \"status\": \"INPROGRESS\"}"));
    execution = FastClients.against(server, "FAKE-token-logs-0010").build()
        .workspace("acme").project("web").pipeline(2).execution(7);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Answer logPage(int offset, Integer total, List<String> lines) {
    String json = "{\"offset\": " + offset + ", \"element_count\": " + lines.size()
        + (total == null ? "" : ", \"total_element_count\": " + total)
        + ", \"logs\": [" + lines.stream().map(l -> "\"" + l + "\"").collect(Collectors.joining(",")) + "]}";
    return Answer.json(200, json);
  }

  private static List<String> lines(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "line " + i).toList();
  }

  private static Answer action(String status) {
    return Answer.json(200, "{\"action_execution_id\": \"68e49e0e0875a8847e0980da\", \"status\": \"" + status + "\""
        + (status.equals("SUCCESSFUL") ? ", \"finish_date\": \"2026-03-01T12:00:00Z\"" : "") + "}");
  }

  private List<Integer> offsetsRequested() {
    List<Integer> out = new ArrayList<>();
    for (LoopbackServer.Recorded r : server.requests("GET", LOGS)) {
      Matcher m = OFFSET.matcher(r.query());
      assertTrue(m.find(), r.query());
      out.add(Integer.parseInt(m.group(1)));
    }
    return out;
  }

  @Test
  void logsArePagedByOffsetAndLimitUntilTheTotal() {
    server.enqueue("GET", LOGS, logPage(0, 2500, lines(0, 1000)), logPage(1000, 2500, lines(1000, 2000)),
        logPage(2000, 2500, lines(2000, 2500)));
    server.always("GET", LOGS, logPage(2500, 2500, List.of()));

    List<String> all = execution.logs("68e49e0e0875a8847e0980da").toList();

    assertEquals(lines(0, 2500), all);
    List<String> queries = server.requests("GET", LOGS).stream().map(LoopbackServer.Recorded::query).toList();
    assertEquals(List.of("offset=0&limit=1000", "offset=1000&limit=1000", "offset=2000&limit=1000"), queries,
        "one request per page, none past the total");
  }

  @Test
  void logsWithoutATotalStopAtTheFirstEmptyPage() {
    server.enqueue("GET", LOGS, logPage(0, null, lines(0, 3)));
    server.always("GET", LOGS, logPage(3, null, List.of()));

    assertEquals(lines(0, 3), execution.logs("68e49e0e0875a8847e0980da").toList());
    assertEquals(List.of(0, 3), offsetsRequested(), "the empty page ends the read");
    assertTrue(server.requests("GET", ACTION).isEmpty(), "a plain read does not poll the action's status");
  }

  @Test
  void followLogsKeepsPollingWhileTheActionRunsAndEndsOnceItFinished() {
    server.enqueue("GET", LOGS,
        logPage(0, 2, lines(0, 2)),   // first read
        logPage(2, 2, List.of()),     // nothing new yet: the action is still INPROGRESS
        logPage(2, 3, lines(2, 3)),   // a line written while we waited
        logPage(3, 3, List.of()),     // nothing new: the action has now finished...
        logPage(3, 4, lines(3, 4)));  // ...but one last line arrived before it did
    server.always("GET", LOGS, logPage(4, 4, List.of()));
    server.enqueue("GET", ACTION, action("INPROGRESS"));
    server.always("GET", ACTION, action("SUCCESSFUL"));

    Iterator<String> it = execution.followLogs("68e49e0e0875a8847e0980da");
    List<String> seen = new ArrayList<>();
    it.forEachRemaining(seen::add);

    assertEquals(lines(0, 4), seen);
    assertFalse(it.hasNext());
    int statusPolls = server.requests("GET", ACTION).size();
    assertTrue(statusPolls >= 2, "polled the action while it ran, then saw it finish: " + statusPolls);
    // Every read starts right after the last line already read: nothing skipped, nothing twice.
    List<Integer> offsets = offsetsRequested();
    assertEquals(0, offsets.get(0));
    for (int i = 1; i < offsets.size(); i++) {
      assertTrue(offsets.get(i) >= offsets.get(i - 1) && offsets.get(i) <= 4, offsets.toString());
    }
    assertEquals(4, offsets.get(offsets.size() - 1), "the last read asked past every line: " + offsets);
  }
}
