package org.buddy4j.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A domain's DNS records ({@code …/domains/{domain_id}/records[/{subdomain}[/{record_type}]]}): one record per
 * subdomain and type, set by {@code PATCH} (an upsert, as Buddy's) and removed by {@code DELETE}. They live in
 * the domain's store item (a hidden field), so a seed or reset clears them with the domain.
 */
final class DomainApi {
  private static final String RECORDS = "__records";

  private final Emulation emulation;

  DomainApi(Emulation emulation) {
    this.emulation = emulation;
  }

  void register(OperationRegistry registry) {
    registry.on("getDomainRecords", req -> list(req, null))
      .on("getSubdomainRecords", req -> list(req, req.path("subdomain")))
      .on("getDomainRecord", req -> Replies.json(req.rc, 200, view(req, existing(req))))
      .on("upsertDomainRecord", this::upsert)
      .on("deleteDomainRecord", req -> {
        existing(req);
        records(req).remove(key(req));
        Replies.noContent(req.rc);
      });
  }

  private JsonObject domain(ApiRequest req) {
    List<String> scope = List.of(emulation.state().workspace(req.workspace()).domain);
    String id = req.path("domain_id");
    JsonObject domain = emulation.state().resources.find(emulation.resources.family("domains"), scope, id);
    if (domain == null) {
      throw ApiError.notFound("Domain " + id + " not found");
    }
    return domain;
  }

  private JsonObject records(ApiRequest req) {
    JsonObject domain = domain(req);
    if (domain.getJsonObject(RECORDS) == null) {
      domain.put(RECORDS, new JsonObject());
    }
    return domain.getJsonObject(RECORDS);
  }

  private static String key(ApiRequest req) {
    return req.path("subdomain") + "/" + req.path("record_type");
  }

  private JsonObject existing(ApiRequest req) {
    JsonObject record = records(req).getJsonObject(key(req));
    if (record == null) {
      throw ApiError.notFound("No " + req.path("record_type") + " record for '" + req.path("subdomain") + "'");
    }
    return record;
  }

  private JsonObject view(ApiRequest req, JsonObject record) {
    String base = "/workspaces/" + req.workspace() + "/domains/" + req.path("domain_id") + "/records/";
    return emulation.links.of(base + record.getString("name") + "/" + record.getString("type"),
        "/" + req.workspace() + "/domains/" + req.path("domain_id")).mergeIn(record);
  }

  private void list(ApiRequest req, String subdomain) {
    JsonArray items = new JsonArray();
    records(req).forEach(e -> {
      JsonObject record = (JsonObject) e.getValue();
      if (subdomain == null || subdomain.equals(record.getString("name"))) {
        items.add(view(req, record));
      }
    });
    String base = "/workspaces/" + req.workspace() + "/domains/" + req.path("domain_id") + "/records";
    Replies.json(req.rc, 200, emulation.links.of(base + (subdomain == null ? "" : "/" + subdomain),
      "/" + req.workspace() + "/domains/" + req.path("domain_id")).put("records", items));
  }

  private void upsert(ApiRequest req) {
    JsonObject records = records(req);
    JsonObject record = records.getJsonObject(key(req), new JsonObject()
      .put("name", req.path("subdomain")).put("type", req.path("record_type")).put("ttl", 3600)
      .put("routing", "SIMPLE").put("values", new JsonArray()));
    record.mergeIn(req.body().copy());
    records.put(key(req), record);
    Replies.json(req.rc, 200, view(req, record));
  }
}
