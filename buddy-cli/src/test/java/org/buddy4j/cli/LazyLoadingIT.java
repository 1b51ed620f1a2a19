package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command loads only what it uses, read from the JVM's own class-load log ({@code -Xlog:class+load}),
 * never from timings: {@code workspaces list} against an endpoint (an emulator on loopback) loads no
 * Vert.x, Netty, Groovy, DSL, batch or emulator class and no XML parser (logback configured from XML), both from
 * {@code buddy.jar} and through the distribution's launcher, which maps the class-data-sharing archive
 * the build wrote and, for a short command, leaves Jackson's Blackbird module out. With no token, the
 * embedded emulator still starts (and its Vert.x classes show up in the same log: the check can see them).
 */
class LazyLoadingIT {
  /** Packages a plain API command must not load. */
  static final Pattern UNNEEDED = Pattern.compile(
      " (io\\.vertx|io\\.netty|groovy|org\\.codehaus\\.groovy|org\\.apache\\.groovy|org\\.buddy4j\\.emulator"
          + "|org\\.buddy4j\\.dsl|org\\.buddy4j\\.batch|ch\\.qos\\.logback\\.classic\\.joran|com\\.sun\\.org\\.apache\\.xerces)\\.");

  static TestEmulator buddy;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    buddy = TestEmulator.start(1);
  }

  @AfterAll
  static void stop() {
    buddy.close();
  }

  @Test
  void workspacesListFromTheJarLoadsNoEmulatorGroovyOrVertx() throws Exception {
    Path classes = dir.resolve("jar-classes.log");
    Path out = dir.resolve("jar.out");
    Process p = ChildRunner.start(buddy.env(), List.of("-Xlog:class+load:file=" + classes), out, "workspaces", "list");
    assertEquals(0, exit(p), Files.readString(out));
    assertTrue(Files.readString(out).contains("buddy"), Files.readString(out));
    List<String> loaded = Files.readAllLines(classes);
    assertLoaded(loaded, "org.buddy4j.cli.WorkspacesCommand$List");
    assertLoaded(loaded, "org.buddy4j.core.BuddyClient");
    assertNothingUnneeded(loaded);
    // A command that logs nothing never binds SLF4J nor configures logback (the HTTP logger is a holder).
    List<String> logging = loaded.stream().filter(l -> l.matches(".* (org\\.slf4j|ch\\.qos\\.logback)\\..*")).toList();
    assertTrue(logging.isEmpty(), "the logging backend started for a command that logs nothing: " + logging);
  }

  @Test
  void aRawApiCallLoadsNoEmulatorGroovyOrVertx() throws Exception {
    Path classes = dir.resolve("api-classes.log");
    Path out = dir.resolve("api.out");
    Process p = ChildRunner.start(buddy.env(), List.of("-Xlog:class+load:file=" + classes), out, "api", "GET", "/workspaces");
    assertEquals(0, exit(p), Files.readString(out));
    List<String> loaded = Files.readAllLines(classes);
    assertLoaded(loaded, "org.buddy4j.cli.RawApiCommand");
    assertLoaded(loaded, "org.buddy4j.core.RawCall");
    assertNothingUnneeded(loaded);
  }

  @Test
  void aFamilyCommandLoadsOnlyTheGenericFamilyCommandNoOtherCommand() throws Exception {
    Path classes = dir.resolve("family-classes.log");
    Path out = dir.resolve("family.out");
    Process p = ChildRunner.start(buddy.env(), List.of("-Xlog:class+load:file=" + classes), out, "variables", "list");
    assertEquals(0, exit(p), Files.readString(out));
    assertTrue(Files.readString(out).contains("DEPLOY_KEY"), Files.readString(out));
    List<String> loaded = Files.readAllLines(classes);
    assertLoaded(loaded, "org.buddy4j.cli.FamilyCommand$ListOp");
    assertLoaded(loaded, "org.buddy4j.cli.Family");
    assertNothingUnneeded(loaded);
    List<String> otherCommands = loaded.stream()
        .filter(l -> l.matches(".* org\\.buddy4j\\.cli\\.(Workspaces|Projects|Pipelines|Runs|Integrations|Insights|Badge|Batch|Script"
            + "|Emulator|RawApi|Completion)Command.*"))
        .toList();
    assertTrue(otherCommands.isEmpty(), "loaded for variables list: " + otherCommands);
  }

  @Test
  void theLauncherUsesTheArchiveAndLoadsNothingUnneeded() throws Exception {
    Path classes = dir.resolve("launcher-classes.log");
    Launched r = launch(buddy.env(), classes, "workspaces", "list");
    assertEquals(0, r.code, r.output);
    assertTrue(r.output.contains("buddy"), r.output);
    List<String> loaded = Files.readAllLines(classes);
    // Mapped from lib/buddy.jsa (written at package time), not read from the jar.
    assertTrue(loaded.stream().anyMatch(l -> l.contains(" org.buddy4j.cli.Main source: shared objects file")),
        "org.buddy4j.cli.Main not from the archive: " + loaded.stream().filter(l -> l.contains("org.buddy4j.cli.Main")).toList());
    // picocli is compiled with the CLI (its released Java 5 class files cannot be archived): from the archive too.
    assertTrue(loaded.stream().anyMatch(l -> l.contains(" picocli.CommandLine source: shared objects file")),
        "picocli not from the archive: " + loaded.stream().filter(l -> l.contains(" picocli.CommandLine ")).toList());
    assertNothingUnneeded(loaded);
    // A short command binds by reflection: Blackbird's accessors would cost more to generate than they save.
    assertLoaded(loaded, "org.buddy4j.core.BuddyJson");
    List<String> blackbird = loaded.stream().filter(l -> l.contains(" com.fasterxml.jackson.module.blackbird.")).limit(5).toList();
    assertTrue(blackbird.isEmpty(), "Blackbird loaded for workspaces list: " + blackbird);
    // JDK 17-20: the legacy locale data (Jackson's first SimpleDateFormat had CLDR list every locale it has);
    // JDK 21 warns about COMPAT and 23 has none, so there the launcher leaves CLDR (and no warning) alone.
    List<String> cldr = loaded.stream().filter(l -> l.contains(" sun.util.cldr.CLDRCalendarDataProviderImpl ")).toList();
    if (Runtime.version().feature() <= 20) {
      assertTrue(cldr.isEmpty(), "CLDR's calendar data loaded for workspaces list: " + cldr);
    } else {
      assertTrue(!r.output.contains("COMPAT"), r.output);
    }
  }

  @Test
  void withNoTokenTheLauncherStillStartsTheEmbeddedEmulator() throws Exception {
    Path classes = dir.resolve("embedded-classes.log");
    Launched r = launch(Map.of(), classes, "workspaces", "list");
    assertEquals(0, r.code, r.output);
    assertTrue(r.output.contains("using an embedded Buddy emulator"), r.output);
    assertTrue(r.output.contains("buddy"), r.output);
    assertLoaded(Files.readAllLines(classes), "io.vertx.core.Vertx");
  }

  @Test
  void aMissingOrUnfittingArchiveOnlyCostsTime() throws Exception {
    Path dist = dist();
    // No archive; and the build's archive in another directory (JDK 17 maps it only at the path it was made for).
    for (boolean withArchive : new boolean[] {false, true}) {
      Path copy = dir.resolve(withArchive ? "moved" : "no-archive");
      Files.createDirectories(copy.resolve("bin"));
      Files.createDirectories(copy.resolve("lib"));
      Files.copy(dist.resolve("bin/buddy"), copy.resolve("bin/buddy"));
      Files.copy(dist.resolve("lib/buddy.jar"), copy.resolve("lib/buddy.jar"));
      if (withArchive) {
        Files.copy(dist.resolve("lib/buddy.jsa"), copy.resolve("lib/buddy.jsa"));
      }
      Launched r = launch(copy, buddy.env(), dir.resolve(copy.getFileName() + "-classes.log"), "workspaces", "list");
      assertEquals(0, r.code, r.output);
      // The table and nothing else: no JVM warning about the archive.
      assertEquals("DOMAIN  NAME   ID  HTML_URL", r.output.lines().findFirst().orElse(""), r.output);
    }
  }

  @Test
  void aCopyInAnotherDirectoryMakesItsOwnArchiveThenMapsIt() throws Exception {
    // A fresh copy (no archive); one that brought the build's archive along (made for the build's path);
    // and one in a directory whose name has spaces, where JDK 17 maps no archive (its class path check
    // fails on them) but the launcher works all the same.
    for (String name : List.of("copied", "copied-with-archive", "copied with spaces")) {
      Path copy = dir.resolve(name);
      Files.createDirectories(copy.resolve("bin"));
      Files.createDirectories(copy.resolve("lib"));
      Files.copy(dist().resolve("bin/buddy"), copy.resolve("bin/buddy"));
      Files.copy(dist().resolve("lib/buddy.jar"), copy.resolve("lib/buddy.jar"));
      if (name.equals("copied-with-archive")) {
        Files.copy(dist().resolve("lib/buddy.jsa"), copy.resolve("lib/buddy.jsa"));
        Files.copy(dist().resolve("lib/buddy.jsa.id"), copy.resolve("lib/buddy.jsa.id"));
      }
      String logName = name.replace(' ', '-'); // BUDDY_JAVA_OPTS is split on spaces
      Launched first = launch(copy, buddy.env(), dir.resolve(logName + "-first.log"), "workspaces", "list");
      assertEquals(0, first.code, first.output);
      assertEquals("DOMAIN  NAME   ID  HTML_URL", first.output.lines().findFirst().orElse(""), first.output);
      assertTrue(Files.size(copy.resolve("lib/buddy.jsa")) > 0, "no archive made in " + copy);
      assertTrue(Files.readString(copy.resolve("lib/buddy.jsa.id")).startsWith(copy.resolve("lib/buddy.jar").toRealPath() + " "),
          "the archive names another jar: " + Files.readString(copy.resolve("lib/buddy.jsa.id")));

      Path classes = dir.resolve(logName + "-second.log");
      Launched second = launch(copy, buddy.env(), classes, "workspaces", "list");
      assertEquals(0, second.code, second.output);
      assertEquals(first.output, second.output);
      if (!name.contains(" ")) {
        assertTrue(Files.readAllLines(classes).stream().anyMatch(l -> l.contains(" org.buddy4j.cli.Main source: shared objects file")),
            "the second run in " + copy + " did not map the archive the first one made");
      }
    }
  }

  private static void assertLoaded(List<String> loaded, String type) {
    assertTrue(loaded.stream().anyMatch(l -> l.contains(" " + type + " source:")), type + " was not loaded");
  }

  private static void assertNothingUnneeded(List<String> loaded) {
    List<String> unneeded = loaded.stream().filter(l -> UNNEEDED.matcher(l).find()).limit(20).toList();
    assertTrue(unneeded.isEmpty(), "loaded for workspaces list: " + unneeded);
  }

  record Launched(int code, String output) {}

  private static Launched launch(Map<String, String> env, Path classLog, String... args) throws Exception {
    return launch(dist(), env, classLog, args);
  }

  /** Runs {@code bin/buddy args…} of a distribution, with this JVM as its JAVA_HOME, stdout and stderr together. */
  private static Launched launch(Path dist, Map<String, String> env, Path classLog, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(dist.resolve("bin/buddy").toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "launch", ".out");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("BUDDY"));
    pb.environment().putAll(env);
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("BUDDY_JAVA_OPTS", "-Xlog:class+load:file=" + classLog);
    pb.directory(new File(System.getProperty("java.io.tmpdir")));
    int code = exit(pb.start());
    return new Launched(code, Files.readString(out, StandardCharsets.UTF_8));
  }

  private static Path dist() {
    Path dist = Path.of(System.getProperty("buddy4j.dist", "target/buddy-dist-missing"));
    assertTrue(Files.isExecutable(dist.resolve("bin/buddy")), "no " + dist + "/bin/buddy: run through `./mvnw verify`");
    return dist;
  }

  /** The exit code; the timeout only guards against a hang. */
  private static int exit(Process p) throws InterruptedException {
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the CLI did not finish in 180 s");
    }
    return p.exitValue();
  }
}
