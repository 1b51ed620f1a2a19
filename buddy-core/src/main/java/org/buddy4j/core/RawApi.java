package org.buddy4j.core;

import com.fasterxml.jackson.databind.JsonNode;
import feign.Headers;
import feign.RequestLine;
import java.net.URI;

/**
 * The Feign interface of {@link RawCall}: one method per HTTP method, the whole URL given as a
 * {@code URI} argument (Feign's dynamic target), so a raw call goes through the same stack as every
 * generated interface (token, retries by method, rate limits, typed errors, redacted log). Its answer
 * is the body's bytes; an error status never gets here, the error decoder throws first.
 */
@Headers("Accept: application/json")
interface RawApi {
  @RequestLine("GET")
  byte[] get(URI url);

  @RequestLine("DELETE")
  byte[] delete(URI url);

  @RequestLine("DELETE")
  @Headers("Content-Type: application/json")
  byte[] delete(URI url, JsonNode body);

  @RequestLine("POST")
  byte[] post(URI url);

  @RequestLine("POST")
  @Headers("Content-Type: application/json")
  byte[] post(URI url, JsonNode body);

  @RequestLine("PUT")
  byte[] put(URI url);

  @RequestLine("PUT")
  @Headers("Content-Type: application/json")
  byte[] put(URI url, JsonNode body);

  @RequestLine("PATCH")
  byte[] patch(URI url);

  @RequestLine("PATCH")
  @Headers("Content-Type: application/json")
  byte[] patch(URI url, JsonNode body);
}
