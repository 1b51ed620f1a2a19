package org.buddy4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state FILE} and {@code --prune}, the options {@code plan} and {@code apply} share. */
final class ProvisionFlags {
  @Option(names = "--state", paramLabel = "FILE",
      description = {"The state file: keyed hashes of the secrets last applied, never their values, so that a plan can "
          + "tell whether a secret changed (default: FILE.groovy.state.json beside the script)."})
  Path state;

  @Option(names = "--prune", description = {"Also delete live resources of a declared kind, under a parent that "
      + "declares at least one of that kind, that the script does not declare (off by default)."})
  boolean prune;

  /** The state file to use for {@code script}: the option, else {@code SCRIPT.state.json} beside the script. */
  Path stateFile(Path script) {
    if (state != null) {
      InputFiles.requireCreatable(state, "--state");
      return state;
    }
    return org.buddy4j.dsl.Ledgers.besides(script);
  }
}
