// expect-line: 5
// expect: allPipelinesAllowed expects true or false | got text
integration {
  type GIT_LAB
  allPipelinesAllowed "yes"
}
