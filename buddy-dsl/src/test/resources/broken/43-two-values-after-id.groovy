// expect-line: 3
// expect: Unsupported command argument | run(pipeline: 2) { variable
run pipeline 2 comment "x" variable "A", "1"
