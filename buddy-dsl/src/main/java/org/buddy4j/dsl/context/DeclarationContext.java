package org.buddy4j.dsl.context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.buddy4j.core.provision.Address;
import org.buddy4j.core.provision.Declared;
import org.buddy4j.core.provision.DeclaredKind;
import org.buddy4j.core.provision.FieldSpec;
import org.buddy4j.core.provision.Secret;
import org.buddy4j.dsl.vocabulary.Block;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;

/**
 * A declaration block, {@code pipeline "deploy" { priority HIGH; action "Build" { … } }}: its field words
 * (core's {@link DeclaredKind#fields()}) set fields by API name, {@code field "api_name", value} sets any
 * other, and the kinds nested in it are declared under its address. When the block ends it is one
 * {@link Declared}, secrets wrapped in {@link Secret}. A project block is a statement block too (runs,
 * integrations) and declares the project only if something is declared in it.
 */
public final class DeclarationContext extends StatementContext {
  private final DeclaredKind kind;
  private final Address address;
  private final String source;
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private boolean ownFields;
  private boolean nested;

  DeclarationContext(Scope scope, Block block, DeclaredKind kind, Address address, String source) {
    super(scope, block);
    this.kind = kind;
    this.address = address;
    this.source = source;
    fields.put(kind.keyField(), address.key());
  }

  @Override
  protected Object word(Word word, Object[] args) {
    if (word.name().equals("field")) {
      WordValues.count(word, args, 2);
      fields.put(WordValues.text(word, args[0]), FieldValues.plain(args[1]));
      ownFields = true;
      return null;
    }
    Optional<FieldSpec> field = Vocabulary.get().declarationField(block.id(), word.name());
    if (field.isPresent()) {
      String api = field.get().apiName();
      fields.put(api, FieldValues.of(word, args, fields.get(api)));
      ownFields = true;
      return null;
    }
    return super.word(word, args);
  }

  /** Something was declared inside this block. */
  void nestedDeclared() {
    nested = true;
  }

  /** Whether the block declares its resource: always, but a project only with a field or a nested declaration. */
  boolean declares() {
    return !kind.word().equals(Vocabulary.PROJECT) || ownFields || nested;
  }

  /** Whether only nested declarations make it declared (a project with no field of its own). */
  boolean onlyByNesting() {
    return !ownFields;
  }

  Address address() {
    return address;
  }

  String source() {
    return source;
  }

  /** The declaration, secrets wrapped. */
  Declared toDeclared() {
    return declared(kind, address, fields, source);
  }

  /** A declaration of {@code kind} with these fields, every secret value wrapped in {@link Secret}. */
  static Declared declared(DeclaredKind kind, Address address, Map<String, Object> fields, String source) {
    Map<String, Object> out = new LinkedHashMap<>(fields);
    for (FieldSpec f : kind.fields()) {
      Object v = out.get(f.apiName());
      boolean secret = f.secret() || (f.secretWhen() != null && Boolean.TRUE.equals(out.get(f.secretWhen())));
      if (secret && v instanceof String s) {
        out.put(f.apiName(), Secret.of(s));
      }
    }
    return new Declared(address, kind, out, source);
  }
}
