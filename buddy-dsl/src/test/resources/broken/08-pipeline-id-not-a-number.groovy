// expect-line: 3
// expect: pipeline's ID must follow 'run pipeline' as a number | run(pipeline: id
run pipeline deploy on branch "master"
