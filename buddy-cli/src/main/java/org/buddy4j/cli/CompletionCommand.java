package org.buddy4j.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code buddy completion}: the bash/zsh completion script picocli generates from the command tree. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a bash/zsh completion script.", "Use: source <(buddy completion)",
        "(for the distribution's bin/buddy, or an alias named 'buddy')."})
final class CompletionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    BuddyCommand.root(spec).context.out().print(AutoComplete.bash("buddy", root));
    BuddyCommand.root(spec).context.out().flush();
    return ExitCode.OK;
  }
}
