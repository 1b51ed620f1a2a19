// expect-line: 3
// expect: run needs the pipeline | run(pipeline: 2
run branch: "master", comment: "x"
