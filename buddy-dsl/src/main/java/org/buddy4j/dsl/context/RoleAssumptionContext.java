package org.buddy4j.dsl.context;

import java.util.LinkedHashMap;
import java.util.Map;
import org.buddy4j.dsl.DslException;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;

/** {@code roleAssumption { arn …; externalId …; duration … }}: one entry of an AWS integration's role_assumptions. */
public final class RoleAssumptionContext extends DslContext {
  private final Map<String, Object> role = new LinkedHashMap<>();

  public RoleAssumptionContext(Scope scope) {
    super(scope, Vocabulary.get().block(Vocabulary.ROLE_ASSUMPTION));
  }

  @Override
  protected Object word(Word word, Object[] args) {
    switch (word.name()) {
      case "arn", "externalId" -> {
        WordValues.count(word, args, 1);
        role.put(word.apiField(), WordValues.text(word, args[0]));
      }
      case "duration" -> {
        WordValues.count(word, args, 1);
        int seconds = WordValues.number(word, args[0]);
        if (seconds <= 0) {
          throw new DslException("duration expects a positive number of seconds");
        }
        role.put("duration", seconds);
      }
      default -> {
        return super.word(word, args);
      }
    }
    return null;
  }

  Map<String, Object> toMap() {
    if (!role.containsKey("arn")) {
      throw new DslException("roleAssumption { } needs arn, e.g. arn \"arn:aws:iam::123456789012:role/deploy\"");
    }
    return role;
  }
}
