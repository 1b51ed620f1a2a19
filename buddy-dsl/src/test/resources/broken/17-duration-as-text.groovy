// expect-line: 7
// expect: duration expects a whole number | got text
integration {
  type AMAZON
  roleAssumption {
    arn "arn:aws:iam::1:role/x"
    duration "long"
  }
}
