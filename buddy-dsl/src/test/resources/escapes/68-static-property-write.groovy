// technique: writing a static property of a class
// expect-line: 5
// expect: 'metaClassProp' cannot be set on this value
run pipeline 2 on branch "master" comment "before the escape"
Integer.metaClassProp = 1
