// expect-line: 3
// expect: the pipeline's name is text: put it in quotes, run pipeline "deploy" | or give its ID as a number
run pipeline deploy on branch "master"
