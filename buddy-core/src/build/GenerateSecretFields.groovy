// Generates buddy-core's list of secret JSON fields from the spec, so redaction never trails the spec.
//
// Runs in the same gmavenplus execution as GenerateIntegrationBuilders.groovy (generate-sources) and writes,
// under the same target/generated-sources/catalog:
//   org/buddy4j/core/generated/secrets/SecretFieldData.java
// A property is secret when the spec marks it `format: password` or `writeOnly: true` (always secret) or
// `x-buddy-secret-when: FLAG` (secret while the boolean FLAG beside it is true), and so is every name in the
// integration catalog's secretFields. Every object schema is read: components, nested inline objects, array
// items, allOf/oneOf/anyOf, and the inline request and response schemas of the operations.
//
// A few names are secret in one object and plain in another (a target's private `key` and a variable's
// `key`, an SSO `certificate` and a sandbox endpoint's public one, an integration's `email` and a member's).
// For each such name the generator lists its witnesses: properties of the objects where it is plain that no
// object where it is secret has. The redactor masks the field unless a witness stands beside it, so an
// object it cannot place is masked.
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory

def spec = new File(binding.getVariable('specFile') as String)
def outRoot = new File(binding.getVariable('outputDirectory') as String)
def pkg = 'org.buddy4j.core.generated.secrets'
def dir = new File(outRoot, pkg.replace('.', '/'))
dir.mkdirs()

def doc = new ObjectMapper(new YAMLFactory()).readValue(spec, Map)
def schemas = doc.components.schemas as Map

// Every object with properties, once: a list of [context name, property map].
def objects = []
def seen = new IdentityHashMap()
def walk
walk = { String where, Object node ->
    if (!(node instanceof Map) || seen.containsKey(node)) return
    seen.put(node, true)
    Map s = node as Map
    if (s.properties instanceof Map) {
        objects << [where, s.properties as Map]
        (s.properties as Map).each { k, p -> walk("$where.$k", p) }
    }
    if (s.items) walk("$where[]", s.items)
    if (s.additionalProperties instanceof Map) walk("$where{}", s.additionalProperties)
    ['allOf', 'oneOf', 'anyOf'].each { c -> (s[c] ?: []).eachWithIndex { x, i -> walk("$where/$c$i", x) } }
}
schemas.each { name, s -> walk(name as String, s) }
(doc.paths as Map).each { path, item ->
    (item as Map).each { method, op ->
        if (!(op instanceof Map)) return
        ((op.requestBody?.content ?: [:]) as Map).each { type, c -> walk("$method $path request", c.schema) }
        ((op.responses ?: [:]) as Map).each { status, r -> ((r.content ?: [:]) as Map).each { type, c -> walk("$method $path $status", c.schema) } }
    }
}

def always = new TreeSet<String>()
def secretWhen = new TreeMap<String, String>()
def secretIn = [:].withDefault { [] }   // name -> property maps of the objects where it is always secret
def plainIn = [:].withDefault { [] }    // name -> property maps of the objects where it is plain
objects.each { where, Map props ->
    props.each { String k, p ->
        Map prop = p instanceof Map ? p as Map : [:]
        if (prop['x-buddy-secret-when']) {
            String flag = prop['x-buddy-secret-when']
            if (secretWhen.containsKey(k) && secretWhen[k] != flag) {
                throw new IllegalStateException("$where.$k: x-buddy-secret-when $flag, elsewhere ${secretWhen[k]}; one flag per name")
            }
            if (!(props[flag] instanceof Map) || props[flag].type != 'boolean') {
                throw new IllegalStateException("$where.$k: x-buddy-secret-when names '$flag', which is no boolean property beside it")
            }
            secretWhen[k] = flag
        } else if (prop.format == 'password' || prop.writeOnly == true) {
            // The model template masks format: password in toString; a writeOnly secret without it would print.
            if (prop.format != 'password') throw new IllegalStateException("$where.$k is writeOnly: mark it format: password too")
            always << k
            secretIn[k] << props
        } else {
            plainIn[k] << props
        }
    }
}
def catalog = doc['x-buddy-integration-catalog']
if (!catalog?.secretFields) throw new IllegalStateException("no x-buddy-integration-catalog.secretFields in $spec")
always.addAll(catalog.secretFields as List)
// Without a format: password somewhere, a catalog secret would be printed by the Integration model's toString.
(catalog.secretFields as List).each { f ->
    if (!secretIn.containsKey(f)) throw new IllegalStateException("catalog secret field '$f' is not format: password in the Integration schema")
}

def witnesses = new TreeMap<String, TreeSet<String>>()
always.each { String name ->
    if (!plainIn.containsKey(name)) return
    def secretProps = secretIn[name].collectMany { it.keySet() } as Set
    def w = new TreeSet<String>(plainIn[name].collectMany { it.keySet() })
    w.removeAll(secretProps)
    if (w) witnesses[name] = w // none: masked wherever it appears
}

String q(String s) { '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"' }
def src = new StringBuilder()
src << "// Generated from api-spec/openapi.yaml (format: password, writeOnly, x-buddy-secret-when, the catalog's secretFields)\n"
src << "// by src/build/GenerateSecretFields.groovy. Do not edit.\n"
src << "package $pkg;\n\n"
src << "/** The spec's secret JSON fields, compiled in so the client needs no YAML at run time. */\n"
src << "@jakarta.annotation.Generated(\"GenerateSecretFields.groovy\")\n"
src << "public final class SecretFieldData {\n  private SecretFieldData() {}\n\n"
src << "  /** Names whose value is a secret (format: password, writeOnly, or the catalog's secretFields). */\n"
src << "  public static java.util.Set<String> always() {\n    return java.util.Set.of(${always.collect { q(it) }.join(', ')});\n  }\n\n"
src << "  /** Names secret only while the boolean field named by the value is true (x-buddy-secret-when). */\n"
src << "  public static java.util.Map<String, String> secretWhen() {\n    return java.util.Map.ofEntries(${secretWhen.collect { k, v -> 'java.util.Map.entry(' + q(k) + ', ' + q(v) + ')' }.join(', ')});\n  }\n\n"
src << "  /** For names that are plain in some objects: the fields that, beside them, show the object is one of those. */\n"
src << "  public static java.util.Map<String, java.util.Set<String>> plainBeside() {\n    return java.util.Map.ofEntries(\n"
src << witnesses.collect { k, v -> "        java.util.Map.entry(${q(k)}, java.util.Set.of(${v.collect { q(it) }.join(', ')}))" }.join(',\n')
src << ");\n  }\n}\n"
new File(dir, 'SecretFieldData.java').text = src.toString()
log.info("Generated ${always.size()} secret field names (${witnesses.size()} plain in some objects) and ${secretWhen.size()} conditional ones into $dir")
