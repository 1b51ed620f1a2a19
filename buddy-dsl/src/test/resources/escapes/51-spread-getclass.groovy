// technique: getClass() on every element with *.
// expect-line: 5
// expect: 'getClass' is not available
run pipeline 2 on branch "master" comment "before the escape"
def cs = ["x"]*.getClass()
