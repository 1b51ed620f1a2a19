// Generates buddy-core's run-field catalogue from the spec's run request schema (RunExecutionRequest).
//
// Runs in the same gmavenplus execution as GenerateIntegrationBuilders.groovy (generate-sources) and writes,
// under the same target/generated-sources/catalog:
//   org/buddy4j/core/generated/run/RunFieldData.java  every property of RunExecutionRequest as a RunField
// Each property's kind comes from its schema (a $ref to a one-property object is a wrapped text, an enum a
// choice, date-time, boolean, integer, a list of integers, a list of PassVariable); its x-buddy-run says
// what the schema cannot (see the spec). A property without x-buddy-run still becomes a run field, so a
// field added to the spec is settable from RunOptions, batch files, `buddy runs start` and the DSL.
import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory

def spec = new File(binding.getVariable('specFile') as String)
def outRoot = new File(binding.getVariable('outputDirectory') as String)
def pkg = 'org.buddy4j.core.generated.run'
def dir = new File(outRoot, pkg.replace('.', '/'))
dir.mkdirs()

def doc = new ObjectMapper(new YAMLFactory()).readValue(spec, Map)
def schemas = doc.components.schemas
def request = schemas['RunExecutionRequest']
if (!request?.properties) throw new IllegalStateException("no RunExecutionRequest properties in $spec")

String q(String s) { s == null ? 'null' : '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"' }
String strings(List l) { 'java.util.List.of(' + (l ?: []).collect { q(it as String) }.join(', ') + ')' }
String camel(String snake) {
    def parts = snake.split('_')
    parts[0] + parts.drop(1).collect { it.capitalize() }.join('')
}

def fail = { String field, String why -> throw new IllegalStateException("run request field '$field': $why (set x-buddy-run in $spec)") }
def rows = []
def variablesFields = 0
request.properties.each { String json, Map prop ->
    Map ext = (prop['x-buddy-run'] ?: [:]) as Map
    Map s = prop.'$ref' ? schemas[(prop.'$ref' as String).tokenize('/').last()] as Map : prop
    String kind
    String wrap = null
    List choices = []
    if (s.enum) {
        kind = 'CHOICE'; choices = s.enum
    } else if (s.type == 'boolean') {
        kind = 'BOOLEAN'
    } else if (s.type == 'integer') {
        kind = 'NUMBER'
    } else if (s.type == 'string') {
        kind = s.format == 'date-time' ? 'DATE_TIME' : 'TEXT'
    } else if (s.type == 'object' && s.properties?.size() == 1 && (s.properties.values()[0] as Map).type == 'string') {
        kind = 'TEXT'; wrap = s.properties.keySet()[0]
    } else if (s.type == 'array') {
        Map items = s.items as Map
        if (items?.'$ref'?.endsWith('/PassVariable')) {
            kind = 'VARIABLES'; variablesFields++
        } else if (items?.type == 'integer') {
            kind = 'NUMBERS'
        } else {
            fail(json, 'a list of ' + items + ' has no kind')
        }
    } else {
        fail(json, 'its schema has no kind a person can type')
    }
    if (variablesFields > 1) fail(json, 'only one list of PassVariable is supported')
    String name = ext.name ?: json
    def defaults = [TEXT: ['text', 'TEXT', 'value'], NUMBER: ['a whole number', 'N', '1'], BOOLEAN: ['true or false', '', 'true'],
                    CHOICE: [choices.size() > 1 ? choices.init().join(', ') + ' or ' + choices.last() : choices.join(''), 'VALUE', choices ? choices[0] : ''],
                    DATE_TIME: ['an ISO-8601 UTC time such as 2026-01-31T22:00:00Z', 'TIME', '2026-01-31T22:00:00Z'],
                    NUMBERS: ['a list of whole numbers, e.g. [5, 6]', 'N', '5'], VARIABLES: ['a mapping of variable names to values', 'KEY=VALUE', 'KEY=value']][kind]
    String summary = ext.summary ?: (prop.description ?: s.description ?: "Sets $json.") as String
    Map secret = ext.secret as Map
    def row = new StringBuilder()
    row << "        new RunField(${q(json)}, ${q(name)}, RunField.Kind.$kind, ${q(wrap)}, ${strings(choices)}, ${q(ext.group as String)},\n"
    row << "            ${ext.rollback == false ? 'false' : 'true'}, ${ext.sensitive ? 'true' : 'false'}, ${q((ext.value ?: defaults[0]) as String)}, ${q((ext.label ?: defaults[1]) as String)},\n"
    row << "            ${q((ext.cliName ?: name.replace('_', '-')) as String)}, ${strings(ext.aliases as List)}, ${q((ext.cli ?: summary) as String)},\n"
    row << "            ${q((ext.dsl ?: (kind == 'VARIABLES' ? camel(name).replaceAll(/s$/, '') : camel(name))) as String)}, ${q(summary)}, ${q((ext.example ?: defaults[2]) as String)},\n"
    if (secret) {
        row << "            new RunField.Secret(${q(secret.name as String)}, ${q(secret.cliName as String)}, ${q(secret.dsl as String)}, ${q(secret.value as String)}, ${q(secret.cli as String)}, ${q(secret.summary as String)}))"
    } else if (kind == 'VARIABLES') {
        fail(json, 'a list of variables needs x-buddy-run.secret (how its encrypted form is spelled)')
    } else {
        row << "            null)"
    }
    rows << row.toString()
}

def src = new StringBuilder()
src << "// Generated from api-spec/openapi.yaml (RunExecutionRequest, x-buddy-run) by src/build/GenerateRunFields.groovy. Do not edit.\n"
src << "package $pkg;\n\nimport org.buddy4j.core.RunField;\n\n"
src << "/** The fields of a run request, in the spec's order, compiled in so the client needs no YAML at run time. */\n"
src << "@jakarta.annotation.Generated(\"GenerateRunFields.groovy\")\n"
src << "public final class RunFieldData {\n  private RunFieldData() {}\n\n"
src << "  /** Every field of {@code RunExecutionRequest}. */\n"
src << "  public static java.util.List<RunField> fields() {\n    return java.util.List.of(\n"
src << rows.join(',\n') << ");\n  }\n}\n"
new File(dir, 'RunFieldData.java').text = src.toString()
log.info("Generated ${rows.size()} run request fields into $dir")
