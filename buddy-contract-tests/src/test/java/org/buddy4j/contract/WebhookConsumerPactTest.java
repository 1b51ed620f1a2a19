package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROJECT;
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
import au.com.dius.pact.consumer.dsl.PactDslJsonRootValue;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.buddy4j.core.generated.api.WebhooksApi;
import org.buddy4j.core.generated.model.WebhookList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Listing, reading and deleting webhooks (creating and editing are in {@link WorkspaceConsumerPactTest}).
 * The provider assigns the ID ({@code webhookId}); its secret key never comes back as sent.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class WebhookConsumerPactTest {
  private static final String WEBHOOKS = "/workspaces/" + WS + "/webhooks";
  private static final String WEBHOOK = WEBHOOKS + "/${webhookId}";
  private static final String WEBHOOK_EXAMPLE = WEBHOOKS + "/101";

  private static WebhooksApi webhooks(MockServer server) {
    return Contract.client(server).api(WebhooksApi.class);
  }

  private static void webhook(LambdaDslObject w) {
    links(w);
    w.integerType("id", 101);
    w.stringValue("target_url", "https://hooks.example.com/buddy");
    w.eachLike("projects", PactDslJsonRootValue.stringType(PROJECT), 1);
    w.eachLike("events", PactDslJsonRootValue.stringType("EXECUTION_FINISHED"), 1);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getWebhooks(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("a webhook for company-website exists in workspace buddy")
            .uponReceiving("getWebhooks: list the webhooks of workspace buddy")
            .method("GET").path(WEBHOOKS))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("webhooks", 1, WebhookConsumerPactTest::webhook);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getWebhooks")
  void listsWebhooks(MockServer server) {
    WebhookList list = webhooks(server).getWebhooks(WS);
    assertEquals("https://hooks.example.com/buddy", list.getWebhooks().get(0).getTargetUrl());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getWebhook(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("a webhook for company-website exists in workspace buddy")
            .uponReceiving("getWebhook: get the webhook for company-website")
            .method("GET").pathFromProviderState(WEBHOOK, WEBHOOK_EXAMPLE))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(WebhookConsumerPactTest::webhook).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getWebhook")
  void getsWebhook(MockServer server) {
    assertEquals(PROJECT, webhooks(server).getWebhook(WS, 101).getProjects().get(0));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteWebhook(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("a webhook for company-website exists in workspace buddy")
            .uponReceiving("deleteWebhook: delete the webhook for company-website")
            .method("DELETE").pathFromProviderState(WEBHOOK, WEBHOOK_EXAMPLE))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteWebhook")
  void deletesWebhook(MockServer server) {
    assertDoesNotThrow(() -> webhooks(server).deleteWebhook(WS, 101));
  }
}
