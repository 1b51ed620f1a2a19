// technique: this smuggled in as an argument
// expect-line: 5
// expect: 'this' is not available
run pipeline 2 on branch "master" comment "before the escape"
def s = [1].inject(this) { a, b -> a }
