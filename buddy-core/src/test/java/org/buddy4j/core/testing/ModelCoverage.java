package org.buddy4j.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.buddy4j.core.BuddyJson;

/**
 * Checks that a decoded generated model holds everything a JSON document said: every key maps to a
 * declared property (nothing in {@code getAdditionalProperties()}), every value of a non-null key is
 * non-null, every null key reads as null, enums are never the unknown default, recursively.
 */
public final class ModelCoverage {
  private ModelCoverage() {}

  /** Fails naming the JSON path of the first key that was not fully mapped onto {@code model}. */
  public static void assertFullyMapped(JsonNode json, Object model) {
    walk(json, model, "$");
  }

  private static void walk(JsonNode json, Object model, String path) {
    if (json.isNull()) {
      assertNull(model, path + " is null in the JSON");
      return;
    }
    assertNotNull(model, path + " is in the JSON but reads as null");
    if (json.isObject()) {
      assertTrue(!(model instanceof Map), path + " decoded into a Map, not a generated model");
      ObjectMapper mapper = BuddyJson.mapper();
      BeanDescription bean = mapper.getSerializationConfig().introspect(mapper.constructType(model.getClass()));
      List<BeanPropertyDefinition> props = bean.findProperties();
      json.fields().forEachRemaining(e -> {
        String childPath = path + "." + e.getKey();
        Optional<BeanPropertyDefinition> prop = props.stream().filter(p -> p.getName().equals(e.getKey())).findFirst();
        if (prop.isEmpty() || prop.get().getAccessor() == null) {
          fail(childPath + " has no declared property in " + model.getClass().getSimpleName());
        }
        AnnotatedMember getter = prop.get().getAccessor();
        walk(e.getValue(), getter.getValue(model), childPath);
      });
      assertNoAdditionalProperties(model, path);
    } else if (json.isArray()) {
      List<?> list = assertInstanceOf(List.class, model, path + " should be a list");
      assertEquals(json.size(), list.size(), path + " size");
      for (int i = 0; i < json.size(); i++) {
        walk(json.get(i), list.get(i), path + "[" + i + "]");
      }
    } else if (model instanceof Enum<?> e) {
      assertNotEquals("UNKNOWN_DEFAULT_OPEN_API", e.name(), path + " '" + json.asText() + "' decoded as the unknown enum value");
    }
  }

  private static void assertNoAdditionalProperties(Object model, String path) {
    try {
      Method m = model.getClass().getMethod("getAdditionalProperties");
      Object extra = m.invoke(model);
      assertTrue(extra == null || ((Map<?, ?>) extra).isEmpty(),
          path + " (" + model.getClass().getSimpleName() + ") has undeclared properties " + extra);
    } catch (NoSuchMethodException none) {
      // a model without additional properties cannot lose keys there
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
