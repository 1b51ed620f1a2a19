package org.buddy4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.buddy4j.core.provision.Plan;
import org.buddy4j.core.provision.PlanText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code buddy plan FILE.groovy}: what {@code apply} would change. The script is checked in full first (a
 * mistake: exit 2, nothing sent); then every declared resource is read from Buddy by its natural key (GETs
 * only) and compared field by field, secrets through the state file's hashes, never printed.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"Show what 'buddy apply' would create, update (field by field) or, with --prune, delete.",
        "Reads Buddy only; secrets are shown as ***."},
    footer = {"", "Exit codes: 0 no changes, 4 changes pending, 2 a mistake in the script or the command (nothing sent),"
        + " 1 Buddy refused or failed."})
final class PlanCommand implements Callable<Integer> {
  /** How the plan is printed. */
  enum Format { TEXT, JSON }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.groovy")
  Path file;

  @Mixin
  ProvisionFlags provision = new ProvisionFlags();

  @Mixin
  ScriptFlags flags = new ScriptFlags();

  @Option(names = {"-o", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "Output: text or json (default: ${DEFAULT-VALUE}).")
  Format format = Format.TEXT;

  @Override
  public Integer call() {
    BuddyCommand root = BuddyCommand.root(spec);
    ScriptPlan checked = ScriptPlan.check(file, flags.options(root), provision);
    try (Session session = root.openSession()) {
      Plan plan = checked.plan(checked.provisioner(session.client()));
      root.context.out().print(format == Format.JSON ? PlanText.json(plan) : PlanText.text(plan));
      root.context.out().flush();
      return plan.hasChanges() ? ExitCode.CHANGES_PENDING : ExitCode.OK;
    }
  }
}
