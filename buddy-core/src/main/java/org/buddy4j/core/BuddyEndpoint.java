package org.buddy4j.core;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Which Buddy installation to talk to: US ({@code https://api.buddy.works}, the default), EU
 * ({@code https://api.eu.buddy.works}), AP ({@code https://api.asia.buddy.works}), or a self-hosted one
 * ({@code https://HOST/api}): the spec's {@code servers}. The region codes are those of Buddy's login action
 * ({@code us}, {@code eu}, {@code ap}). A token of one installation is not valid on another.
 */
public final class BuddyEndpoint {
  public static final BuddyEndpoint US = new BuddyEndpoint("https://api.buddy.works");
  public static final BuddyEndpoint EU = new BuddyEndpoint("https://api.eu.buddy.works");
  /** Asia-Pacific accounts. */
  public static final BuddyEndpoint AP = new BuddyEndpoint("https://api.asia.buddy.works");
  private static final String CHOICES = "use us, eu, ap or https://host/api";

  private final String baseUrl;

  private BuddyEndpoint(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A self-hosted Buddy: {@code https://host/api}. */
  public static BuddyEndpoint selfHosted(String host) {
    return of("https://" + host + "/api");
  }

  /**
   * An endpoint from a URL, or from {@code us}/{@code eu}/{@code ap} (as in {@code BUDDY_API_ENDPOINT}, which
   * Buddy's CLI also reads). A trailing slash is dropped.
   */
  public static BuddyEndpoint of(String urlOrRegion) {
    Objects.requireNonNull(urlOrRegion, "endpoint");
    String v = urlOrRegion.trim();
    switch (v.toLowerCase(Locale.ROOT)) {
      case "us":
        return US;
      case "eu":
        return EU;
      case "ap":
        return AP;
      default:
        break;
    }
    URI uri;
    try {
      uri = URI.create(v);
    } catch (IllegalArgumentException bad) {
      throw new IllegalArgumentException("Buddy API endpoint '" + v + "' is not a URL; " + CHOICES);
    }
    if (uri.getScheme() == null || uri.getHost() == null
        || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
      throw new IllegalArgumentException("Buddy API endpoint '" + v + "' is not an http(s) URL; " + CHOICES);
    }
    return new BuddyEndpoint(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
  }

  /** The base URL, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BuddyEndpoint e && e.baseUrl.equals(baseUrl);
  }

  @Override
  public int hashCode() {
    return baseUrl.hashCode();
  }

  @Override
  public String toString() {
    return baseUrl;
  }
}
