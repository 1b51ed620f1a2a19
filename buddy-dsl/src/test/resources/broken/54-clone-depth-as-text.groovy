// expect-line: 5
// expect: cloneDepth expects a whole number, e.g. cloneDepth 1, got text
project "web" {
  pipeline "deploy" {
    cloneDepth "deep"
  }
}
