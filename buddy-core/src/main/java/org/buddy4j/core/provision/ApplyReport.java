package org.buddy4j.core.provision;

import java.util.List;
import java.util.Optional;

/**
 * What an apply did: the changes applied, those not applied because an earlier one failed, and that failure.
 * Re-planning after a failure converges: what was applied is found by its natural key and left alone.
 */
public record ApplyReport(List<Change> applied, List<Change> notApplied, Optional<RuntimeException> failure) {
  public ApplyReport {
    applied = List.copyOf(applied);
    notApplied = List.copyOf(notApplied);
  }

  public boolean succeeded() {
    return failure.isEmpty();
  }
}
