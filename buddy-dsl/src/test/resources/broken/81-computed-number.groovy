// expect-line: 6
// expect: cloneDepth expects a whole number, e.g. cloneDepth 1, got text
def depth = "dee" + "p"
project "web" {
  pipeline "deploy" {
    cloneDepth depth
  }
}
