package org.buddy4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import org.buddy4j.core.generated.model.ExecutionData;
import org.junit.jupiter.api.Test;

/** Blackbird is the default and the one switch turns it off; either way the settings are buddy4j's. */
class BuddyJsonTest {
  private static final Object BLACKBIRD = new BlackbirdModule().getTypeId();

  @Test
  void theSharedMapperBindsThroughBlackbird() {
    assertTrue(BuddyJson.mapper().getRegisteredModuleIds().contains(BLACKBIRD), BuddyJson.mapper().getRegisteredModuleIds().toString());
    assertTrue(BuddyJson.create().getRegisteredModuleIds().contains(BLACKBIRD));
  }

  @Test
  void thePropertyFalseSwitchesItOffAndAnythingElseLeavesItOn() {
    String before = System.getProperty(BuddyJson.BLACKBIRD_PROPERTY);
    try {
      System.setProperty(BuddyJson.BLACKBIRD_PROPERTY, "false");
      assertFalse(BuddyJson.create().getRegisteredModuleIds().contains(BLACKBIRD));
      System.setProperty(BuddyJson.BLACKBIRD_PROPERTY, " FALSE ");
      assertFalse(BuddyJson.create().getRegisteredModuleIds().contains(BLACKBIRD));
      for (String on : new String[] {"true", "no", ""}) {
        System.setProperty(BuddyJson.BLACKBIRD_PROPERTY, on);
        assertTrue(BuddyJson.create().getRegisteredModuleIds().contains(BLACKBIRD), "'" + on + "'");
      }
    } finally {
      if (before == null) {
        System.clearProperty(BuddyJson.BLACKBIRD_PROPERTY);
      } else {
        System.setProperty(BuddyJson.BLACKBIRD_PROPERTY, before);
      }
    }
  }

  @Test
  void withoutBlackbirdTheSettingsAreTheSame() throws Exception {
    String json = "{\"id\":7,\"status\":\"SOMETHING_NEW\",\"start_date\":\"2016-03-29T08:08:20.205123Z\",\"unknown_field\":1}";
    for (ObjectMapper mapper : new ObjectMapper[] {BuddyJson.create(true), BuddyJson.create(false)}) {
      ExecutionData run = mapper.readValue(json, ExecutionData.class);
      assertEquals(7, run.getId());
      assertEquals(1, run.getAdditionalProperties().get("unknown_field"));
      // Nulls are not sent, dates stay RFC 3339 text, the unknown field goes back.
      assertEquals("{\"id\":7,\"start_date\":\"2016-03-29T08:08:20.205123Z\",\"unknown_field\":1}",
          mapper.writeValueAsString(run.status(null)));
    }
  }
}
