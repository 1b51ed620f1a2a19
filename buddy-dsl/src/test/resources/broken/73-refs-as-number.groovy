// expect-line: 5
// expect: refs expects text | got a whole number
project "web" {
  pipeline "deploy" {
    refs 1
  }
}
