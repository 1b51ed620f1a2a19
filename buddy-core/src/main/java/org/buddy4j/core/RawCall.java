package org.buddy4j.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Any method and path of Buddy's API, for what Buddy offers before the spec does (like {@code gh api}):
 * sent on the client's own transport, so it gets the same token, method-aware retries (a POST or PATCH
 * that may have reached Buddy is never re-sent), rate-limit handling, typed errors and redacted log as
 * every facade call. Paths are relative to the client's endpoint ({@code /workspaces/acme/projects};
 * the leading slash is optional) and may carry a query.
 */
public final class RawCall {
  /** The methods a raw call may use. */
  public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

  /** Buddy's own page size when {@code per_page} is not given; every list endpoint honours it. */
  static final int DEFAULT_PER_PAGE = 20;

  // Floats kept as written (1.10 stays 1.10): the body is sent on, not computed with.
  private static final ObjectReader READER = BuddyJson.mapper().reader()
      .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .with(JsonNodeFactory.withExactBigDecimals(true));

  private final ClientContext context;

  RawCall(ClientContext context) {
    this.context = context;
  }

  /** {@code method} in upper case; an {@link IllegalArgumentException} naming the valid ones when it is none of them. */
  public static String method(String method) {
    String m = method == null ? "" : method.trim().toUpperCase(Locale.ROOT);
    if (!METHODS.contains(m)) {
      throw new IllegalArgumentException("unknown method '" + method + "': use one of " + String.join(", ", METHODS));
    }
    return m;
  }

  /**
   * {@code path} as sent after the endpoint: leading slashes dropped, checked to stay under the endpoint
   * (no URL, no {@code .} or {@code ..} segment, no fragment) and to be a valid URL path and query; an
   * {@link IllegalArgumentException} saying what is wrong otherwise.
   */
  public static String path(String path) {
    String p = path == null ? "" : path.trim();
    if (p.contains("://")) {
      throw new IllegalArgumentException("give a path relative to the endpoint (e.g. /workspaces), not a URL: " + p);
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (p.isEmpty() || p.startsWith("?")) {
      throw new IllegalArgumentException("the path is empty: give one relative to the endpoint, e.g. /workspaces");
    }
    if (p.contains("#")) {
      throw new IllegalArgumentException("a path has no fragment ('#'): " + path);
    }
    int q = p.indexOf('?');
    for (String segment : (q < 0 ? p : p.substring(0, q)).split("/", -1)) {
      String decoded = decode(segment);
      if (decoded.equals(".") || decoded.equals("..")) {
        throw new IllegalArgumentException("'" + segment + "' segments would leave the endpoint: " + path);
      }
    }
    try {
      new URI("http://h/" + p);
    } catch (java.net.URISyntaxException e) {
      int at = e.getIndex() - "http://h/".length();
      throw new IllegalArgumentException("not a valid URL path: " + e.getReason()
          + (at >= 0 ? " at index " + at : "") + " of " + p + " (percent-encode it)");
    }
    return p;
  }

  /**
   * A JSON request body; an {@link IllegalArgumentException} with the line and column of the first
   * mistake otherwise. The message never quotes the text: a body may hold secrets.
   */
  public static JsonNode json(String text) {
    try {
      JsonNode node = text == null ? null : READER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new IllegalArgumentException("not JSON: the text is empty; give a JSON document, e.g. {\"name\": \"web\"}");
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new IllegalArgumentException("not JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
          + ": give one JSON document, e.g. {\"name\": \"web\"}");
    }
  }

  /**
   * Sends {@code method path} with {@code body} (null for none) and returns the answer's body, empty
   * when it has none. The secret fields of the body are added to the redactor first.
   *
   * @throws org.buddy4j.core.errors.BuddyException typed, as every call: 404 not found, 422 validation,
   *     outcome unknown when a POST or PATCH may have been applied…
   */
  public byte[] send(String method, String path, JsonNode body) {
    String m = method(method);
    URI url = url(path(path));
    if (body != null) {
      context.redactor().addSecretsOf(body);
    }
    RawApi api = context.api(RawApi.class);
    byte[] answer = switch (m) {
      case "GET" -> {
        if (body != null) {
          throw new IllegalArgumentException("a GET sends no body; use POST, PUT, PATCH or DELETE");
        }
        yield api.get(url);
      }
      case "POST" -> body == null ? api.post(url) : api.post(url, body);
      case "PUT" -> body == null ? api.put(url) : api.put(url, body);
      case "PATCH" -> body == null ? api.patch(url) : api.patch(url, body);
      default -> body == null ? api.delete(url) : api.delete(url, body);
    };
    return answer == null ? new byte[0] : answer;
  }

  /**
   * {@code GET path} page after page ({@code page}, {@code per_page}; the path's own {@code per_page}
   * or Buddy's default of 20) through {@link Pages}, until a short or empty page or the envelope's
   * {@code total_page_count}. Returns the first page's envelope with its list (its one array property,
   * or the whole answer when that is an array) holding the items of every page.
   *
   * @throws IllegalStateException when an answer has no list, or more than one
   */
  public JsonNode paginate(String path) {
    String p = path(path);
    int q = p.indexOf('?');
    String base = q < 0 ? p : p.substring(0, q);
    List<String> query = new ArrayList<>();
    int perPage = DEFAULT_PER_PAGE;
    for (String pair : q < 0 ? new String[0] : p.substring(q + 1).split("&")) {
      String name = decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
      if (name.equals("per_page")) {
        perPage = perPage(decode(pair.substring(pair.indexOf('=') + 1)));
      } else if (!name.equals("page") && !pair.isEmpty()) {
        query.add(pair);
      }
    }
    Pager pager = new Pager(base, query);
    ArrayNode all = BuddyJson.mapper().createArrayNode();
    Pages.stream(pager, perPage).forEach(all::add);
    if (pager.first == null || pager.listKey == null) {
      return all;
    }
    ObjectNode merged = pager.first.deepCopy();
    merged.set(pager.listKey, all);
    return merged;
  }

  private static int perPage(String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // said below
    }
    throw new IllegalArgumentException("per_page must be a whole number of at least 1, not '" + value + "'");
  }

