package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.core.DomainClient;
import org.buddy4j.core.Resources;
import org.buddy4j.core.SsoClient;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.generated.model.DnsRecord;
import org.buddy4j.core.generated.model.DnsRecordRequest;
import org.buddy4j.core.generated.model.Domain;
import org.buddy4j.core.generated.model.DomainCreateRequest;
import org.buddy4j.core.generated.model.Sso;
import org.buddy4j.core.generated.model.SsoUpdateRequest;
import org.buddy4j.core.generated.model.Webhook;
import org.junit.jupiter.api.Test;

/** Webhooks, domains with their DNS records, and single sign-on through the facade. */
class WebhooksDomainsSsoE2eTest extends E2eTestBase {

  @Test
  void aWebhookIsCreatedReadListedUpdatedAndDeleted() {
    Resources<Webhook, Integer, Webhook, Webhook> webhooks = buddy.workspace(WORKSPACE).webhooks();
    Webhook created = webhooks.create(new Webhook().targetUrl("https://hooks.example.com/buddy")
        .secretKey("FAKE-SECRET-webhook-key").events(List.of("EXECUTION_FINISHED")).projects(List.of(PROJECT)));
    assertNotNull(created.getId());
    assertEquals("https://hooks.example.com/buddy", webhooks.get(created.getId()).getTargetUrl());
    assertTrue(webhooks.list().map(Webhook::getId).collect(Collectors.toList()).contains(created.getId()));
    assertEquals("https://hooks.example.com/v2",
        webhooks.update(created.getId(), new Webhook().targetUrl("https://hooks.example.com/v2")).getTargetUrl());
    webhooks.delete(created.getId());
    assertThrows(BuddyNotFoundException.class, () -> webhooks.get(created.getId()));
  }

  /** A user moves a domain to Buddy and points {@code www} at a server, then removes the record. */
  @Test
  void aDomainIsCreatedAndItsRecordsUpsertedReadListedAndDeleted() {
    Resources<Domain, String, DomainCreateRequest, Void> domains = buddy.workspace(WORKSPACE).domains();
    Domain created = domains.create(new DomainCreateRequest().name("example-e2e.com"));
    assertNotNull(created.getId());
    assertEquals("example-e2e.com", domains.get(created.getId()).getName());
    assertTrue(domains.list().map(Domain::getName).collect(Collectors.toList()).contains("example-e2e.com"));
    assertThrows(UnsupportedOperationException.class, () -> domains.delete(created.getId()), "Buddy has no domain DELETE");

    DomainClient domain = buddy.workspace(WORKSPACE).domain(created.getId());
    assertEquals("example-e2e.com", domain.get().getName());
    Resources<DnsRecord, DomainClient.Record, Void, DnsRecordRequest> records = domain.records();
    DomainClient.Record www = DomainClient.Record.of("www", "A");
    DnsRecord upserted = records.update(www, new DnsRecordRequest().ttl(300).values(List.of("192.0.2.10")));
    assertEquals(List.of("192.0.2.10"), upserted.getValues());
    assertEquals(300, records.get(www).getTtl());
    records.update(www, new DnsRecordRequest().ttl(60).values(List.of("192.0.2.11")));
    assertEquals(List.of("192.0.2.11"), records.get(www).getValues());
    assertTrue(records.list().anyMatch(r -> "A".equals(r.getType())), "listed");
    assertEquals(List.of("A"), domain.records("www").stream().map(DnsRecord::getType).collect(Collectors.toList()));

    records.delete(www);
    assertTrue(records.find(www).isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> records.create(null), "Buddy's upsert is the PATCH");
  }

  /** A user configures SAML sign-on, turns it on for the workspace, and off again. */
  @Test
  void singleSignOnIsConfiguredEnabledAndDisabled() {
    SsoClient sso = buddy.workspace(WORKSPACE).sso();
    Sso updated = sso.update(new SsoUpdateRequest().type("SAML").ssoUrl("https://idp.example.com/sso")
        .issuer("https://idp.example.com").certificate("FAKE-SECRET-sso-certificate").signatureMethod("sha256")
        .digestMethod("sha256"));
    assertEquals("SAML", updated.getType());
    Sso read = sso.get();
    assertEquals("https://idp.example.com/sso", read.getSsoUrl());
    assertFalse(String.valueOf(read).contains("FAKE-SECRET-sso-certificate"));

    sso.enable();
    assertEquals(Boolean.TRUE, buddy.workspace(WORKSPACE).get().getSsoEnabled());
    sso.disable();
    assertEquals(Boolean.FALSE, buddy.workspace(WORKSPACE).get().getSsoEnabled());
  }

  @Test
  void unknownWebhooksDomainsAndRecordsAreTypedNotFounds() {
    assertThrows(BuddyNotFoundException.class, () -> buddy.workspace(WORKSPACE).webhooks().get(999999));
    assertThrows(BuddyNotFoundException.class, () -> buddy.workspace(WORKSPACE).domains().get("no-such-domain"));
    assertThrows(BuddyNotFoundException.class, () -> buddy.workspace(WORKSPACE).domain("no-such-domain").records().list().count());
  }
}
