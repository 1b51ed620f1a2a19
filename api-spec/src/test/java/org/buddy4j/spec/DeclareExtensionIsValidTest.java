package org.buddy4j.spec;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * {@code x-buddy-declare} (the kinds a provisioning script may declare) says only what is true of the rest
 * of the spec: each kind's schema is the body some {@code POST} creates with, its key, read-only and
 * create-only fields are properties of that schema, its parents come before it, words are unique, and a
 * field Buddy's update body leaves out is marked create-only where the kind has a separate update schema.
 */
class DeclareExtensionIsValidTest {

    private static final Set<String> KEYS = Set.of("word", "schema", "key", "parents", "ordered", "open", "summary",
            "readOnly", "createOnly");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> declare() {
        Object raw = ApiSpec.model().getExtensions().get("x-buddy-declare");
        assertNotNull(raw, "x-buddy-declare is a root key of the spec");
        return (List<Map<String, Object>>) raw;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> entry, String key) {
        Object v = entry.get(key);
        return v == null ? List.of() : (List<String>) v;
    }

    /** The schemas some POST sends as its JSON body. */
    private static Set<String> createBodies() {
        Set<String> bodies = new HashSet<>();
        ApiSpec.model().getPaths().forEach((path, item) -> {
            Operation post = item.getPost();
            if (post != null && post.getRequestBody() != null && post.getRequestBody().getContent() != null
                    && post.getRequestBody().getContent().get("application/json") != null) {
                String ref = post.getRequestBody().getContent().get("application/json").getSchema().get$ref();
                if (ref != null) {
                    bodies.add(ref.substring(ref.lastIndexOf('/') + 1));
                }
            }
        });
        return bodies;
    }

    @Test
    void everyEntryAgreesWithTheSchemas() {
        Map<String, Schema> schemas = ApiSpec.model().getComponents().getSchemas();
        Set<String> bodies = createBodies();
        List<String> wrong = new ArrayList<>();
        Set<String> words = new HashSet<>(Set.of("workspace"));
        for (Map<String, Object> entry : declare()) {
            String word = (String) entry.get("word");
            Set<String> unknown = new TreeSet<>(entry.keySet());
            unknown.removeAll(KEYS);
            if (!unknown.isEmpty()) {
                wrong.add(word + ": unknown keys " + unknown);
            }
            list(entry, "parents").forEach(p -> {
                if (!words.contains(p)) {
                    wrong.add(word + ": parent " + p + " is not an earlier kind");
                }
            });
            if (list(entry, "parents").isEmpty()) {
                wrong.add(word + ": no parents");
            }
            if (!words.add(word)) {
                wrong.add(word + ": declared twice");
            }
            String schema = (String) entry.get("schema");
            if (!bodies.contains(schema)) {
                wrong.add(word + ": " + schema + " is no POST's body");
            }
            Schema<?> s = schemas.get(schema);
            Map<String, Schema> props = s == null || s.getProperties() == null ? Map.of() : s.getProperties();
            List<String> named = new ArrayList<>(list(entry, "readOnly"));
            named.addAll(list(entry, "createOnly"));
            named.add((String) entry.get("key"));
            named.forEach(f -> {
                if (!props.containsKey(f)) {
                    wrong.add(word + ": " + f + " is not a property of " + schema);
                }
            });
            if (list(entry, "readOnly").contains(entry.get("key"))) {
                wrong.add(word + ": its key is read-only");
            }
            if (entry.get("summary") == null) {
                wrong.add(word + ": no summary");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aProjectsCreateOnlyFieldsAreThoseItsUpdateBodyLacks() {
        Map<String, Schema> schemas = ApiSpec.model().getComponents().getSchemas();
        Map<String, Object> project = declare().stream().filter(e -> "project".equals(e.get("word"))).findFirst().orElseThrow();
        Set<String> lacking = new TreeSet<>(schemas.get("ProjectCreateRequest").getProperties().keySet());
        lacking.removeAll(schemas.get("ProjectUpdateRequest").getProperties().keySet());
        lacking.removeAll(list(project, "readOnly"));
        assertEquals(lacking, new TreeSet<>(list(project, "createOnly")));
    }

    @Test
    void theIdentityFieldsAreReadOnly() {
        for (Map<String, Object> entry : declare()) {
            Map<String, Schema> props = ApiSpec.model().getComponents().getSchemas().get((String) entry.get("schema")).getProperties();
            for (String id : List.of("id", "url", "html_url", "hash_id", "create_date")) {
                if (props.containsKey(id)) {
                    assertFalse(!list(entry, "readOnly").contains(id), entry.get("word") + "." + id + " must be read-only");
                }
            }
        }
    }
}
