package org.buddy4j.dsl;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.buddy4j.core.provision.Address;
import org.buddy4j.core.provision.Secret;
import org.buddy4j.core.provision.SecretLedger;

/**
 * Which secret ledger a script's plan and apply use: the one {@link ScriptOptions#ledger} gives; else the
 * state file {@link ScriptOptions#stateFile} names; else, for a script read from a file, the state file
 * beside it ({@code deploy.groovy} → {@code deploy.groovy.state}); else (a script given as text) one kept
 * in memory by the compiled script, so that its applies compare secrets with each other.
 */
final class Ledgers {
  private Ledgers() {}

  /** The state file beside a script file. */
  static Path besides(Path script) {
    return script.resolveSibling(script.getFileName() + ".state");
  }

  static SecretLedger of(ScriptOptions options, Path script, SecretLedger inMemory) {
    if (options.ledger() != null) {
      return options.ledger();
    }
    Path file = options.stateFile() != null ? options.stateFile() : script != null ? besides(script) : null;
    return file == null ? inMemory : fileLedger(file);
  }

  private static SecretLedger fileLedger(Path file) {
    return new InMemory(); // replaced by core's file ledger once p-core delivers it
  }

  /** Hashes kept for the life of one compiled script (values are never kept). */
  static final class InMemory implements SecretLedger {
    private final Map<String, Integer> hashes = new HashMap<>();

    @Override
    public synchronized boolean matches(Address address, String field, Secret value) {
      Integer h = hashes.get(address + "#" + field);
      return h != null && h == value.hashCode();
    }

    @Override
    public synchronized boolean knows(Address address, String field) {
      return hashes.containsKey(address + "#" + field);
    }

    @Override
    public synchronized void record(Address address, String field, Secret value) {
      hashes.put(address + "#" + field, value.hashCode());
    }

    @Override
    public synchronized void forget(Address address) {
      hashes.keySet().removeIf(k -> k.startsWith(address + "#"));
    }
  }
}
