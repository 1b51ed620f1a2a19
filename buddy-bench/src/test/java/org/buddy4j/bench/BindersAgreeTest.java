package org.buddy4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.buddy4j.core.generated.model.ExecutionData;
import org.buddy4j.core.generated.model.ExecutionList;
import org.buddy4j.core.generated.model.ProjectList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The comparisons are fair: every binder reads the same models and writes the same bytes. */
class BindersAgreeTest {

  @Test
  void runResponseDecodesTheSameWithEveryBinder() throws IOException {
    RunResponseDecode b = new RunResponseDecode();
    b.setup();
    ExecutionData sdk = (ExecutionData) b.sdk();
    assertEquals(3, sdk.getId());
    assertNotNull(sdk.getStartDate());
    assertEquals(sdk, b.plainMapper());
    assertEquals(sdk, b.sdkWithoutBlackbird());
    assertEquals(sdk, b.sdkFeignDecoder());
    assertEquals(sdk, b.generatedFeignDecoder());
    assertTrue(b.streamingFloor() > 0);
  }

  @Test
  void listPageDecodesTheSameWithEveryBinder() throws IOException {
    ExecutionListDecode b = new ExecutionListDecode();
    b.setup();
    ExecutionList sdk = (ExecutionList) b.sdk();
    assertEquals(Payloads.LIST_PAGE_SIZE, sdk.getExecutions().size());
    assertEquals(100, sdk.getExecutions().get(0).getId());
    assertEquals(sdk, b.plainMapper());
    assertEquals(sdk, b.sdkWithoutBlackbird());
    assertEquals(sdk, b.sdkFeignDecoder());
    assertEquals(sdk, b.generatedFeignDecoder());
    assertTrue(b.streamingFloor() > 0);
  }

  @Test
  void projectListDecodesTheSameWithEveryBinder() throws IOException {
    ProjectListDecode b = new ProjectListDecode();
    b.setup();
    ProjectList sdk = (ProjectList) b.sdk();
    assertEquals(Payloads.PROJECT_PAGE_SIZE, sdk.getProjects().size());
    assertEquals("service-30", sdk.getProjects().get(29).getName());
    assertEquals(sdk, b.plainMapper());
    assertEquals(sdk, b.sdkWithoutBlackbird());
    assertEquals(sdk, b.sdkFeignDecoder());
    assertEquals(sdk, b.generatedFeignDecoder());
    assertTrue(b.streamingFloor() > 0);
  }

  @Test
  void runResponseEncodesToTheSameBytes() throws IOException {
    RunResponseEncode b = new RunResponseEncode();
    b.setup();
    byte[] sdk = b.sdk();
    assertTrue(new String(sdk, StandardCharsets.UTF_8).contains("\"start_date\":\"2016-03-29T08:08:20.205Z\""));
    assertArrayEquals(sdk, b.plainMapper());
    assertArrayEquals(sdk, b.sdkWithoutBlackbird());
    assertArrayEquals(sdk, b.streamingFloor());
  }

  @Test
  void runRequestEncodesToTheSameBytes() throws IOException {
    RunRequestEncode b = new RunRequestEncode();
    b.setup();
    byte[] sdk = b.sdk();
    assertTrue(new String(sdk, StandardCharsets.UTF_8).contains("\"encrypted\":true"));
    assertArrayEquals(sdk, b.plainMapper());
    assertArrayEquals(sdk, b.sdkWithoutBlackbird());
    assertArrayEquals(sdk, b.streamingFloor());
  }

  @ParameterizedTest
  @ValueSource(strings = {"accessKeys", "roleAssumptions", "oidc", "token", "usernamePassword", "apiKey"})
  void integrationBodiesEncodeToTheSameBytes(String authStyle) throws IOException {
    IntegrationCreateEncode b = new IntegrationCreateEncode();
    b.authStyle = authStyle;
    b.setup();
    byte[] sdk = b.sdk();
    assertTrue(new String(sdk, StandardCharsets.UTF_8).contains("\"type\":"));
    assertArrayEquals(sdk, b.plainMapper());
    assertArrayEquals(sdk, b.sdkWithoutBlackbird());
    assertArrayEquals(sdk, b.streamingFloor());
  }

  @Test
  void everyAuthStyleHasAnExample() {
    assertEquals(Payloads.INTEGRATION_EXAMPLES.size(), 6);
    Payloads.INTEGRATION_EXAMPLES.keySet().forEach(Payloads::integrationCreate);
  }
}
