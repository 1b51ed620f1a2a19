package org.buddy4j.core.provision;

import java.util.List;

/**
 * One declarable field of a {@link DeclaredKind}, from the spec's schema for it: the DSL word, the CLI
 * flag, the plan's and the export's field all come from here.
 *
 * @param apiName the JSON field ({@code display_name})
 * @param word its DSL word, camelCase ({@code displayName})
 * @param type what value it takes
 * @param choices the constants a {@link Type#CHOICE} / {@link Type#CHOICES} field takes (the spec's enum or
 *     x-extensible-enum), else empty
 * @param secret whether its value is always a secret (format: password, writeOnly, the catalog's secrets)
 * @param secretWhen the boolean field that, when true, makes the value a secret ({@code encrypted} for a
 *     variable's {@code value}), else null
 * @param summary one line of documentation (the spec's description)
 */
public record FieldSpec(String apiName, String word, Type type, List<String> choices, boolean secret,
                        String secretWhen, String summary) {

  /** What a field takes. */
  public enum Type { TEXT, NUMBER, BOOLEAN, CHOICE, TEXTS, CHOICES, NUMBERS, OBJECT, OBJECTS }

  public FieldSpec {
    choices = List.copyOf(choices);
  }
}
