// technique: this.evaluate
// expect-line: 5
// expect: 'this' is not available
run pipeline 2 on branch "master" comment "before the escape"
this.evaluate('"touch MARKER".execute()')
