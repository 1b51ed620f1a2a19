// expect-line: 6
// expect: project "web" / variable "STAGE" is declared twice | here and at broken/70-variable-declared-twice.groovy:5
workspace "buddy" {
  project "web" {
    variable "STAGE", "staging"
    variable "STAGE", "production"
  }
}
