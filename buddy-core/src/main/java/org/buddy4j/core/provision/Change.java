package org.buddy4j.core.provision;

import java.util.List;

/**
 * What a plan will do to one resource.
 *
 * @param action create, update, delete (only with prune) or nothing
 * @param address the resource
 * @param kind its kind
 * @param fields the fields that differ (every declared field for a create), in declaration order
 * @param declared the declaration (null for a deletion): what an apply sends
 * @param liveId Buddy's ID of the live resource (null for a creation): what an apply addresses
 */
public record Change(Action action, Address address, DeclaredKind kind, List<FieldChange> fields, Declared declared,
                     String liveId) {

  /** What happens to a resource. */
  public enum Action { CREATE, UPDATE, DELETE, UNCHANGED }

  public Change {
    fields = List.copyOf(fields);
  }

  /** Whether applying it writes anything. */
  public boolean writes() {
    return action != Action.UNCHANGED;
  }
}
