// expect-line: 6
// expect: AMAZON integration does not take 'token' | Valid for AMAZON:
integration {
  type AMAZON
  name "AWS"
  token "not-for-aws"
}
