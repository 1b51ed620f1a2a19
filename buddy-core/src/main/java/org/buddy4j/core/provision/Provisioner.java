package org.buddy4j.core.provision;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.buddy4j.core.BuddyClient;

/**
 * Provisioning as code over the client's resource families: {@link #plan} compares declared resources with
 * Buddy's, found by natural key ({@code GET} only); {@link #apply} creates and updates (and, with prune,
 * deletes) in dependency order, one request per change, stopping at the first failure; {@link #export}
 * reads a workspace (or one project) back as declarations, secrets as {@link EnvRef}s.
 */
public final class Provisioner {
  private final BuddyClient client;
  private final SecretLedger ledger;

  public Provisioner(BuddyClient client, SecretLedger ledger) {
    this.client = Objects.requireNonNull(client, "client");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  /**
   * The plan: one change per declared resource (create, update field by field, or unchanged), and with
   * {@code prune} a deletion for each live resource of a declared kind, inside a declared parent, that is
   * not declared. Sends only GETs.
   */
  public Plan plan(DesiredState desired, boolean prune) {
    throw new UnsupportedOperationException("p-core");
  }

  /**
   * Applies the plan's writing changes in order; {@code applied} hears of each as soon as it is done (so a
   * caller can report progress). Stops at the first failure; the report says what was and was not applied.
   */
  public ApplyReport apply(Plan plan, Consumer<Change> applied) {
    throw new UnsupportedOperationException("p-core");
  }

  /** The live resource at this address, as Buddy's JSON fields (e.g. a pipeline's {@code id}), if it exists. */
  public Optional<Map<String, Object>> live(Address address) {
    throw new UnsupportedOperationException("p-core");
  }

  /**
   * Every resource of the declarable kinds in the workspace (or, with a project, in that project and
   * below), as declarations that would reproduce it: declarable fields only, secrets as {@link EnvRef}s.
   */
  public DesiredState export(String workspace, String project) {
    throw new UnsupportedOperationException("p-core");
  }
}
