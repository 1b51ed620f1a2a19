// expect-line: 4
// expect: unknown integration type 'AMAZONN' | did you mean AMAZON? | Types: AMAZON, ANTHROPIC
integration {
  type AMAZONN
  name "AWS"
}
