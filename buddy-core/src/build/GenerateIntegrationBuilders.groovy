// Generates buddy-core's typed integration builders from the spec's x-buddy-integration-catalog.
//
// Runs in generate-sources (gmavenplus). Writes, under target/generated-sources/catalog:
//   org/buddy4j/core/generated/integrations/IntegrationCatalogData.java  the catalog as Java data
//   org/buddy4j/core/generated/integrations/<Type>IntegrationBuilder.java one typed builder per type
//   org/buddy4j/core/generated/integrations/Integrations.java            a factory method per type
//   org/buddy4j/core/generated/integrations/IntegrationTypes.java        the type names as constants
// The catalog stays the single source: nothing here is hand-edited or committed.
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory

// gmavenplus binds the <properties> of the execution as script variables.
def spec = new File(binding.getVariable('specFile') as String)
def outRoot = new File(binding.getVariable('outputDirectory') as String)
def pkg = 'org.buddy4j.core.generated.integrations'
def dir = new File(outRoot, pkg.replace('.', '/'))
dir.mkdirs()

def catalog = new ObjectMapper(new YAMLFactory()).readValue(spec, Map)['x-buddy-integration-catalog']
if (!catalog) throw new IllegalStateException("no x-buddy-integration-catalog in $spec")

String camel(String snake, boolean upperFirst) {
    def parts = snake.toLowerCase().split('_')
    def s = parts[0] + parts.drop(1).collect { it.capitalize() }.join('')
    upperFirst ? s.capitalize() : s
}
String q(String s) { '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"' }
String strings(List l) { l.collect { q(it as String) }.join(', ') }
def header = "// Generated from api-spec/openapi.yaml (x-buddy-integration-catalog) by src/build/GenerateIntegrationBuilders.groovy. Do not edit.\n"

// 1. The catalog as data.
def data = new StringBuilder(header)
data << "package $pkg;\n\nimport org.buddy4j.core.integrations.IntegrationCatalog;\n\n"
data << "/** The integration catalog of the spec, compiled in so the client needs no YAML at run time. */\n"
data << "@jakarta.annotation.Generated(\"GenerateIntegrationBuilders.groovy\")\n"
data << "public final class IntegrationCatalogData {\n  private IntegrationCatalogData() {}\n\n"
data << "  /** Builds the catalog. */\n  public static IntegrationCatalog catalog() {\n"
data << "    IntegrationCatalog.Builder b = IntegrationCatalog.builder()\n"
data << "        .commonFields(${strings(catalog.commonFields)})\n"
data << "        .secretFields(${strings(catalog.secretFields)})\n"
data << "        .returnedFields(${strings(catalog.returnedFields ?: [])});\n"
catalog.types.each { String type, Map t ->
    data << "    b.type(${q(type)}, ${q(t.title as String)}, ${t.creatable ? 'true' : 'false'})\n"
    data << "        .fields(${strings(t.fields ?: [])})\n"
    (t.aliases ?: [:]).each { a, c -> data << "        .alias(${q(a as String)}, ${q(c as String)})\n" }
    t.authModes.each { m ->
        data << "        .mode(${q(m.authType as String)}, ${m.default ? 'true' : 'false'}${m.required ? ', ' + strings(m.required) : ''})\n"
    }
    data << "        .end();\n"
}
data << "    return b.build();\n  }\n}\n"
new File(dir, 'IntegrationCatalogData.java').text = data.toString()

// 2. One typed builder per type, and 3. the factory.
def factory = new StringBuilder(header)
factory << "package $pkg;\n\n"
factory << "/**\n * Typed builders for every integration type Buddy documents, for\n"
factory << " * {@code POST /workspaces/{workspace}/integrations}. Each builder offers the fields its type takes and\n"
factory << " * checks the type's required fields in {@code build()}.\n */\n"
factory << "@jakarta.annotation.Generated(\"GenerateIntegrationBuilders.groovy\")\n"
factory << "public final class Integrations {\n  private Integrations() {}\n"
catalog.types.each { String type, Map t ->
    def cls = camel(type, true) + 'IntegrationBuilder'
    def src = new StringBuilder(header)
    src << "package $pkg;\n\nimport org.buddy4j.core.integrations.IntegrationBuilder;\n\n"
    def modes = t.authModes.collect { m -> "${m.authType}${m.default ? ' (default)' : ''}: " + ((m.required ?: []).join(', ') ?: 'nothing') }.join('; ')
    src << "/**\n * Builds an integration of type {@code $type} (${t.title}).\n * Required fields per auth_type: ${modes}.\n"
    if (!t.creatable) src << " * Buddy's docs do not show this type being created through the API (it is connected in the UI).\n"
    src << " */\n@jakarta.annotation.Generated(\"GenerateIntegrationBuilders.groovy\")\n"
    src << "public final class $cls extends IntegrationBuilder<$cls> {\n"
    src << "  $cls() {\n    super(${q(type)});\n  }\n"
    (t.fields ?: []).each { String f ->
        def m = camel(f, false)
        if (f == 'role_assumptions') {
            src << "\n  /** Adds an AWS role to assume ({@code role_assumptions[]}). */\n"
            src << "  public $cls roleAssumption(String arn) {\n    return addRoleAssumption(arn, null, null);\n  }\n"
            src << "\n  /** Adds an AWS role to assume, with an external ID and a session duration in seconds. */\n"
            src << "  public $cls roleAssumption(String arn, String externalId, Integer durationSeconds) {\n    return addRoleAssumption(arn, externalId, durationSeconds);\n  }\n"
        } else {
            def secret = (catalog.secretFields as List).contains(f)
            src << "\n  /** Sets {@code $f}${secret ? ' (secret: never printed)' : ''}. */\n"
            src << "  public $cls ${m}(String value) {\n    return set(${q(f)}, value);\n  }\n"
        }
    }
    src << "}\n"
    new File(dir, "${cls}.java").text = src.toString()
    factory << "\n  /** A builder for a ${t.title} ({@code $type}) integration. */\n"
    factory << "  public static $cls ${camel(type, false)}() {\n    return new $cls();\n  }\n"
}
factory << "}\n"
new File(dir, 'Integrations.java').text = factory.toString()

// 4. The type names as constants (for code and for the DSL's static import: `type AMAZON`).
def types = new StringBuilder(header)
types << "package $pkg;\n\n"
types << "/** Every integration {@code type} Buddy documents, as constants. The set is open: Buddy may send others. */\n"
types << "@jakarta.annotation.Generated(\"GenerateIntegrationBuilders.groovy\")\n"
types << "public final class IntegrationTypes {\n  private IntegrationTypes() {}\n"
catalog.types.each { String type, Map t ->
    types << "\n  /** ${t.title}. */\n  public static final String $type = ${q(type)};\n"
}
types << "}\n"
new File(dir, 'IntegrationTypes.java').text = types.toString()

project.addCompileSourceRoot(outRoot.path)
log.info("Generated ${catalog.types.size()} integration builders into $dir")
