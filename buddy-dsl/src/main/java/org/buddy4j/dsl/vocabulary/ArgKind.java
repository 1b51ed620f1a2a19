package org.buddy4j.dsl.vocabulary;

/** What a DSL word takes after it; drives the compile-time and run-time checks of its arguments. */
public enum ArgKind {
  /** A bare word used as a value ({@code pipeline}, {@code on}, {@code at}). */
  MARKER("nothing (a bare word)"),
  /** One text value. */
  TEXT("text, e.g. \"value\""),
  /** One whole number. */
  NUMBER("a whole number"),
  /** {@code true} or {@code false}. */
  BOOLEAN("true or false"),
  /** One of a fixed set of constants (see {@link Word#choices()}). */
  CHOICE("one of the listed constants"),
  /** A date and time in ISO-8601 with a zone, e.g. "2026-11-18T12:38:16Z". */
  DATE_TIME("a date-time text such as \"2026-11-18T12:38:16Z\""),
  /** A name and a value: {@code variable "KEY", "value"}. */
  KEY_VALUE("a name and a value: \"KEY\", \"value\""),
  /** Named values: {@code variables VERSION: "1.4", STAGE: "prod"}. */
  MAP("named values: KEY: \"value\", …"),
  /** One or more texts: {@code refs "refs/heads/master", "refs/tags/*"}. */
  TEXTS("one or more texts, e.g. \"a\", \"b\""),
  /** One or more of a fixed set of constants: {@code events PUSH, EXECUTION_FAILED}. */
  CHOICES("one or more of the listed constants"),
  /** Named values that may nest: {@code gitConfig project: "web", branch: "master"}. */
  OBJECT("named values: key: value, …"),
  /** One entry of a list of named values; repeat the word for more: {@code events type: "PUSH"}. */
  OBJECTS("named values for one entry, key: value, …; repeat the word for more"),
  /** A declaration: its natural key and a block, {@code pipeline "deploy" { … }}. */
  DECLARATION("a natural key and a block: \"key\" { … }"),
  /** One or more whole numbers: {@code actions 5, 6}. */
  NUMBERS("one or more whole numbers, e.g. 1, 2"),
  /** An ID and an access level: {@code user 1, USE_ONLY}. */
  ID_AND_CHOICE("an ID and an access level, e.g. 1, USE_ONLY"),
  /** A block: {@code word { … }}. */
  BLOCK("a block { … }"),
  /** A name and a block: {@code word "name" { … }}. */
  NAME_AND_BLOCK("a name and a block: \"name\" { … }"),
  /** A run statement (see the run grammar). */
  RUN("pipeline N …, named values or a block"),
  /** An API field name and its value: {@code field "api_name", value}. */
  FIELD("an API field name and a value: \"api_name\", value"),
  /** Anything (printing). */
  ANY("any value"),
  /** A method of a run's result, called with (). */
  CALL("()");

  private final String description;

  ArgKind(String description) {
    this.description = description;
  }

  /** How the expected value is described in messages. */
  public String description() {
    return description;
  }
}
