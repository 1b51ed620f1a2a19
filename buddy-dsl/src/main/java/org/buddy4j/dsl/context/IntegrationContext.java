package org.buddy4j.dsl.context;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.integrations.IntegrationBuilder;
import org.buddy4j.core.integrations.IntegrationCatalog;
import org.buddy4j.core.generated.model.Integration;
import org.buddy4j.core.provision.Address;
import org.buddy4j.core.provision.Declared;
import org.buddy4j.core.provision.DeclaredKind;
import org.buddy4j.core.provision.Secret;
import org.buddy4j.dsl.DslException;
import org.buddy4j.dsl.IntegrationRef;
import org.buddy4j.dsl.vocabulary.Messages;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;

/**
 * {@code integration { … }} / {@code integration "identifier" { … }}: one declared integration. Every field
 * of the integration catalog is a word (camelCase); the body is checked against the catalog by buddy-core's
 * builder in the check run, before anything is sent, and becomes the declaration's fields.
 */
public final class IntegrationContext extends DslContext {
  private static final Pattern QUOTED_FIELD = Pattern.compile("'([a-z][a-z0-9_]*)'");

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final List<Map<String, Object>> roles = new ArrayList<>();
  private Map<String, Object> permissions;
  private String type;
  private boolean keyed;
  /** Stands for the integration's ID in the check run. */
  private static final String HASH_ID = "{hash_id}";

  public IntegrationContext(Scope scope) {
    super(scope, Vocabulary.get().block(Vocabulary.INTEGRATION));
  }

