package org.buddy4j.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The spec's {@code x-buddy-integration-catalog} read from the parsed model into plain records, and the check of an
 * integration create body against it. Reading fails with an {@link AssertionError} naming the type when the shape is
 * wrong (a missing list, a mode without {@code authType}).
 */
record IntegrationCatalog(List<String> commonFields, List<String> secretFields, Map<String, TypeEntry> types) {

    /** One integration type: its fields, aliases (alias → canonical name) and authentication modes. */
    record TypeEntry(String type, boolean creatable, List<String> fields, Map<String, String> aliases, List<AuthMode> authModes) {

        Optional<AuthMode> mode(String authType) {
            return authModes.stream().filter(m -> m.authType().equals(authType)).findFirst();
        }

        List<AuthMode> defaultModes() {
            return authModes.stream().filter(AuthMode::isDefault).toList();
        }
    }

    /** An authentication mode: its {@code auth_type} value, whether it applies when none is sent, its required fields. */
    record AuthMode(String authType, boolean isDefault, List<String> required) {
    }

    static IntegrationCatalog fromSpec() {
        Object raw = ApiSpec.model().getExtensions() == null ? null : ApiSpec.model().getExtensions().get("x-buddy-integration-catalog");
        Map<String, Object> root = map(raw, "x-buddy-integration-catalog");
        Map<String, TypeEntry> types = new LinkedHashMap<>();
        map(root.get("types"), "types").forEach((type, value) -> {
            Map<String, Object> entry = map(value, type);
            List<AuthMode> modes = new ArrayList<>();
            for (Object m : list(entry.get("authModes"), type + ".authModes")) {
                Map<String, Object> mode = map(m, type + ".authModes[]");
                Object authType = mode.get("authType");
                if (!(authType instanceof String s) || s.isBlank()) {
                    throw new AssertionError(type + ": an auth mode has no authType: " + mode);
                }
                modes.add(new AuthMode(s, Boolean.TRUE.equals(mode.get("default")), strings(mode.get("required"), type + "." + s + ".required")));
            }
            Map<String, String> aliases = new LinkedHashMap<>();
            if (entry.get("aliases") != null) {
                map(entry.get("aliases"), type + ".aliases").forEach((alias, canonical) -> {
                    if (!(canonical instanceof String c)) {
                        throw new AssertionError(type + ".aliases." + alias + " is not a field name: " + canonical);
                    }
                    aliases.put(alias, c);
                });
            }
            types.put(type, new TypeEntry(type, Boolean.TRUE.equals(entry.get("creatable")),
                    strings(entry.get("fields"), type + ".fields"), aliases, modes));
        });
        return new IntegrationCatalog(strings(root.get("commonFields"), "commonFields"),
                strings(root.get("secretFields"), "secretFields"), types);
    }

    /**
     * What is wrong with an integration create body by the catalog: an unknown type, a field that is neither common
     * nor the type's (nor one of its aliases), an {@code auth_type} the type lacks, or a required field of the mode it
     * selects ({@code auth_type}, else the default mode) missing once aliases are mapped to canonical names.
     */
    List<String> violations(JsonNode body) {
        List<String> problems = new ArrayList<>();
        JsonNode typeNode = body.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            return List.of("no string 'type'");
        }
        TypeEntry entry = types.get(typeNode.asText());
        if (entry == null) {
            return List.of("type " + typeNode.asText() + " is not in the catalog");
        }
        Set<String> present = new LinkedHashSet<>();
        body.fieldNames().forEachRemaining(field -> {
            if (field.equals("type")) {
                return;
            }
            if (body.get(field).isNull()) {
                return;
            }
            String canonical = entry.aliases().getOrDefault(field, field);
            if (!commonFields.contains(canonical) && !entry.fields().contains(canonical)) {
                problems.add(entry.type() + " does not take field '" + field + "'");
            }
            present.add(canonical);
        });
        JsonNode authType = body.get("auth_type");
        AuthMode mode;
        if (authType != null && !authType.isNull()) {
            mode = entry.mode(authType.asText()).orElse(null);
            if (mode == null) {
                problems.add(entry.type() + " has no auth mode " + authType.asText());
                return problems;
            }
        } else {
            List<AuthMode> defaults = entry.defaultModes();
            if (defaults.size() != 1) {
                problems.add(entry.type() + " has " + defaults.size() + " default auth modes");
                return problems;
            }
            mode = defaults.get(0);
        }
        for (String required : mode.required()) {
            if (!present.contains(required)) {
                problems.add(entry.type() + " in mode " + mode.authType() + " requires '" + required + "'");
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new AssertionError(where + " is not a mapping: " + value);
        }
        return (Map<String, Object>) m;
    }

    private static List<?> list(Object value, String where) {
        if (!(value instanceof List<?> l)) {
            throw new AssertionError(where + " is not a list: " + value);
        }
        return l;
    }

    private static List<String> strings(Object value, String where) {
        List<String> result = new ArrayList<>();
        for (Object item : list(value, where)) {
            if (!(item instanceof String s)) {
                throw new AssertionError(where + " holds a non-string: " + item);
            }
            result.add(s);
        }
        return List.copyOf(result);
    }
}
