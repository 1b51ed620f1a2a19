package org.buddy4j.emulator;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one check and the one refusal for a natural key Buddy keeps unique in its scope (an integration's
 * {@code identifier} in its workspace, a project's {@code name}, a variable's {@code key} in its exact scope…):
 * 400 with {@code {"errors":[{"message":"<Thing> with <field> '<value>' already exists in <scope>"}]}}. The
 * generic store reads its keys from the spec's {@code x-buddy-resources} ({@code unique}); the hand-written
 * APIs (workspaces, projects, pipelines, integrations) name theirs. Why 400 and this wording:
 * docs/api-decisions.md, "Natural keys".
 */
final class UniqueKeys {
  private UniqueKeys() {
  }

  /** The refusal: {@code thing} e.g. "Integration", {@code where} e.g. "workspace 'buddy'". */
  static ApiError taken(String thing, String field, Object value, String where) {
    return ApiError.badRequest(thing + " with " + field + " '" + value + "' already exists in " + where);
  }

  /**
   * Refuses {@code value} when an item other than the one being written ({@code self}) already holds it. A
   * null value (the key not given) is never a conflict.
   */
  static <T> void check(String thing, String field, Object value, String where, Iterable<T> items,
      Function<T, Object> keyOf, Predicate<T> self) {
    if (value == null) {
      return;
    }
    for (T item : items) {
      if (!self.test(item) && String.valueOf(value).equals(String.valueOf(keyOf.apply(item)))
          && keyOf.apply(item) != null) {
        throw taken(thing, field, value, where);
      }
    }
  }
}
