package org.buddy4j.cli;

import java.nio.file.Path;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.provision.DesiredState;
import org.buddy4j.core.provision.FileSecretLedger;
import org.buddy4j.core.provision.Plan;
import org.buddy4j.core.provision.Provisioner;
import org.buddy4j.core.provision.SecretLedger;
import org.buddy4j.dsl.BuddyScripts;
import org.buddy4j.dsl.CompiledScript;
import org.buddy4j.dsl.ScriptOptions;

/**
 * What {@code plan} and {@code apply} share: the script compiled and checked (its declared state collected by
 * the check run, which sends nothing, so a mistake is exit 2 before any request), the state file's ledger,
 * and the plan computed against Buddy with GETs only. The script's own run ({@link CompiledScript#run}) gets
 * the same ledger through its options, so the plan shown, the changes applied and the statements that follow
 * see the same hashes.
 */
final class ScriptPlan {
  final CompiledScript script;
  final ScriptOptions options;
  final DesiredState desired;
  final Path stateFile;
  private final SecretLedger ledger;

  private ScriptPlan(CompiledScript script, ScriptOptions options, DesiredState desired, Path stateFile,
                     SecretLedger ledger) {
    this.script = script;
    this.options = options;
    this.desired = desired;
    this.stateFile = stateFile;
    this.ledger = ledger;
  }

  /** Compiles and checks the script: a {@code DslException} (exit 2) for any mistake; nothing is sent. */
  static ScriptPlan check(Path file, ScriptOptions options, ProvisionFlags flags) {
    InputFiles.requireFile(file, "script");
    Path state = flags.stateFile(file);
    SecretLedger ledger = FileSecretLedger.open(state);
    ScriptOptions withState = options.stateFile(state).ledger(ledger).prune(flags.prune);
    CompiledScript script = BuddyScripts.compile(file, withState);
    return new ScriptPlan(script, withState, script.desiredState(withState), state, ledger);
  }

  Provisioner provisioner(BuddyClient client) {
    return new Provisioner(client, ledger);
  }

  /** The plan against Buddy, with GETs only. */
  Plan plan(Provisioner provisioner) {
    return provisioner.plan(desired, options.prune());
  }
}
