package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command tree a command line gets: only the subcommand it names, found past the global options
 * and their values; the whole tree when it names none, so help and "did you mean" still see every command.
 */
class SubcommandsTest {
  private static final CommandLine ROOT = new CommandLine(new BuddyCommand(new CliContext(Map.of(), System.out, System.err)));

  @Test
  void theNamedSubcommandIsFoundPastGlobalOptionsAndTheirValues() {
    assertEquals("workspaces", Subcommands.named(ROOT, new String[] {"workspaces", "list"}));
    assertEquals("workspaces", Subcommands.named(ROOT, new String[] {"-w", "runs", "workspaces", "list"}));
    assertEquals("projects", Subcommands.named(ROOT, new String[] {"--workspace=runs", "-p", "batch", "projects", "get"}));
    assertEquals("pipelines", Subcommands.named(ROOT, new String[] {"-vw", "runs", "pipelines", "list"}));
    assertEquals("runs", Subcommands.named(ROOT, new String[] {"-vv", "--token", "script", "runs", "list", "2"}));
    assertNull(Subcommands.named(ROOT, new String[] {"--help"}));
    assertNull(Subcommands.named(ROOT, new String[] {"wrkspaces", "list"}));
    assertNull(Subcommands.named(ROOT, new String[] {"--", "runs"}));
  }

  @Test
  void aBareVersionGetsNoSubcommandsAndStillPrintsTheVersion() {
    CommandLine bare = new CommandLine(new BuddyCommand(new CliContext(Map.of(), System.out, System.err)));
    Subcommands.addFor(bare, new String[] {"--version"});
    assertTrue(bare.getSubcommands().isEmpty(), bare.getSubcommands().keySet().toString());
    CommandLine withHelp = new CommandLine(new BuddyCommand(new CliContext(Map.of(), System.out, System.err)));
    Subcommands.addFor(withHelp, new String[] {"-V", "--help"});
    assertEquals(Subcommands.NAMES, withHelp.getSubcommands().keySet().stream().toList());
    Result version = TestEmulator.cli(Map.of(), "--version");
    assertEquals(0, version.code(), version.toString());
    assertTrue(version.out().startsWith("buddy "), version.out());
  }

  @Test
  void everyNameHasItsCommandAndTheFullTreeHasThemAll() {
    CommandLine all = BuddyCli.commandLine(new CliContext(Map.of(), System.out, System.err));
    assertEquals(Subcommands.NAMES, all.getSubcommands().keySet().stream().toList());
    for (String name : Subcommands.NAMES) {
      assertEquals(name, all.getSubcommands().get(name).getCommandName());
    }
  }

  @Test
  void aMisspeltCommandStillGetsSuggestionsAndTheRootHelpListsEveryCommand() {
    Result typo = TestEmulator.cli(Map.of(), "wrkspaces", "list");
    assertEquals(2, typo.code(), typo.toString());
    assertTrue(typo.err().contains("workspaces"), typo.err());
    Result help = TestEmulator.cli(Map.of(), "--help");
    assertEquals(0, help.code(), help.toString());
    for (String name : Subcommands.NAMES) {
      assertTrue(help.out().contains("  " + name + " "), name + " missing from: " + help.out());
    }
  }
}
