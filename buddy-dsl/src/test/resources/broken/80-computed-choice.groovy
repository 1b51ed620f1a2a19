// expect-line: 6
// expect: priority expects LOW, NORMAL or HIGH, not 'URGENT'
def level = "URG" + "ENT"
project "web" {
  pipeline "deploy" {
    priority level
  }
}
