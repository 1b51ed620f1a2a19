package org.buddy4j.dsl.context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;

/** {@code permissions { admins …; others …; user id, level; group id, level }}: an integration's permissions. */
public final class PermissionsContext extends DslContext {
  private final Map<String, Object> permissions = new LinkedHashMap<>();

  public PermissionsContext(Scope scope) {
    super(scope, Vocabulary.get().block(Vocabulary.PERMISSIONS));
  }

  @Override
  @SuppressWarnings("unchecked")
  protected Object word(Word word, Object[] args) {
    switch (word.name()) {
      case "admins", "others" -> {
        WordValues.count(word, args, 1);
        permissions.put(word.apiField(), WordValues.choice(word, args[0]));
      }
      case "user", "group" -> {
        WordValues.count(word, args, 2);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", WordValues.number(word, args[0]));
        entry.put("access_level", WordValues.choice(word, args[1]));
        ((List<Object>) permissions.computeIfAbsent(word.apiField(), k -> new ArrayList<>())).add(entry);
      }
      default -> {
        return super.word(word, args);
      }
    }
    return null;
  }

  Map<String, Object> toMap() {
    return permissions;
  }
}
