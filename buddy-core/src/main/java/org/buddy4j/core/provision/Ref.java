package org.buddy4j.core.provision;

import java.util.Objects;

/**
 * A declared field whose value is another declared (or existing) resource's field, resolved when the plan
 * is applied: an action's {@code integration} is the integration with identifier "aws-prod"'s {@code hash_id},
 * known only once it exists.
 *
 * @param target the resource referred to
 * @param field the API field of it that is the value (e.g. {@code hash_id}, {@code id})
 */
public record Ref(Address target, String field) {
  public Ref {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(field, "field");
  }

  @Override
  public String toString() {
    return target + "." + field;
  }
}
