// expect-line: 4
// expect: variable expects its key and a block: variable "…" { … } | or its key and a value: variable "KEY", "value"
project "web" {
  variable "STAGE"
}
