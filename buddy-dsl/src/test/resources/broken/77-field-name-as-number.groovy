// expect-line: 5
// expect: field expects text
project "web" {
  pipeline "deploy" {
    field 1, "x"
  }
}
