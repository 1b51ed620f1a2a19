package org.buddy4j.core.provision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every resource a script declares, in declaration order (which is also the order actions keep in their
 * pipeline). An address may be declared once: a second declaration of it is a mistake in the script.
 */
public final class DesiredState {
  private final Map<Address, Declared> resources = new LinkedHashMap<>();

  /**
   * Adds a declaration.
   *
   * @throws IllegalArgumentException when the address is declared already (both places are named)
   */
  public DesiredState add(Declared declared) {
    Declared before = resources.putIfAbsent(declared.address(), declared);
    if (before != null) {
      throw new IllegalArgumentException(declared.address() + " is declared twice"
          + (before.source() != null ? " (first at " + before.source() + ")" : ""));
    }
    return this;
  }

  /** Every declaration, in the order they were declared. */
  public List<Declared> resources() {
    return new ArrayList<>(resources.values());
  }

  public Optional<Declared> get(Address address) {
    return Optional.ofNullable(resources.get(address));
  }

  public boolean isEmpty() {
    return resources.isEmpty();
  }

  public int size() {
    return resources.size();
  }

  @Override
  public String toString() {
    return "DesiredState" + resources.keySet();
  }
}