  /** Fetches one page and finds its list; remembers the first envelope and the list's key. */
  private final class Pager implements Pages.Fetcher<JsonNode> {
    private final String base;
    private final List<String> query;
    private ObjectNode first;
    private String listKey;
    private JsonNode previous;

    Pager(String base, List<String> query) {
      this.base = base;
      this.query = query;
    }

    @Override
    public Pages.Page<JsonNode> fetch(int page, int perPage) {
      List<String> pairs = new ArrayList<>(query);
      pairs.add("page=" + page);
      pairs.add("per_page=" + perPage);
      String pagePath = base + "?" + String.join("&", pairs);
      JsonNode answer = parse(send("GET", pagePath, null), pagePath);
      JsonNode list = answer;
      Integer totalPages = null;
      if (answer.isObject()) {
        String key = listKey(answer, pagePath);
        if (listKey != null && !listKey.equals(key)) {
          throw new IllegalStateException("cannot merge GET " + pagePath + ": its list is '" + key + "', page 1's was '"
              + listKey + "'");
        }
        listKey = key;
        if (first == null) {
          first = (ObjectNode) answer;
        }
        list = answer.get(key);
        totalPages = answer.path("total_page_count").isInt() ? answer.get("total_page_count").asInt() : null;
      } else if (!answer.isArray()) {
        throw new IllegalStateException("cannot paginate GET " + pagePath + ": the answer is not a list");
      }
      if (list.equals(previous) && list.size() > 0) {
        return new Pages.Page<>(List.of(), null); // the same page again: this endpoint ignores page
      }
      previous = list;
      List<JsonNode> items = new ArrayList<>(list.size());
      list.forEach(items::add);
      // More than asked for: the endpoint does not page and this was the whole list.
      return new Pages.Page<>(items, items.size() > perPage ? Integer.valueOf(page) : totalPages);
    }
  }

  /** The one array property of an envelope. */
  private static String listKey(JsonNode envelope, String path) {
    List<String> arrays = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = envelope.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isArray()) {
        arrays.add(e.getKey());
      }
    }
    if (arrays.size() != 1) {
      throw new IllegalStateException("cannot paginate GET " + path + ": the answer has "
          + (arrays.isEmpty() ? "no list" : "more than one list " + arrays) + "; --paginate needs exactly one");
    }
    return arrays.get(0);
  }

  private static JsonNode parse(byte[] body, String path) {
    try {
      JsonNode node = body.length == 0 ? null : BuddyJson.mapper().readTree(body);
      if (node == null) {
        throw new IllegalStateException("cannot paginate GET " + path + ": the answer is empty");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalStateException("cannot paginate GET " + path + ": the answer is not JSON");
    }
  }

  private URI url(String relativePath) {
    return URI.create(context.endpoint().baseUrl() + "/" + relativePath);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      return s;
    }
  }
}
