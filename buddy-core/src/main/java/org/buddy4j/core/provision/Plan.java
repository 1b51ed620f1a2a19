package org.buddy4j.core.provision;

import java.util.List;

/**
 * The difference between a {@link DesiredState} and Buddy's live state, in the order it would be applied
 * (dependency order; deletions, with prune only, last and innermost first). Computing it only reads.
 */
public record Plan(List<Change> changes) {
  public Plan {
    changes = List.copyOf(changes);
  }

  /** Whether applying it writes anything. */
  public boolean hasChanges() {
    return changes.stream().anyMatch(Change::writes);
  }

  /** The changes that write. */
  public List<Change> pending() {
    return changes.stream().filter(Change::writes).toList();
  }
}
