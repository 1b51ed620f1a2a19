package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.buddy4j.batch.file.BatchFile;
import org.buddy4j.batch.file.BatchFileException;
import org.buddy4j.batch.file.BatchItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch files in the three formats: what is read, and every mistake reported with its line. */
class BatchFileTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private List<BatchItem> read(Path p) {
    BatchFile f = new BatchFile(p, null, "ws-default", "proj-default");
    f.check();
    List<BatchItem> out = new ArrayList<>();
    try (BatchFile.Items items = f.items()) {
      items.forEachRemaining(out::add);
    }
    return out;
  }

  private String problems(Path p) {
    BatchFile f = new BatchFile(p, null, null, null);
    return assertThrows(BatchFileException.class, f::check).getMessage();
  }

  @Test
  void yamlWithDefaultsIsReadWithLinesKeysAndTypedValues() throws IOException {
    Path p = write("b.yaml", """
        defaults:
          workspace: buddy
          project: web
          variables: {VERSION: "1.0"}
        runs:
          - pipeline: 2
            branch: master
          - key: prod
            pipeline: 3
            tag: 1.10
            priority: high
            clear_cache: true
            actions: [5, 6]
            variables: {VERSION: 1.10, EXTRA: yes}
            secret_variables: {TOKEN: s3cret}
        """);
    List<BatchItem> items = read(p);
    assertEquals(2, items.size());
    BatchItem a = items.get(0);
    assertEquals(6, a.line());
    assertEquals("buddy", a.workspace());
    assertEquals("web", a.project());
    assertEquals(2, a.pipeline());
    assertEquals("master", a.branch());
    assertEquals("1.0", a.variables().get("VERSION"));
    assertTrue(a.key().matches("r[0-9a-f]{12}"), a.key());
    BatchItem b = items.get(1);
    assertEquals("prod", b.key());
    assertEquals(8, b.line());
    assertEquals("1.10", b.tag(), "scalars keep the text as written");
    assertEquals("HIGH", b.priority());
    assertEquals(Boolean.TRUE, b.clearCache());
    assertEquals(List.of(5, 6), b.actions());
    assertEquals("1.10", b.variables().get("VERSION"));
    assertEquals("yes", b.variables().get("EXTRA"));
    assertEquals("s3cret", b.secretVariables().get("TOKEN"));
    // The content key is stable: the same run read again has the same key.
    assertEquals(a.key(), read(p).get(0).key());
  }

  @Test
  void yamlMistakesAreAllReportedWithTheirLines() throws IOException {
    Path p = write("bad.yaml", """
        runs:
          - pipeline: 2
            brnch: master
          - pipeline: two
          - pipeline: 2
            priority: URGENT
            clear_cache: maybe
          - pipeline: 2
            branch: a
            tag: b
          - [1, 2]
          - pipeline: 2
            variables: [A]
          - pipeline: 5
            delay_until: tomorrow
        """);
    String msg = problems(p);
    String f = p.toString();
    assertTrue(msg.contains(f + ":3: unknown field 'brnch' (did you mean 'branch'?); valid fields: key, workspace"), msg);
    assertTrue(msg.contains(f + ":4: field 'pipeline': 'two' is not the pipeline ID, a whole number such as 2"), msg);
    assertTrue(msg.contains(f + ":6: field 'priority': 'URGENT' is not a priority; valid choices: LOW, NORMAL, HIGH"), msg);
    assertTrue(msg.contains(f + ":7: field 'clear_cache': 'maybe' is not a boolean; valid choices: true, false"), msg);
    assertTrue(msg.contains(f + ":8: give only one of 'branch', 'tag' and 'pull_request' per run"), msg);
    assertTrue(msg.contains(f + ":11: expected a run (a mapping such as {pipeline: 2, branch: master}), got a list"), msg);
    assertTrue(msg.contains(f + ":13: field 'variables' needs a mapping"), msg);
    assertTrue(msg.contains(f + ":15: field 'delay_until': 'tomorrow' is not an ISO-8601 UTC time"), msg);
    // No workspace anywhere: said once per run that lacks it, with the way to fix it.
    assertTrue(msg.contains(f + ":8: no workspace for this run: set 'workspace', put it under 'defaults', or use --workspace"), msg);
  }

  @Test
  void malformedYamlStopsAtItsLine() throws IOException {
    Path p = write("broken.yaml", "runs:\n  - pipeline: 2\n    branch: [unclosed\n  - pipeline: 3\n");
    String msg = problems(p);
    assertTrue(msg.startsWith(p + ":"), msg);
    assertTrue(msg.contains("malformed YAML"), msg);
  }

  @Test
  void yamlShapeMistakes() throws IOException {
    assertTrue(problems(write("a.yaml", "jobs:\n  - pipeline: 2\n")).contains(":1: unknown top-level key 'jobs'; expected 'defaults' or 'runs'"));
    assertTrue(problems(write("b.yaml", "runs:\n  - pipeline: 2\n    workspace: w\n    project: p\ndefaults:\n  project: x\n"))
        .contains(":5: 'defaults:' after 'runs:'; put 'defaults:' before 'runs:'"));
    assertTrue(problems(write("c.yaml", "runs: []\n")).contains("no runs in the file"));
  }

  @Test
  void duplicatesAreFoundByKeyAndByContent() throws IOException {
    Path p = write("dup.yaml", """
        runs:
          - {pipeline: 2, branch: master}
          - {pipeline: 2, branch: develop}
          - {pipeline: 2, branch: master}
          - {key: a, pipeline: 2}
          - {key: a, pipeline: 3}
          - {pipeline: 2, branch: master, comment: again}
        """);
    BatchFile f = new BatchFile(p, null, "w", "p");
    String msg = assertThrows(BatchFileException.class, f::check).getMessage();
    assertTrue(msg.contains(p + ":4: duplicate run: the same run as line 2 (give each a distinct 'key' to start it twice)"), msg);
    assertTrue(msg.contains(p + ":6: duplicate run: key 'a' is already used on line 5"), msg);
    assertEquals(2, msg.lines().count(), msg);
  }

  @Test
  void csvIsReadWithVariableColumnsAndMistakesNamedByLine() throws IOException {
    Path ok = write("ok.csv", """
        # comment line
        key,pipeline,branch,comment,variables.VERSION,secret_variables.TOKEN,actions
        a,2,master,"release, with comma",1.0,s3cret,5;6
        b,2,develop,"two
        lines",,,
        """);
    List<BatchItem> items = read(ok);
    assertEquals(2, items.size());
    assertEquals(3, items.get(0).line());
    assertEquals("release, with comma", items.get(0).comment());
    assertEquals("1.0", items.get(0).variables().get("VERSION"));
    assertEquals("s3cret", items.get(0).secretVariables().get("TOKEN"));
    assertEquals(List.of(5, 6), items.get(0).actions());
    assertEquals("two\nlines", items.get(1).comment());
    assertTrue(items.get(1).variables().isEmpty());

    Path bad = write("bad.csv", """
        pipeline,branh,priority
        2,master,LOW
        x,master,LOW
        2,master
        2,develop,SOON
        """);
    String msg = problems(bad);
    assertTrue(msg.contains(bad + ":1: unknown column 'branh' (did you mean 'branch'?); valid columns:"), msg);
    assertTrue(msg.contains("variables.NAME, secret_variables.NAME"), msg);
    assertTrue(msg.contains(bad + ":3: field 'pipeline': 'x' is not the pipeline ID"), msg);
    assertTrue(msg.contains(bad + ":4: expected 3 cells as in the header on line 1 (pipeline,branh,priority), got 2"), msg);
    assertTrue(msg.contains(bad + ":5: field 'priority': 'SOON' is not a priority; valid choices: LOW, NORMAL, HIGH"), msg);
    assertTrue(problems(write("q.csv", "pipeline,comment\n2,\"never closed\n")).contains(":2: malformed CSV: a quoted cell"));
  }

  @Test
  void jsonLinesMistakesAreReportedPerLineAndReadingGoesOn() throws IOException {
    Path ok = write("ok.jsonl", """
        {"pipeline": 2, "branch": "master", "variables": {"N": 1}}

        # a comment
        {"key": "x", "pipeline": 4, "pull_request": "pull/3", "refresh": false}
        """);
    List<BatchItem> items = read(ok);
    assertEquals(List.of(1, 4), items.stream().map(BatchItem::line).toList());
    assertEquals("1", items.get(0).variables().get("N"));
    assertEquals("pull/3", items.get(1).pullRequest());

    Path bad = write("bad.jsonl", """
        {"pipeline": 2, "workspace": "w", "project": "p"}
        {"pipeline": 2, oops}
        [1, 2]
        {"pipeline": 2, "workspace": "w", "project": "p", "pipeline": 3}
        {"pipeline": 0, "workspace": "w", "project": "p", "colour": "red"}
        """);
    String msg = problems(bad);
    assertTrue(msg.contains(bad + ":2: malformed JSON line:"), msg);
    assertTrue(msg.contains(bad + ":3: expected a JSON object"), msg);
    assertTrue(msg.contains(bad + ":4: malformed JSON line: Duplicate field 'pipeline'"), msg);
    assertTrue(msg.contains(bad + ":5: field 'pipeline': '0' is not the pipeline ID"), msg);
    assertTrue(msg.contains(bad + ":5: unknown field 'colour'"), msg);
  }

  @Test
  void unknownExtensionAndMissingFileAreClear() throws IOException {
    Path txt = write("runs.txt", "x");
    assertTrue(assertThrows(BatchFileException.class, () -> new BatchFile(txt, null, null, null))
        .getMessage().contains("cannot tell the format from the file name"));
    assertTrue(problems(dir.resolve("missing.yaml")).endsWith("missing.yaml: no such file"));
  }

  @Test
  void theExampleBatchFilesAreValid() {
    Path root = Path.of(System.getProperty("buddy4j.repoRoot", "..")).resolve("examples");
    for (String name : List.of("release.yaml", "release.csv", "release.jsonl")) {
      BatchFile f = new BatchFile(root.resolve(name), null, "buddy", "company-website");
      assertTrue(f.check().runs() > 0, name);
    }
    assertNotEquals(BatchFile.sha256(root.resolve("release.yaml")), BatchFile.sha256(root.resolve("release.csv")));
  }
}
