package org.buddy4j.dsl.vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.buddy4j.core.integrations.IntegrationCatalog;

/**
 * The words of {@code integration { }}: the common ones (type, name, identifier, scope, …) and every field of
 * every type in buddy-core's {@link IntegrationCatalog} (the spec's {@code x-buddy-integration-catalog}), in
 * camelCase, with the types that take each and the documented aliases. Nothing about the 53 types is written
 * by hand here; {@link Vocabulary} holds the block.
 */
final class IntegrationWords {
  private IntegrationWords() {}

  /**
   * Adds the integration words to {@code block} and records, for each, the API field it sets.
   *
   * @param typeNames the integration types, sorted
   * @param authTypes every auth type some type accepts
   * @param integrationFields word → API field, filled here
   */
  static void fill(Block block, IntegrationCatalog catalog, List<String> typeNames, List<String> authTypes,
                   Map<String, String> integrationFields) {
    block.add(Word.of("type", ArgKind.CHOICE, "The integration type (required), e.g. AMAZON, GIT_HUB.", "type AMAZON")
        .choices(typeNames).api("type"));
    block.add(Word.of("name", ArgKind.TEXT, "The integration's name (required).", "name \"AWS production\"").api("name"));
    block.add(Word.of("identifier", ArgKind.TEXT, "A human-readable ID.", "identifier \"aws-production\"").api("identifier"));
    block.add(Word.of("scope", ArgKind.CHOICE, "WORKSPACE, PROJECT (with projectName) or ENVIRONMENT (required).", "scope WORKSPACE")
        .choices(Vocabulary.SCOPES).api("scope"));
    block.add(Word.of("projectName", ArgKind.TEXT, "The project of a PROJECT-scoped integration.", "projectName \"company-website\"").api("project_name"));
    block.add(Word.of("authType", ArgKind.CHOICE, "How it authenticates (auth_type); leave it out for the type's default.", "authType OIDC")
        .choices(authTypes).api("auth_type"));
    block.add(Word.of("allPipelinesAllowed", ArgKind.BOOLEAN, "Whether every pipeline may use it.", "allPipelinesAllowed true").api("all_pipelines_allowed"));
    block.add(Word.of("allowedPipelines", ArgKind.NUMBERS, "The pipelines that may use it (allowed_pipelines[].id).", "allowedPipelines 1, 2").api("allowed_pipelines"));
    block.add(Word.of("permissions", ArgKind.BLOCK, "Who may use or change it.",
        "permissions {\n  admins MANAGE\n  others DENIED\n  user 1, USE_ONLY\n  group 1, USE_ONLY\n}").opens(Vocabulary.PERMISSIONS).api("permissions"));
    for (String f : List.of("name", "identifier", "scope", "project_name", "auth_type", "all_pipelines_allowed", "allowed_pipelines", "permissions")) {
      integrationFields.put(Vocabulary.camel(f), f);
    }
    integrationFields.put("type", "type");

    // Every other field of every type, from the catalog, with the types that take it.
    Map<String, List<String>> typesByField = new TreeMap<>();
    Map<String, String> aliasOf = new LinkedHashMap<>();
    for (IntegrationCatalog.TypeSpec spec : catalog.types().values()) {
      for (String field : spec.fields()) {
        typesByField.computeIfAbsent(field, k -> new ArrayList<>()).add(spec.type());
      }
      spec.aliases().forEach((alias, canonical) -> {
        typesByField.computeIfAbsent(alias, k -> new ArrayList<>()).add(spec.type());
        aliasOf.put(alias, canonical);
      });
    }
    Set<String> secrets = catalog.secretFields();
    typesByField.forEach((field, types) -> {
      if (catalog.commonFields().contains(field)) {
        return;
      }
      List<String> sorted = types.stream().distinct().sorted().toList();
      if (field.equals("role_assumptions")) {
        block.add(new Word("roleAssumption", ArgKind.BLOCK, List.of(), Vocabulary.ROLE_ASSUMPTION, field, false, sorted,
            "Adds an AWS role to assume (role_assumptions[]); repeat for more roles.",
            "roleAssumption {\n  arn \"arn:aws:iam::123456789012:role/deploy\"\n  externalId \"ext_id\"\n  duration 3600\n}"));
        integrationFields.put("roleAssumption", field);
        return;
      }
      String word = Vocabulary.camel(field);
      String canonical = aliasOf.get(field);
      boolean secret = secrets.contains(field) || (canonical != null && secrets.contains(canonical));
      String summary = canonical != null
          ? "Same as " + Vocabulary.camel(canonical) + " (" + field + " is a documented alias of " + canonical + "; " + canonical + " is sent)."
          : "Sets " + field + (secret ? " (secret: never printed)." : ".");
      String example = word + " " + (secret ? "env(\"" + field.toUpperCase(Locale.ROOT) + "\")" : "\"…\"");
      block.add(new Word(word, ArgKind.TEXT, List.of(), null, field, secret, sorted, summary, example));
      integrationFields.put(word, field);
    });
    block.add(Word.of("field", ArgKind.FIELD,
        "Sets any field by its API name, for fields newer than this library (checked against the catalog, untyped).",
        "field \"region\", \"eu-west-1\""));
  }
}
