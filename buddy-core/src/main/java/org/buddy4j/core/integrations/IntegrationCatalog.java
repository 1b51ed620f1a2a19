package org.buddy4j.core.integrations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.buddy4j.core.generated.integrations.IntegrationCatalogData;

/**
 * Which fields each integration type takes, which it requires in each auth mode, and which are
 * secret: the spec's {@code x-buddy-integration-catalog}, compiled in at build time. It drives the
 * typed builders' validation and the redaction list.
 *
 * <p>The set of types is open: a type the catalog does not know is passed through unchecked.
 */
public final class IntegrationCatalog {
  private static final class Holder {
    static final IntegrationCatalog INSTANCE = IntegrationCatalogData.catalog();
  }

  private final Set<String> commonFields;
  private final Set<String> secretFields;
  private final Set<String> returnedFields;
  private final Map<String, TypeSpec> types;

  private IntegrationCatalog(Set<String> commonFields, Set<String> secretFields, Set<String> returnedFields,
                             Map<String, TypeSpec> types) {
    this.commonFields = Set.copyOf(commonFields);
    this.secretFields = Set.copyOf(secretFields);
    this.returnedFields = Set.copyOf(returnedFields);
    this.types = Map.copyOf(types);
  }

  /** The catalog of the spec this library was built from. */
  public static IntegrationCatalog get() {
    return Holder.INSTANCE;
  }

  /** Fields every type accepts ({@code name}, {@code scope}, {@code permissions}, …). */
  public Set<String> commonFields() {
    return commonFields;
  }

  /** Fields whose values are secret wherever they appear. */
  public Set<String> secretFields() {
    return secretFields;
  }

  /**
   * Fields Buddy's answers may carry for any type ({@code app_id}, {@code google_project}, …): an
   * integration read and sent back with them is not refused, whether or not its type takes them on create.
   */
  public Set<String> returnedFields() {
    return returnedFields;
  }

  /** Every type the catalog knows, by Buddy's name ({@code AMAZON}, {@code GIT_HUB}, …). */
  public Map<String, TypeSpec> types() {
    return types;
  }

  /** The spec of one type, if the catalog knows it. */
  public Optional<TypeSpec> type(String type) {
    return Optional.ofNullable(types.get(type));
  }

  /** One integration type: the fields it takes beyond the common ones, aliases, and auth modes. */
  public record TypeSpec(String type, String title, boolean creatable, List<String> fields,
                         Map<String, String> aliases, List<AuthMode> modes) {

    /** The mode Buddy applies when {@code auth_type} is absent. */
    public AuthMode defaultMode() {
      return modes.stream().filter(AuthMode::isDefault).findFirst().orElseThrow();
    }

    /** The mode with that {@code auth_type}, if the type has one. */
    public Optional<AuthMode> mode(String authType) {
      return modes.stream().filter(m -> m.authType().equals(authType)).findFirst();
    }

    /** Whether the type takes the field (a common field, one of its own, or an alias). */
    public boolean takes(String field, Collection<String> commonFields) {
      return commonFields.contains(field) || fields.contains(field) || aliases.containsKey(field);
    }
  }

  /** One way to authenticate: the {@code auth_type} value and the fields it needs. */
  public record AuthMode(String authType, boolean isDefault, List<String> required) {}

  /** Starts a catalog (used by the generated {@code IntegrationCatalogData}). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a catalog. */
  public static final class Builder {
    private final Set<String> common = new LinkedHashSet<>();
    private final Set<String> secret = new LinkedHashSet<>();
    private final Set<String> returned = new LinkedHashSet<>();
    private final Map<String, TypeSpec> types = new LinkedHashMap<>();

    public Builder commonFields(String... fields) {
      common.addAll(List.of(fields));
      return this;
    }

    public Builder secretFields(String... fields) {
      secret.addAll(List.of(fields));
      return this;
    }

    public Builder returnedFields(String... fields) {
      returned.addAll(List.of(fields));
      return this;
    }

    public TypeBuilder type(String type, String title, boolean creatable) {
      return new TypeBuilder(this, type, title, creatable);
    }

    public IntegrationCatalog build() {
      return new IntegrationCatalog(common, secret, returned, types);
    }
  }

  /** Builds one type's entry. */
  public static final class TypeBuilder {
    private final Builder parent;
    private final String type;
    private final String title;
    private final boolean creatable;
    private final List<String> fields = new ArrayList<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final List<AuthMode> modes = new ArrayList<>();

    private TypeBuilder(Builder parent, String type, String title, boolean creatable) {
      this.parent = parent;
      this.type = type;
      this.title = title;
      this.creatable = creatable;
    }

    public TypeBuilder fields(String... names) {
      fields.addAll(List.of(names));
      return this;
    }

    public TypeBuilder alias(String alias, String canonical) {
      aliases.put(alias, canonical);
      return this;
    }

    public TypeBuilder mode(String authType, boolean isDefault, String... required) {
      modes.add(new AuthMode(authType, isDefault, List.of(required)));
      return this;
    }

    public Builder end() {
      if (modes.stream().filter(AuthMode::isDefault).count() != 1) {
        throw new IllegalStateException("integration type " + type + " needs exactly one default auth mode");
      }
      parent.types.put(type, new TypeSpec(type, title, creatable, List.copyOf(fields), Map.copyOf(aliases), List.copyOf(modes)));
      return parent;
    }
  }
}
