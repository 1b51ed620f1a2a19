package org.buddy4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.buddy4j.dsl.ide.ReferenceWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example script (examples/*.groovy) and every groovy block of docs/dsl.md runs against the
 * emulator: its declarations are applied, then it runs; applying is then converged (the run's own apply
 * writes nothing) and the state-changing requests the emulator received equal what the script's dry run
 * printed for its statements, in order (polling GETs depend on timing and are not compared).
 */
class ExamplesTest {
  static final Path ROOT = Path.of(System.getProperty("buddy4j.repoRoot", "..")).toAbsolutePath().normalize();
  private static final Pattern FENCE = Pattern.compile("```groovy\\n(.*?)```", Pattern.DOTALL);
  private static EmulatorFixture emulator;

  record Example(String name, String text) {
    @Override
    public String toString() {
      return name;
    }

    /** Header line {@code // dry-run: --assume FAILED}. */
    String assumed() {
      Matcher m = Pattern.compile("// dry-run: --assume (\\w+)").matcher(text);
      return m.find() ? m.group(1) : "SUCCESSFUL";
    }
  }

  @BeforeAll
  static void start() {
    emulator = new EmulatorFixture();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  static ScriptOptions options(PrintStream out) {
    return ScriptOptions.defaults().out(out)
        .environment(Map.of("BUDDY_WORKSPACE", "buddy", "BUDDY_PROJECT", "company-website", "HOME", "/tmp"));
  }

  static Stream<Example> examples() throws IOException {
    List<Example> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".groovy")).sorted().toList()) {
        out.add(new Example("examples/" + p.getFileName(), Files.readString(p)));
      }
    }
    out.addAll(docExamples());
    return out.stream();
  }

  static List<Example> docExamples() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/dsl.md"));
    List<Example> out = new ArrayList<>();
    Matcher m = FENCE.matcher(doc);
    int n = 0;
    while (m.find()) {
      n++;
      int line = (int) doc.substring(0, m.start()).lines().count() + 2;
      out.add(new Example("docs/dsl.md:" + line + " (example " + n + ")", m.group(1)));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void sendsExactlyWhatItsDryRunPrinted(Example example) {
    emulator.reset();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ScriptOptions options = options(new PrintStream(printed, true, StandardCharsets.UTF_8)).assumeRunsEnd(example.assumed());
    CompiledScript script = BuddyScripts.compile(example.name(), example.text(), options);
    DryRun dry = script.dryRun(options);
    assertFalse(dry.requests().isEmpty() && dry.desiredState().isEmpty(), "the example does nothing");
    if (example.text().startsWith(ReferenceWriter.CHECK_ONLY)) {
      return; // the reference's placeholder values pass the check; they are not for a real Buddy
    }
    assertTrue(script.apply(emulator.client(), options, change -> { }).succeeded(), example.name());
    emulator.clearRequests();

    ScriptResult result = script.run(emulator.client(), options);
    assertEquals(List.of(), result.applied().applied(), "a second apply wrote");

    String difference = RequestComparison.difference(RequestComparison.fromDryRun(dry.lines()),
        RequestComparison.fromEmulator(emulator.requests()));
    assertNull(difference, example.name() + ": " + difference + "\nscript output:\n" + printed);
  }
}
