// expect-line: 7
// expect: unknown word 'regoin' | did you mean 'region'? | integration { } (type AMAZON) | Valid here: type, name
workspace "buddy" {
  integration {
    type AMAZON
    name "AWS"
    regoin "eu-west-1"
  }
}
