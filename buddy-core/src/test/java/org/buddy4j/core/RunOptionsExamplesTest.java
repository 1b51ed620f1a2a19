package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.buddy4j.core.generated.model.Priority;
import org.buddy4j.core.testing.ExampleFiles;
import org.buddy4j.core.testing.LoopbackServer;
import org.buddy4j.core.testing.LoopbackServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented run request, built with {@link RunOptions}, reaches the server exactly as documented. */
class RunOptionsExamplesTest {
  private static final String RUNS = "/workspaces/ws/projects/p/pipelines/2/executions";

  private static final Map<String, Supplier<RunOptions>> EXAMPLES = new LinkedHashMap<>();

  static {
    EXAMPLES.put("variables-actions", () -> RunOptions.atRevision("HEAD").comment("hotfix").clearCache(true)
        .priority("HIGH").variable("version", "1.0").encryptedVariable("pass", "qwerty").actions(1, 2));
    EXAMPLES.put("branch.legacy", () -> RunOptions.onBranch("master").comment("hotfix"));
    EXAMPLES.put("tag.legacy", () -> RunOptions.onTag("v1.0").comment("hotfix"));
    EXAMPLES.put("pull-request", () -> RunOptions.onPullRequest("pull/1").comment("hotfix"));
    EXAMPLES.put("specific-revision", () -> RunOptions.atRevision("a3006ad167").comment("Deploy hotfix to production"));
    EXAMPLES.put("priority-cache", () -> RunOptions.atRevision("009cfc7ece").fromRevision("1e20920873")
        .comment("Testing new features").refresh(false).clearCache(true).priority(Priority.HIGH));
  }

  private LoopbackServer server;
  private PipelineClient pipeline;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackServer();
    server.always("POST", RUNS, Answer.json(200, ExampleFiles.text("executions-run.response.json")));
    pipeline = BuddyClient.builder().token("FAKE-token-run-examples-0000").endpoint(server.url()).build()
        .workspace("ws").project("p").pipeline(2);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> examples() {
    return EXAMPLES.keySet().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void runOptionsSendTheDocumentedBody(String variant) {
    Execution run = pipeline.run(EXAMPLES.get(variant).get());

    assertEquals(3, run.id());
    List<LoopbackServer.Recorded> sent = server.requests("POST", RUNS);
    assertEquals(1, sent.size());
    assertEquals(ExampleFiles.tree("executions-run.request." + variant + ".json"), ExampleFiles.parse(sent.get(0).body()), variant);
  }

  @Test
  void everyDocumentedRunExampleIsBuiltHere() {
    TreeSet<String> documented = new TreeSet<>();
    for (String name : ExampleFiles.names()) {
      if (name.startsWith("executions-run.request.")) {
        documented.add(name.substring("executions-run.request.".length(), name.length() - ".json".length()));
      }
    }
    assertEquals(documented, new TreeSet<>(EXAMPLES.keySet()));
  }
}
