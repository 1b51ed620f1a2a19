package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The family table and the one command it drives: every row is a top-level command built by
 * {@link FamilyCommand} (and nothing else is), with only the operations Buddy offers, {@code --pipeline} only
 * where the family has a pipeline scope, and every family in the root help and the completion script.
 */
class FamilyCommandTest {
  private static final CommandLine ALL = BuddyCli.commandLine(new CliContext(Map.of(), System.out, System.err));

  @Test
  void everyRowIsACommandOfTheOneImplementationAndEveryFamilyCommandIsARow() {
    for (Family f : Family.values()) {
      assertTrue(Subcommands.NAMES.contains(f.command), f.command);
      assertEquals(FamilyCommand.class, Subcommands.type(f.command), f.command);
      assertEquals(f, Family.of(f.command));
    }
    for (String name : Subcommands.NAMES) {
      if (Subcommands.type(name) == FamilyCommand.class) {
        assertNotNull(Family.of(name), name);
      }
    }
    assertNull(Family.of("projects"));
  }

  @Test
  void eachFamilyOffersItsOperationsAndThePipelineOptionOnlyWhereItHasThatScope() {
    for (Family f : Family.values()) {
      CommandLine family = ALL.getSubcommands().get(f.command);
      assertEquals(f.operations(), List.copyOf(family.getSubcommands().keySet()), f.command);
      for (CommandLine op : family.getSubcommands().values()) {
        boolean pipeline = op.getCommandSpec().findOption("--pipeline") != null;
        assertEquals(f == Family.VARIABLES || f == Family.ACTIONS, pipeline, f.command + " " + op.getCommandName());
        assertNotNull(op.getCommandSpec().findOption("-o"), f.command + " " + op.getCommandName());
        boolean writes = op.getCommandName().equals("create") || op.getCommandName().equals("update");
        assertEquals(writes, op.getCommandSpec().findOption("--set") != null, f.command + " " + op.getCommandName());
        assertEquals(writes, op.getCommandSpec().findOption("--data") != null, f.command + " " + op.getCommandName());
        boolean takesId = !op.getCommandName().equals("list") && !op.getCommandName().equals("create");
        assertEquals(takesId ? 1 : 0, op.getCommandSpec().positionalParameters().size(), f.command + " " + op.getCommandName());
      }
    }
    assertEquals(List.of("list", "get", "create", "delete"), Family.TOKENS.operations(), "Buddy has no PATCH of a token");
  }

  @Test
  void theRootHelpAndTheCompletionScriptListEveryFamilyAndItsOperations() {
    Result help = TestEmulator.cli(Map.of(), "--help");
    Result completion = TestEmulator.cli(Map.of(), "completion");
    assertEquals(0, completion.code(), completion.toString());
    for (Family f : Family.values()) {
      assertTrue(help.out().contains("  " + f.command + " "), f.command + " missing from: " + help.out());
      assertTrue(completion.out().contains(f.command), f.command);
      for (String op : f.operations()) {
        assertTrue(completion.out().contains("_picocli_buddy_" + f.command + "_" + op + "()"), f.command + " " + op);
      }
    }
    Result familyHelp = TestEmulator.cli(Map.of(), "variables", "create", "--help");
    assertEquals(0, familyHelp.code(), familyHelp.toString());
    assertTrue(familyHelp.out().contains("--set=FIELD=VALUE") && familyHelp.out().contains("--pipeline=ID"), familyHelp.out());
  }
}
