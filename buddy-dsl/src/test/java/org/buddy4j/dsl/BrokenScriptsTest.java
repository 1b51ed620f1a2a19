package org.buddy4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden broken scripts (src/test/resources/broken/NN-name.groovy): each one's first problem is on the
 * line its header names and contains every expected fragment, the message carries no Groovy or Java
 * internals, and running it against the emulator sends nothing (checked on the emulator's request log).
 */
class BrokenScriptsTest {
  private static final Pattern LINE = Pattern.compile("^// expect-line: (\\d+)$", Pattern.MULTILINE);
  private static final Pattern FRAGMENTS = Pattern.compile("^// expect: (.*)$", Pattern.MULTILINE);
  static final List<String> INTERNALS = List.of("org.codehaus", "groovy.lang", "java.lang", "java.util",
      "org.buddy4j", "Exception", "\tat ", "MissingMethod", "No signature of method", "Closure", "Context", "BuddyScript");
  private static EmulatorFixture emulator;

  record Broken(String name, String text, int line, List<String> fragments) {
    @Override
    public String toString() {
      return name;
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

  static Stream<Broken> scripts() throws IOException, URISyntaxException {
    Path dir = Path.of(BrokenScriptsTest.class.getResource("/broken").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".groovy")).sorted().map(BrokenScriptsTest::read).toList().stream();
    }
  }

  private static Broken read(Path p) {
    return read("broken/", p);
  }

  /** One golden script with its expect header; {@code folder} is how messages name its directory. */
  static Broken read(String folder, Path p) {
    try {
      String text = Files.readString(p);
      Matcher line = LINE.matcher(text);
      Matcher fragments = FRAGMENTS.matcher(text);
      assertTrue(line.find() && fragments.find(), p + " lacks its expect header");
      return new Broken(folder + p.getFileName(), text, Integer.parseInt(line.group(1)),
          Arrays.stream(fragments.group(1).split(" \\| ")).map(String::trim).toList());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void thereAreAtLeastThirty() throws Exception {
    assertTrue(scripts().count() >= 30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void reportsTheMistakeAtItsLineAndSendsNothing(Broken broken) {
    ScriptOptions options = ExamplesTest.options(new PrintStream(OutputStream.nullOutputStream()));
    List<DslProblem> problems = BuddyScripts.check(broken.name(), broken.text(), options);
    assertFalse(problems.isEmpty(), broken.name() + " passed the check");
    DslProblem first = problems.get(0);
    String shown = first.toString();
    assertEquals(broken.name(), first.file());
    assertEquals(broken.line(), first.line(), shown);
    assertTrue(shown.startsWith(broken.name() + ":" + broken.line() + ":") || shown.startsWith(broken.name() + ":" + broken.line() + " "),
        shown);
    for (String fragment : broken.fragments()) {
      assertTrue(first.message().contains(fragment), "'" + fragment + "' not in: " + shown);
    }
    for (String internal : INTERNALS) {
      assertFalse(shown.contains(internal), "internal '" + internal + "' in: " + shown);
    }

    emulator.reset();
    DslException thrown = assertThrows(DslException.class,
        () -> BuddyScripts.run(broken.name(), broken.text(), emulator.client(), options));
    assertEquals(problems, thrown.problems());
    assertEquals(List.of(), emulator.requests(), "a broken script sent requests");
  }
}
