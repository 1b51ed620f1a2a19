// Generates buddy-core's declarable kinds (provisioning as code) from the spec's x-buddy-declare.
//
// Runs in the same gmavenplus execution as GenerateRunFields.groovy (generate-sources) and writes, under the
// same target/generated-sources/catalog:
//   org/buddy4j/core/generated/declare/DeclaredKindData.java  every x-buddy-declare entry as a DeclaredKind
// Each kind's fields are its create schema's properties minus its readOnly ones, each typed from its schema
// (an enum or x-extensible-enum is a choice, arrays are lists of texts, choices, numbers or objects, a $ref
// object an object) and marked secret where the spec says so (format: password, writeOnly, the integration
// catalog's secretFields for the Integration schema) or secret-when (x-buddy-secret-when). A property added
// to a schema becomes declarable without touching this script.
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory

def spec = new File(binding.getVariable('specFile') as String)
def outRoot = new File(binding.getVariable('outputDirectory') as String)
def pkg = 'org.buddy4j.core.generated.declare'
def dir = new File(outRoot, pkg.replace('.', '/'))
dir.mkdirs()

def doc = new ObjectMapper(new YAMLFactory()).readValue(spec, Map)
def schemas = doc.components.schemas
List declare = doc['x-buddy-declare'] as List
if (!declare) throw new IllegalStateException("no x-buddy-declare in $spec")
Set catalogSecrets = ((doc['x-buddy-integration-catalog'] ?: [:]).secretFields ?: []) as Set

String q(String s) { s == null ? 'null' : '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"' }
String strings(List l) { 'java.util.List.of(' + (l ?: []).collect { q(it as String) }.join(', ') + ')' }
String camel(String snake) {
    def parts = snake.split('_')
    parts[0] + parts.drop(1).collect { it.capitalize() }.join('')
}
String firstLine(Object text) { text == null ? null : (text as String).trim().readLines()[0] }

def resolve = { Map s -> s?.'$ref' ? schemas[(s.'$ref' as String).tokenize('/').last()] as Map : s }
def choicesOf = { Map s -> (s?.enum ?: s?.'x-extensible-enum') as List }

def kinds = []
Set seen = ['workspace'] as Set
declare.each { Map k ->
    String word = k.word
    def fail = { String why -> throw new IllegalStateException("x-buddy-declare '$word': $why (in $spec)") }
    Map schema = schemas[k.schema as String] as Map
    if (!schema?.properties) fail("schema '${k.schema}' has no properties")
    if (!(k.key in schema.properties.keySet())) fail("key '${k.key}' is not a property of ${k.schema}")
    (k.parents as List).each { if (!(it in seen)) fail("parent '$it' is not declared before it") }
    List readOnly = (k.readOnly ?: []) as List
    List createOnly = (k.createOnly ?: []) as List
    (readOnly + createOnly).each { if (!(it in schema.properties.keySet())) fail("'$it' is not a property of ${k.schema}") }
    if (k.key in readOnly) fail("its key '${k.key}' is read-only")
    def fields = []
    schema.properties.each { String json, Map prop ->
        if (json in readOnly) return
        Map s = resolve(prop)
        String type
        List choices = []
        if (choicesOf(s)) {
            type = 'CHOICE'; choices = choicesOf(s)
        } else if (s.type == 'boolean') {
            type = 'BOOLEAN'
        } else if (s.type in ['integer', 'number']) {
            type = 'NUMBER'
        } else if (s.type == 'string') {
            type = 'TEXT'
        } else if (s.type == 'array') {
            Map items = resolve(s.items as Map)
            if (choicesOf(items)) {
                type = 'CHOICES'; choices = choicesOf(items)
            } else if (items?.type == 'string') {
                type = 'TEXTS'
            } else if (items?.type in ['integer', 'number']) {
                type = 'NUMBERS'
            } else if (items?.type == 'object' || items?.properties) {
                type = 'OBJECTS'
            } else {
                fail("field '$json': a list of $items has no type")
            }
        } else if (s.type == 'object' || s.properties) {
            type = 'OBJECT'
        } else {
            fail("field '$json': its schema has no type a script can declare")
        }
        boolean secret = prop.format == 'password' || prop.writeOnly == true ||
                (k.schema == 'Integration' && json in catalogSecrets)
        String summary = firstLine(prop.description ?: s.description) ?: "Sets $json."
        fields << "        new FieldSpec(${q(json)}, ${q(camel(json))}, FieldSpec.Type.$type, ${strings(choices)}, $secret, " +
                "${q(prop['x-buddy-secret-when'] as String)}, ${q(summary)})"
    }
    seen << word
    kinds << "    new DeclaredKind(${q(word)}, ${q(k.key as String)}, ${strings(k.parents as List)}, ${k.ordered ? 'true' : 'false'},\n" +
            "        java.util.List.of(\n" + fields.join(',\n') + "),\n" +
            "        ${q(k.summary as String)}, ${strings(createOnly)}, ${k.open ? 'true' : 'false'}, ${strings(readOnly)},\n" +
            "        java.util.Map.of(" + ((k.builtIn as Map ?: [:]).collect { f, vs ->
                if (!(f in schema.properties.keySet())) fail("builtIn '$f' is not a property of ${k.schema}")
                "${q(f as String)}, ${strings(vs as List)}"
            }.join(', ')) + "))"
}

def src = new StringBuilder()
src << "// Generated from api-spec/openapi.yaml (x-buddy-declare) by src/build/GenerateDeclaredKinds.groovy. Do not edit.\n"
src << "package $pkg;\n\nimport org.buddy4j.core.provision.DeclaredKind;\nimport org.buddy4j.core.provision.FieldSpec;\n\n"
src << "/** The declarable kinds, in dependency order, compiled in so the client needs no YAML at run time. */\n"
src << "@jakarta.annotation.Generated(\"GenerateDeclaredKinds.groovy\")\n"
src << "public final class DeclaredKindData {\n  private DeclaredKindData() {}\n\n"
src << "  /** Every {@code x-buddy-declare} entry, in the spec's order. */\n"
src << "  public static java.util.List<DeclaredKind> kinds() {\n    return java.util.List.of(\n"
src << kinds.join(',\n') << ");\n  }\n}\n"
new File(dir, 'DeclaredKindData.java').text = src.toString()
log.info("Generated ${kinds.size()} declarable kinds into $dir")
