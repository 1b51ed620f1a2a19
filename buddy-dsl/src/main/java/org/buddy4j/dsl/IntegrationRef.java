package org.buddy4j.dsl;

/**
 * What an {@code integration { }} statement returns: the integration Buddy created
 * ({@code POST /workspaces/{workspace}/integrations}). In a dry run the hash ID is {@code {hash_id}}.
 * Secrets are never part of it.
 */
public record IntegrationRef(String hashId, String name, String identifier, String type) {

  /** {@code def gh = integration { … }; println gh.hashId}. */
  public String getHashId() {
    return hashId;
  }

  public String getName() {
    return name;
  }

  public String getIdentifier() {
    return identifier;
  }

  public String getType() {
    return type;
  }

  @Override
  public String toString() {
    return type + " integration '" + name + "' (" + hashId + ")";
  }
}
