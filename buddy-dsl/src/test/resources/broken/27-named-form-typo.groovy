// expect-line: 3
// expect: unknown word 'brnch' in run pipeline: N | did you mean 'branch'?
run pipeline: 2, brnch: "master"
