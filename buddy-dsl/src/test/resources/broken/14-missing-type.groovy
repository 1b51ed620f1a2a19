// expect-line: 3
// expect: integration { } needs a type | type AMAZON
integration {
  name "Something"
  scope WORKSPACE
}
