package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.util.List;
import org.buddy4j.core.generated.api.DomainsApi;
import org.buddy4j.core.generated.model.DnsRecord;
import org.buddy4j.core.generated.model.DnsRecordList;
import org.buddy4j.core.generated.model.DnsRecordRequest;
import org.buddy4j.core.generated.model.Domain;
import org.buddy4j.core.generated.model.DomainCreateRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Domains of a workspace and their DNS records. The provider assigns the domain's ID ({@code domainId});
 * a record is addressed by its subdomain and type.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class DomainConsumerPactTest {
  private static final String DOMAINS = "/workspaces/" + WS + "/domains";
  private static final String DOMAIN = DOMAINS + "/${domainId}";
  private static final String ID = "Jd0kZ1lq";
  private static final String DOMAIN_EXAMPLE = DOMAINS + "/" + ID;
  private static final String NAME = "pact-example.com";
  private static final String WWW_A = "/records/www/A";

  private static DomainsApi domains(MockServer server) {
    return Contract.client(server).api(DomainsApi.class);
  }

  private static void domain(LambdaDslObject d) {
    links(d);
    d.stringType("id", ID);
    d.stringValue("name", NAME);
    d.stringType("type", "PRIVATE");
  }

  private static void record(LambdaDslObject r, String value) {
    links(r);
    r.stringType("name", "www");
    r.stringValue("type", "A");
    r.integerType("ttl", 300);
    r.array("values", v -> v.stringValue(value));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getDomains(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("domain pact-example.com exists in workspace buddy")
            .uponReceiving("getDomains: list the domains of workspace buddy")
            .method("GET").path(DOMAINS))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("domains", 1, DomainConsumerPactTest::domain);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getDomains")
  void listsDomains(MockServer server) {
    assertEquals(NAME, domains(server).getDomains(WS).getDomains().get(0).getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createDomain(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("workspace buddy exists")
            .uponReceiving("createDomain: add domain pact-example.com")
            .method("POST").path(DOMAINS)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> b.stringValue("name", NAME)).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(DomainConsumerPactTest::domain).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createDomain")
  void addsDomain(MockServer server) {
    Domain created = domains(server).createDomain(WS, new DomainCreateRequest().name(NAME));
    assertEquals(ID, created.getId());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getDomain(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("domain pact-example.com exists in workspace buddy")
            .uponReceiving("getDomain: get domain pact-example.com")
            .method("GET").pathFromProviderState(DOMAIN, DOMAIN_EXAMPLE))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(DomainConsumerPactTest::domain).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getDomain")
  void getsDomain(MockServer server) {
    assertEquals(NAME, domains(server).getDomain(WS, ID).getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getDomainRecords(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("domain pact-example.com has an A record for www")
            .uponReceiving("getDomainRecords: list the DNS records of pact-example.com")
            .method("GET").pathFromProviderState(DOMAIN + "/records", DOMAIN_EXAMPLE + "/records"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("records", 1, r -> record(r, "192.0.2.10"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getDomainRecords")
  void listsRecords(MockServer server) {
    DnsRecordList list = domains(server).getDomainRecords(WS, ID);
    assertEquals("A", list.getRecords().get(0).getType());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getSubdomainRecords(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("domain pact-example.com has an A record for www")
            .uponReceiving("getSubdomainRecords: list the DNS records of www.pact-example.com")
            .method("GET").pathFromProviderState(DOMAIN + "/records/www", DOMAIN_EXAMPLE + "/records/www"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("records", 1, r -> record(r, "192.0.2.10"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getSubdomainRecords")
  void listsSubdomainRecords(MockServer server) {
    assertEquals(1, domains(server).getSubdomainRecords(WS, ID, "www").getRecords().size());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getDomainRecord(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("domain pact-example.com has an A record for www")
            .uponReceiving("getDomainRecord: get the A record of www.pact-example.com")
            .method("GET").pathFromProviderState(DOMAIN + WWW_A, DOMAIN_EXAMPLE + WWW_A))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(r -> record(r, "192.0.2.10")).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getDomainRecord")
  void getsRecord(MockServer server) {
    assertEquals(List.of("192.0.2.10"), domains(server).getDomainRecord(WS, ID, "www", "A").getValues());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact upsertDomainRecord(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("domain pact-example.com exists in workspace buddy")
            .uponReceiving("upsertDomainRecord: point www.pact-example.com at 192.0.2.20")
            .method("PATCH").pathFromProviderState(DOMAIN + WWW_A, DOMAIN_EXAMPLE + WWW_A)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("routing", "Simple");
              b.numberValue("ttl", 300);
              b.array("values", v -> v.stringValue("192.0.2.20"));
            }).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(r -> {
          record(r, "192.0.2.20");
          r.numberValue("ttl", 300);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "upsertDomainRecord")
  void upsertsRecord(MockServer server) {
    DnsRecord record = domains(server).upsertDomainRecord(WS, ID, "www", "A",
        new DnsRecordRequest().routing("Simple").ttl(300).values(List.of("192.0.2.20")));
    assertEquals(List.of("192.0.2.20"), record.getValues());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteDomainRecord(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("domain pact-example.com has an A record for www")
            .uponReceiving("deleteDomainRecord: delete the A record of www.pact-example.com")
            .method("DELETE").pathFromProviderState(DOMAIN + WWW_A, DOMAIN_EXAMPLE + WWW_A))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteDomainRecord")
  void deletesRecord(MockServer server) {
    assertDoesNotThrow(() -> domains(server).deleteDomainRecord(WS, ID, "www", "A"));
  }
}
