// expect-line: 5
// expect: write priority <value> (without '='): priority LOW
project "web" {
  pipeline "deploy" {
    priority = HIGH
  }
}
