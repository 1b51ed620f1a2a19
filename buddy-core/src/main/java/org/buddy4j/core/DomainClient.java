package org.buddy4j.core;

import java.util.List;
import java.util.Objects;
import org.buddy4j.core.generated.api.DomainsApi;
import org.buddy4j.core.generated.model.DnsRecord;
import org.buddy4j.core.generated.model.DnsRecordList;
import org.buddy4j.core.generated.model.DnsRecordRequest;
import org.buddy4j.core.generated.model.Domain;

/** One domain of a workspace: {@code /workspaces/{workspace}/domains/{domain_id}} and its DNS records. */
public final class DomainClient {
  private final ClientContext context;
  private final String workspace;
  private final String domainId;

  DomainClient(ClientContext context, String workspace, String domainId) {
    this.context = context;
    this.workspace = workspace;
    this.domainId = Handles.require("domain_id", domainId);
  }

  public String workspace() {
    return workspace;
  }

  public String id() {
    return domainId;
  }

  /** {@code GET /workspaces/{workspace}/domains/{domain_id}}. */
  public Domain get() {
    return api().getDomain(workspace, domainId);
  }

  /**
   * The domain's DNS records, {@code …/domains/{domain_id}/records} (answered whole), each addressed by its
   * name and type ({@code …/records/{subdomain}/{record_type}}). Buddy has no separate create: {@code update}
   * is its upsert ({@code PATCH}), which makes the record when there is none.
   */
  public Resources<DnsRecord, Record, Void, DnsRecordRequest> records() {
    DomainsApi api = api();
    return Resources.<DnsRecord, Record, Void, DnsRecordRequest>at(
            "/workspaces/" + workspace + "/domains/" + domainId + "/records")
        .whole(() -> api.getDomainRecords(workspace, domainId).getRecords())
        .get(r -> api.getDomainRecord(workspace, domainId, r.subdomain(), r.type()))
        .update((r, body) -> api.upsertDomainRecord(workspace, domainId, r.subdomain(), r.type(), body))
        .delete(r -> api.deleteDomainRecord(workspace, domainId, r.subdomain(), r.type()))
        .build();
  }

  /** {@code GET …/domains/{domain_id}/records/{subdomain}}: every record of one name ({@code @}, {@code www}…), any type. */
  public List<DnsRecord> records(String subdomain) {
    DnsRecordList list = api().getSubdomainRecords(workspace, domainId, Objects.requireNonNull(subdomain, "subdomain"));
    return list.getRecords() == null ? List.of() : list.getRecords();
  }

  private DomainsApi api() {
    return context.api(DomainsApi.class);
  }

  @Override
  public String toString() {
    return "Domain[" + workspace + "/" + domainId + "]";
  }

  /**
   * A DNS record's address in its domain: its name ({@code @} for the apex, {@code www}…; sent as one path
   * segment, encoded) and its type ({@code A}, {@code CNAME}, {@code TXT}…).
   */
  public record Record(String subdomain, String type) {
    public Record {
      Objects.requireNonNull(subdomain, "subdomain");
      Objects.requireNonNull(type, "type");
    }

    /** The record {@code type} of the name {@code subdomain}. */
    public static Record of(String subdomain, String type) {
      return new Record(subdomain, type);
    }
  }
}
