package org.buddy4j.cli;

import java.nio.file.Path;
import org.buddy4j.core.provision.DesiredState;
import org.buddy4j.core.provision.InMemorySecretLedger;
import org.buddy4j.core.provision.Provisioner;
import org.buddy4j.dsl.ScriptWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code buddy export -w W [-p P]}: a DSL script that declares what the workspace (or one project) holds
 * now, so that applying it elsewhere reproduces it. Secrets are never written: each is {@code env("NAME")},
 * a reference to the environment variable that must hold it when the script is applied.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write a script that declares the resources of a workspace (-w) or of one project (-p) as they are"
        + " (buddy apply reproduces them).",
        "Secrets become env(\"NAME\") references, never values. Only -p/--project narrows it (BUDDY_PROJECT does not)."})
final class ExportCommand extends SessionCommand {
  @Option(names = "--output", paramLabel = "FILE", description = "Write the script to FILE (default: standard output).")
  Path output;

  @Override
  void check() {
    checkWritable(output);
  }

  @Override
  int run(Session session) {
    BuddyCommand root = BuddyCommand.root(spec);
    String workspace = session.workspace(root.global.workspace);
    // The flag only: a BUDDY_PROJECT default would silently narrow a workspace's export to one project.
    String project = root.global.project;
    // An export reads Buddy's state; it compares no secret, so it needs no state file.
    DesiredState state = new Provisioner(session.client(), new InMemorySecretLedger()).export(workspace, project);
    write(output, ScriptWriter.write(state), "a script of " + state.size() + " declarations (workspace '" + workspace + "'"
        + (project == null ? "" : ", project '" + project + "'") + ")");
    return ExitCode.OK;
  }
}
