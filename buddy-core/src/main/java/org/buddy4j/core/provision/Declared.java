package org.buddy4j.core.provision;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One declared resource: where it is, its kind, and the fields it sets, by their API names (snake_case, as
 * Buddy's JSON spells them). Values are text, numbers, booleans, lists and maps of them, {@link Secret}s,
 * {@link Ref}s to other resources, or (in an export) {@link EnvRef}s. Fields not declared are left as Buddy
 * has them: a plan compares and an apply sends the declared fields only.
 *
 * @param address where it lives; its last segment's key is the natural key
 * @param kind what it is
 * @param fields the declared fields (API names), in declaration order; the natural key included
 * @param source where it was declared, e.g. {@code "deploy.groovy:12"}, for messages; null if not from a file
 */
public record Declared(Address address, DeclaredKind kind, Map<String, Object> fields, String source) {
  public Declared {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(kind, "kind");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The natural key (the address's last key). */
  public String key() {
    return address.key();
  }

  @Override
  public String toString() {
    return address + " " + fields; // Secret.toString() is masked
  }
}
