package org.buddy4j.dsl;

/**
 * The constants every Buddy script sees without an import (next to the integration types of
 * {@code IntegrationTypes}): integration scopes, run priorities, integration auth types and access
 * levels. They are plain strings, as Buddy's API spells them.
 */
public final class DslConstants {
  private DslConstants() {}

  /** Scope: every project of the workspace may use the integration. */
  public static final String WORKSPACE = "WORKSPACE";
  /** Scope: one project (set {@code projectName}). */
  public static final String PROJECT = "PROJECT";
  /** Scope: one environment. */
  public static final String ENVIRONMENT = "ENVIRONMENT";

  /** Run priority. */
  public static final String LOW = "LOW";
  /** Run priority (Buddy's default). */
  public static final String NORMAL = "NORMAL";
  /** Run priority. */
  public static final String HIGH = "HIGH";

  /** Auth type: the type's default mode. */
  public static final String DEFAULT = "DEFAULT";
  /** Auth type: OpenID Connect (e.g. AMAZON with roleAssumption and audience). */
  public static final String OIDC = "OIDC";
  /** Auth type: AWS trusted role assumption. */
  public static final String TRUSTED = "TRUSTED";
  /** Auth type: a token. */
  public static final String TOKEN = "TOKEN";
  /** Auth type: Shopify's app-extension token. */
  public static final String TOKEN_APP_EXTENSION = "TOKEN_APP_EXTENSION";
  /** Auth type: an API key (e.g. CLOUDFLARE with email and apiKey). */
  public static final String API_KEY = "API_KEY";
  /** Auth type: an app installation. */
  public static final String APP = "APP";
  /** Auth type: OAuth (created in Buddy's UI, not through the API). */
  public static final String OAUTH = "OAUTH";

  /** Access level: may use and change the integration. */
  public static final String MANAGE = "MANAGE";
  /** Access level: may use the integration in pipelines. */
  public static final String USE_ONLY = "USE_ONLY";
  /** Access level: no access. */
  public static final String DENIED = "DENIED";
}
