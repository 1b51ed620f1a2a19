package org.buddy4j.dsl;

import java.nio.file.Path;
import org.buddy4j.core.provision.FileSecretLedger;
import org.buddy4j.core.provision.SecretLedger;

/**
 * Which secret ledger a script's plan and apply use: the one {@link ScriptOptions#ledger} gives; else the
 * state file {@link ScriptOptions#stateFile} names; else, for a script read from a file, the state file
 * beside it ({@code deploy.groovy} → {@code deploy.groovy.state.json}); else (a script given as text) one kept
 * in memory by the compiled script, so that its applies compare secrets with each other.
 */
public final class Ledgers {
  private Ledgers() {}

  /** The state file beside a script file, the default of the DSL and of {@code buddy plan|apply}. */
  public static Path besides(Path script) {
    return script.resolveSibling(script.getFileName() + ".state.json");
  }

  static SecretLedger of(ScriptOptions options, Path script, SecretLedger inMemory) {
    if (options.ledger() != null) {
      return options.ledger();
    }
    Path file = options.stateFile() != null ? options.stateFile() : script != null ? besides(script) : null;
    return file == null ? inMemory : fileLedger(file);
  }

  private static SecretLedger fileLedger(Path file) {
    return FileSecretLedger.open(file);
  }
}