  /** {@code roleAssumption { arn "…"; externalId "…"; duration 3600 }}: adds to role_assumptions. */
  public void roleAssumption(
      @DelegatesTo(value = RoleAssumptionContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    require("roleAssumption");
    checkTaken("roleAssumption");
    roles.add(runBlock(body, new RoleAssumptionContext(scope)).toMap());
  }

  /** {@code permissions { admins MANAGE; others DENIED; user 1, USE_ONLY }}. */
  public void permissions(
      @DelegatesTo(value = PermissionsContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    require("permissions");
    permissions = runBlock(body, new PermissionsContext(scope)).toMap();
  }

  @Override
  protected Object word(Word word, Object[] args) {
    String name = word.name();
    switch (name) {
      case "type" -> {
        WordValues.count(word, args, 1);
        String t = WordValues.text(word, args[0]);
        if (!Vocabulary.get().integrationTypes().contains(t)) {
          throw new DslException(Messages.unknownType(t));
        }
        type = t;
        fields.keySet().forEach(this::checkTakenApi);
        return null;
      }
      case "allowedPipelines" -> {
        List<Map<String, Object>> ids = new ArrayList<>();
        for (int id : WordValues.numbers(word, args)) {
          ids.add(Map.of("id", id));
        }
        fields.put("allowed_pipelines", ids);
        return null;
      }
      case "allPipelinesAllowed" -> {
        WordValues.count(word, args, 1);
        fields.put("all_pipelines_allowed", WordValues.bool(word, args[0]));
        return null;
      }
      case "scope", "authType" -> {
        WordValues.count(word, args, 1);
        fields.put(word.apiField(), WordValues.choice(word, args[0]));
        return null;
      }
      case "field" -> {
        WordValues.count(word, args, 2);
        String api = WordValues.text(word, args[0]);
        fields.put(api, args[1] instanceof groovy.lang.GString g ? g.toString() : args[1]);
        return null;
      }
      case "roleAssumption", "permissions" -> throw new DslException(name + " expects a block { … }, e.g. "
          + word.example().replace("\n", " ").replaceAll(" +", " "));
      case "println", "print", "env" -> throw new DslException(name + " takes one value");
      default -> {
        if (word.apiField() == null) {
          return super.word(word, args);
        }
        if (keyed && name.equals("identifier")) {
          throw new DslException("identifier is the block's key here (integration \"" + fields.get("identifier")
              + "\" { … }): write it once");
        }
        checkTaken(name);
        WordValues.count(word, args, 1);
        fields.put(word.apiField(), WordValues.text(word, args[0]));
        return null;
      }
    }
  }

  private void checkTaken(String wordName) {
    if (type != null && !validWords().contains(wordName)) {
      throw new DslException(Messages.notTakenByType(wordName, type, validWords()));
    }
  }

  private void checkTakenApi(String apiField) {
    String w = Vocabulary.camel(apiField);
    if (block.has(w)) {
      checkTaken(w);
    }
  }

  @Override
  protected List<String> validWords() {
    return Vocabulary.get().integrationWordsFor(type);
  }

  @Override
  protected String where() {
    return type == null ? block.title() : "integration { } (type " + type + ")";
  }

  /** {@code integration "aws-prod" { … }}: the identifier is the block's key. */
  void identifiedBy(String identifier) {
    fields.put("identifier", identifier);
    keyed = true;
  }

  /**
   * Checks the integration (catalog, required fields, as before) and makes it a declaration under
   * {@code parent}, keyed by its identifier (made from its name when it has none); catalog secrets wrapped.
   */
  Declared declare(Address parent, DeclaredKind kind, String source) {
    Integration body = body();
    @SuppressWarnings("unchecked")
    Map<String, Object> json = BuddyJson.mapper().convertValue(body, LinkedHashMap.class);
    Set<String> secrets = IntegrationCatalog.get().secretFields();
    Map<String, Object> declared = new LinkedHashMap<>();
    json.forEach((k, v) -> declared.put(k, secrets.contains(k) && v instanceof String text ? Secret.of(text) : v));
    String identifier = body.getIdentifier();
    String key = identifier != null && !identifier.isBlank() ? identifier : body.getName();
    return new Declared(parent.child(kind.word(), key), kind, declared, source);
  }

  /** An identifier made from a name: lowercase letters and digits, dashes between ("AWS via OIDC" → "aws-via-oidc"). */
  static String identifierOf(String name) {
    String id = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return id.isEmpty() ? "integration" : id;
  }

  /** What the statement returns: the integration as applied (a placeholder ID in the check run). */
  IntegrationRef ref(Address address) {
    String name = (String) fields.get("name");
    String identifier = (String) fields.get("identifier");
    if (scope.runtime().checking()) {
      return new IntegrationRef(HASH_ID, name, identifier, type);
    }
    Map<String, Object> live = scope.runtime().live().at(address)
        .orElseThrow(() -> new DslException(address + " is not in Buddy after the declared state was applied"));
    Object hashId = live.get("hash_id");
    return new IntegrationRef(hashId == null ? null : hashId.toString(), name, identifier, type);
  }

  /** Checks the integration and builds its body. */
  private Integration body() {
    if (type == null) {
      throw new DslException("integration { } needs a type, e.g. type AMAZON. Types: "
          + String.join(", ", Vocabulary.get().integrationTypes()));
    }
    if (scope.inProjectBlock() && !fields.containsKey("scope")) {
      fields.put("scope", "PROJECT");
      fields.putIfAbsent("project_name", scope.project());
    }
    IntegrationCatalog.TypeSpec spec = IntegrationCatalog.get().type(type).orElseThrow();
    if (!spec.creatable()) {
      throw new DslException(type + " integrations cannot be created through the API (Buddy creates them in its UI, e.g. by OAuth)");
    }
    checkRequired(spec);
    if (fields.get("identifier") == null) {
      // The natural key Buddy keeps unique: without it the next apply could not find this integration again.
      fields.put("identifier", identifierOf((String) fields.get("name")));
    }
    Builder builder = new Builder(type);
    fields.forEach(builder::field);
    if (!roles.isEmpty()) {
      builder.field("role_assumptions", roles);
    }
    if (permissions != null) {
      builder.field("permissions", permissions);
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new DslException(inWords(e.getMessage()));
    }
  }

  private void checkRequired(IntegrationCatalog.TypeSpec spec) {
    String authType = (String) fields.get("auth_type");
    IntegrationCatalog.AuthMode mode = authType == null ? spec.defaultMode() : spec.mode(authType).orElseThrow(() ->
        new DslException(type + " integration: authType " + authType + " is not one of "
            + String.join(", ", spec.modes().stream().map(IntegrationCatalog.AuthMode::authType).toList())));
    List<String> missing = new ArrayList<>();
    for (String field : mode.required()) {
      boolean present = field.equals("role_assumptions") ? !roles.isEmpty() : has(field, spec);
      if (!present) {
        missing.add(wordOf(field));
      }
    }
    if (!missing.isEmpty()) {
      throw new DslException(type + " integration is missing " + String.join(", ", missing) + " (auth type "
          + mode.authType() + (mode.isDefault() ? ", the default," : "") + " needs "
          + String.join(", ", mode.required().stream().map(IntegrationContext::wordOf).toList()) + ")");
    }
    for (String field : List.of("name", "scope")) {
      if (!fields.containsKey(field)) {
        throw new DslException(type + " integration is missing " + field + " (every integration needs type, name and scope)");
      }
    }
  }

  private boolean has(String field, IntegrationCatalog.TypeSpec spec) {
    if (fields.get(field) != null) {
      return true;
    }
    return spec.aliases().entrySet().stream().anyMatch(a -> a.getValue().equals(field) && fields.get(a.getKey()) != null);
  }

  private static String wordOf(String apiField) {
    return apiField.equals("role_assumptions") ? "roleAssumption { }" : Vocabulary.camel(apiField);
  }

  /** Rewrites API field names in core's messages ('project_name') to DSL words ('projectName'). */
  static String inWords(String message) {
    Matcher m = QUOTED_FIELD.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement("'" + wordOf(m.group(1)) + "'"));
    }
    m.appendTail(out);
    return out.toString().replace("auth_type", "authType");
  }

  /** buddy-core's builder, for any type the catalog knows. */
  private static final class Builder extends IntegrationBuilder<Builder> {
    Builder(String type) {
      super(type);
    }
  }
}
