// technique: an AST transform through @Field
// expect-line: 4
// expect: annotations such as @Field are not allowed
@groovy.transform.Field def x = "touch MARKER".execute()
run pipeline 2 on branch "master" comment "before the escape"
