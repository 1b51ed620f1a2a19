// technique: tap { } makes the value the delegate of the closure
// expect-line: 5
// expect: 'tap' is not available
run pipeline 2 on branch "master" comment "before the escape"
"x".tap { getClass() }
