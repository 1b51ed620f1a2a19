// expect-line: 5
// expect: priority expects LOW, NORMAL or HIGH, not 'URGENT'
project "web" {
  pipeline "deploy" {
    priority URGENT
  }
}
