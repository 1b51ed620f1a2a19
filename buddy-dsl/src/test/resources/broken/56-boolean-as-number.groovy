// expect-line: 5
// expect: alwaysFromScratch expects true or false, got a whole number
project "web" {
  pipeline "deploy" {
    alwaysFromScratch 1
  }
}
