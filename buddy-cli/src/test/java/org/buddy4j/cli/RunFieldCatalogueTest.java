package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.buddy4j.batch.file.BatchFields;
import org.buddy4j.cli.TestEmulator.Result;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.RunField;
import org.buddy4j.core.RunFields;
import org.buddy4j.core.RunOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every field of core's run-request catalogue (generated from the spec's {@code RunExecutionRequest}) is
 * settable from each of the four front ends, and each sends it: {@link RunOptions#set}, a batch file in each
 * of its three formats, a {@code buddy runs start} flag, and the DSL's block and named forms. Nothing here
 * names a field: the fields, their spellings and example values are read from the catalogue, and each sent
 * body (the emulator's request log) is checked against what the field's kind says the JSON must be. So a
 * field added to the spec is covered with no edit here, and one a front end misses fails here.
 */
class RunFieldCatalogueTest {
  private static final String SECRET = "FAKE-SECRET-catalogue-1";

  static TestEmulator buddy;
  static BuddyClient client;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    buddy = TestEmulator.start(50);
    client = BuddyClient.builder().token(buddy.emulator.token()).endpoint(buddy.baseUrl()).build();
  }

  @AfterAll
  static void stop() {
    buddy.close();
  }

  @BeforeEach
  void reset() {
    buddy.clearRequests();
  }

  @Test
  void theCatalogueHoldsEveryPropertyOfTheSpecsRunRequest() throws Exception {
    JsonNode spec = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
        .readTree(ExamplesPaths.spec().toFile());
    List<String> properties = new ArrayList<>();
    spec.path("components").path("schemas").path("RunExecutionRequest").path("properties").fieldNames()
        .forEachRemaining(properties::add);
    assertEquals(properties, RunFields.get().all().stream().map(RunField::json).toList());
    assertTrue(properties.size() >= 14, properties.toString());
  }

  @Test
  void runOptionsSetsEveryField() {
    for (RunField f : RunFields.get().all()) {
      RunOptions o = RunOptions.defaults();
      if (f.kind() == RunField.Kind.VARIABLES) {
        o.variable("VERSION", "1.4").encryptedVariable("DEPLOY_KEY", SECRET);
      } else {
        o.set(f.name(), f.example());
      }
      client.workspace("buddy").project("company-website").pipeline(2).run(o);
      assertSent(f, onlyRun(), "RunOptions.set(\"" + f.name() + "\", …)");
      assertFalse(o.toString().contains(SECRET), "toString masks encrypted values: " + o);
    }
  }

  @Test
  void runsStartHasAFlagForEveryField() {
    for (RunField f : RunFields.get().all()) {
      List<String> args = new ArrayList<>(List.of("runs", "start", "2"));
      switch (f.kind()) {
        case VARIABLES -> args.addAll(List.of("--" + f.cliName(), "VERSION=1.4", "--" + f.secret().cliName(), "DEPLOY_KEY=" + SECRET));
        case BOOLEAN -> args.add("--" + f.cliName());
        case NUMBERS -> args.addAll(List.of("--" + f.cliName(), f.example().replace(" ", "")));
        default -> args.addAll(List.of("--" + f.cliName(), f.example()));
      }
      Result r = TestEmulator.cli(buddy.env(), args.toArray(String[]::new));
      assertEquals(0, r.code(), args + ": " + r);
      assertFalse((r.out() + r.err()).contains(SECRET), r.toString());
      assertSent(f, onlyRun(), String.join(" ", args));
    }
    Result help = TestEmulator.cli(buddy.env(), "runs", "start", "--help");
    for (RunField f : RunFields.get().all()) {
      assertTrue(help.out().contains("--" + f.cliName()), f.cliName() + " in --help:\n" + help.out());
    }
  }

  @Test
  void theDslHasARunWordForEveryFieldInTheBlockAndNamedForms() throws Exception {
    for (RunField f : RunFields.get().all()) {
      for (boolean block : new boolean[] {true, false}) {
        String script;
        if (block) {
          script = "run(pipeline: 2) {\n  " + (f.kind() == RunField.Kind.VARIABLES
              ? f.dslWord() + " \"VERSION\", \"1.4\"\n  " + f.secret().dslWord() + " \"DEPLOY_KEY\", env(\"DEPLOY_KEY\")"
              : f.dslWord() + " " + dslValue(f)) + "\n}\n";
        } else {
          script = "run pipeline: 2, " + (f.kind() == RunField.Kind.VARIABLES
              ? f.dslWord() + "s: [VERSION: \"1.4\"], " + f.secret().dslWord() + "s: [DEPLOY_KEY: env(\"DEPLOY_KEY\")]"
              : f.dslWord() + ": " + (f.kind() == RunField.Kind.NUMBERS ? "[" + f.example() + "]" : dslValue(f))) + "\n";
        }
        Path file = Files.writeString(dir.resolve(f.dslWord() + (block ? "-block" : "-named") + ".groovy"), script);
        java.util.Map<String, String> env = new java.util.HashMap<>(buddy.env());
        env.put("DEPLOY_KEY", SECRET);
        buddy.clearRequests();
        Result r = TestEmulator.cli(env, "script", file.toString());
        assertEquals(0, r.code(), script + r);
        assertFalse((r.out() + r.err()).contains(SECRET), r.toString());
        assertSent(f, onlyRun(), script);
      }
    }
  }

  @Test
  void aBatchFileSetsEveryFieldInEachFormat() throws Exception {
    StringBuilder yaml = new StringBuilder("defaults: {pipeline: 2}\nruns:\n");
    StringBuilder jsonl = new StringBuilder();
    List<String> columns = new ArrayList<>(List.of("key", "pipeline"));
    List<RunField> fields = RunFields.get().all();
    for (RunField f : fields) {
      ObjectNode run = JsonNodeFactory.instance.objectNode().put("key", f.name()).put("pipeline", 2);
      if (f.kind() == RunField.Kind.VARIABLES) {
        run.putObject(f.name()).put("VERSION", "1.4");
        run.putObject(f.secret().name()).put("DEPLOY_KEY", SECRET);
        columns.add(f.name() + ".VERSION");
        columns.add(f.secret().name() + ".DEPLOY_KEY");
      } else {
        run.set(f.name(), batchValue(f));
        columns.add(f.name());
      }
      run.remove("pipeline");
      yaml.append("  - ").append(run).append('\n'); // JSON is YAML
      jsonl.append(run.deepCopy().put("pipeline", 2)).append('\n');
    }
    StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
    for (RunField f : fields) {
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        cells.add(column.equals("key") ? f.name() : column.equals("pipeline") ? "2"
            : column.equals(f.name()) ? csvCell(f)
            : f.kind() == RunField.Kind.VARIABLES && column.equals(f.name() + ".VERSION") ? "1.4"
            : f.kind() == RunField.Kind.VARIABLES && column.equals(f.secret().name() + ".DEPLOY_KEY") ? SECRET : "");
      }
      csv.append(String.join(",", cells)).append('\n');
    }
    for (String[] format : new String[][] {{"runs.yaml", yaml.toString()}, {"runs.jsonl", jsonl.toString()}, {"runs.csv", csv.toString()}}) {
      Path file = Files.writeString(dir.resolve(format[0]), format[1]);
      buddy.clearRequests();
      Result r = TestEmulator.cli(buddy.env(), "batch", file.toString(), "--journal", dir.resolve(format[0] + ".journal").toString(),
          "--poll-interval", "200ms", "--settle", "50ms", "--progress", "none");
      assertFalse(r.code() == 2, format[1] + r);
      assertFalse((r.out() + r.err()).contains(SECRET), r.toString());
      List<JsonNode> runs = runs();
      for (RunField f : fields) {
        String key = ":" + f.name() + "]";
        JsonNode body = runs.stream().filter(b -> b.path("comment").asText().contains(key)).findFirst()
            .orElseThrow(() -> new AssertionError(format[0] + ": no run for " + f.name() + " in " + runs));
        assertSent(f, body, format[0] + " field " + f.name());
      }
    }
    Result help = TestEmulator.cli(buddy.env(), "batch", "--help");
    String flat = help.out().replaceAll("\\s+", " ");
    BatchFields.FIELDS.keySet().forEach(name -> assertTrue(flat.contains(name), name + " in batch --help:\n" + help.out()));
  }

  /** The bodies of the runs started since the log was cleared. */
  private static List<JsonNode> runs() {
    return buddy.requests().stream().filter(r -> "runExecution".equals(r.path("operationId").asText()))
        .map(r -> r.path("body")).toList();
  }

  private static JsonNode onlyRun() {
    List<JsonNode> runs = runs();
    buddy.clearRequests();
    assertEquals(1, runs.size(), runs.toString());
    return runs.get(0);
  }

  /** The body carries the field as its kind says: checked against the catalogue, not against RunOptions. */
  private static void assertSent(RunField f, JsonNode body, String how) {
    JsonNode sent = body.path(f.json());
    if (f.kind() == RunField.Kind.VARIABLES) {
      assertEquals("VERSION", sent.path(0).path("key").asText(), how + ": " + body);
      assertEquals("1.4", sent.path(0).path("value").asText(), how + ": " + body);
      assertFalse(sent.path(0).path("encrypted").asBoolean(), how + ": " + body);
      assertEquals("DEPLOY_KEY", sent.path(1).path("key").asText(), how + ": " + body);
      assertTrue(sent.path(1).path("encrypted").asBoolean(), how + ": " + body);
      return;
    }
    if (f.json().equals("comment")) {
      assertTrue(sent.asText().startsWith(f.example()), how + ": " + body); // a batch appends its marker
      return;
    }
    assertEquals(expected(f), sent, how + ": " + body);
  }

  /** The JSON a field's example must become, from its kind alone. */
  private static JsonNode expected(RunField f) {
    JsonNodeFactory n = JsonNodeFactory.instance;
    JsonNode v = switch (f.kind()) {
      case BOOLEAN -> n.booleanNode(true);
      case NUMBER -> n.numberNode(Integer.parseInt(f.example()));
      case NUMBERS -> {
        ArrayNode ids = n.arrayNode();
        for (String id : f.example().split("[,\\s]+")) {
          ids.add(Integer.parseInt(id));
        }
        yield ids;
      }
      case DATE_TIME -> n.textNode(java.time.Instant.parse(f.example()).toString());
      default -> n.textNode(f.example());
    };
    return f.wrap() == null ? v : n.objectNode().set(f.wrap(), v);
  }

  private static String dslValue(RunField f) {
    return switch (f.kind()) {
      case BOOLEAN, NUMBER, NUMBERS -> f.example();
      default -> "\"" + f.example().replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + "\"";
    };
  }

  private static JsonNode batchValue(RunField f) {
    JsonNodeFactory n = JsonNodeFactory.instance;
    return switch (f.kind()) {
      case BOOLEAN -> n.booleanNode(true);
      case NUMBERS -> {
        ArrayNode ids = n.arrayNode();
        for (String id : f.example().split("[,\\s]+")) {
          ids.add(Integer.parseInt(id));
        }
        yield ids;
      }
      default -> n.textNode(f.example());
    };
  }

  private static String csvCell(RunField f) {
    String cell = f.kind() == RunField.Kind.NUMBERS ? f.example().replaceAll("[,\\s]+", ";")
        : f.kind() == RunField.Kind.BOOLEAN ? "true" : f.example();
    return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
  }

  /** Where the spec is, for the test that the catalogue is the whole schema. */
  private static final class ExamplesPaths {
    static Path spec() {
      Path p = Path.of("").toAbsolutePath();
      while (p != null && !Files.exists(p.resolve("api-spec/openapi.yaml"))) {
        p = p.getParent();
      }
      return p.resolve("api-spec/openapi.yaml");
    }
  }
}
